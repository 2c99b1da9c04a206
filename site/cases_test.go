package site

import "github.com/tailordocs/tailor/content"

// goldenCases builds the pages of each golden case, by the base name of
// its testdata file.
var goldenCases = map[string]func() []Page{
	"text":        caseText,
	"code":        caseCode,
	"lists":       caseLists,
	"blocks":      caseBlocks,
	"tables":      caseTables,
	"images":      caseImages,
	"footnotes":   caseFootnotes,
	"xrefs":       caseXrefs,
	"toctree":     caseToctree,
	"directives":  caseDirectives,
	"roles":       caseRoles,
	"values":      caseValues,
	"index":       caseIndex,
	"theme":       caseTheme,
	"bad-pages":   caseBadPages,
	"empty":       func() []Page { return nil },
	"untitled":    caseUntitled,
	"markdown":    caseMarkdown,
	"include":     caseInclude,
	"numbered-ok": caseNumbered,
	"sessions":    caseSessions,
	"highlight":   caseHighlight,
}

func page(p string, d *content.Doc) Page { return Page{Doc: d, Path: p} }

func caseText() []Page {
	return []Page{page("index.html", doc("index.rst",
		sec(1, "Preparing the server",
			para("Plain text with ", em("emphasis"), ", ", strong("strong words"), " and ",
				lit("inline <code> & more"), "; characters such as < > & \" ' are escaped once."),
			para("A line", &content.LineBreak{}, "broken in two, and a ", link("https://example.org/a?b=1&c=2", "link with a query"), "."),
			&content.Transition{},
			sec(2, inl("Section with ", lit("code"), " in its title"),
				para("Second level."),
				sec(3, "Third level",
					para("Third."),
					sec(4, "Fourth", sec(5, "Fifth", sec(6, "Sixth", sec(7, "Seventh clamps to h6", para("Deep.")))))),
			),
			labeled(sec(2, "A labeled section", para("Has two labels.")), "first-label", "second_label"),
			target("before-paragraph"),
			para("This paragraph is anchored by a label target."),
			&content.Comment{Text: "a comment is not shown"},
			&content.SubstitutionDef{Name: "x", Directive: "replace", Inlines: inl("not shown")},
			target("at-the-end"),
		),
	))}
}

func caseCode() []Page {
	annotated := code("ini", "[main]\nkey = value", opt("caption", "/etc/app/app.ini"))
	annotated.Annotation = &content.Annotation{Attrs: []content.Option{{Name: "file", Value: "/etc/app/app.ini"}, {Name: "op", Value: "create"}}}
	return []Page{page("code.html", doc("code.rst",
		sec(1, "Code blocks",
			code("python", "def main():\n    print(\"<hello> & bye\")  # comment\n    return 42"),
			code("console", "$ sudo apt install nginx\nReading package lists... Done\n# systemctl reload nginx"),
			code("shell-session", "$ echo hi\nhi"),
			code("BASH", "for f in *.conf; do\n  echo \"$f\"\ndone"),
			code("no-such-language", "kept <as> written & escaped"),
			code("", "a literal block without a language"),
			&content.Code{Directive: "parsed-literal", Text: "run this <now>\n  & link",
				Inlines: inl("run ", strong("this"), " <now>\n  & ", link("https://e.example/", "link"))},
			code("python", "x = 1\ny = 2\nz = 3\nw = 4", opt("linenos", ""), opt("emphasize-lines", "2,3-4")),
			code("text", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten",
				opt("lineno-start", "7"), opt("emphasize-lines", "1, 9-20, x, 5-3")),
			code("yaml", "name: shop\nport: 8000", opt("caption", "Settings for the shop"), opt("name", "shop-settings")),
			annotated,
			directive("highlight", "python"),
			code("", "print('highlighted by the highlight directive')"),
			code("python", ""),
		),
	))}
}

func caseSessions() []Page {
	md := code("", "$ make\nmake: nothing to do")
	md.Directive = "fence"
	return []Page{page("sessions.html", doc("sessions.rst",
		sec(1, "Sessions",
			code("", ">>> import os\n>>> os.getcwd()\n'/srv'\n>>> for i in range(2):\n...     print(i)\n...\n0\n1"),
			code("python", ">>> 1 + 1\n2"),
			code("", "$ ls -l\ntotal 0"),
			code("", "if x:\n    $ not python"),
			code("bash", "$ sudo systemctl restart nginx"),
			code("bash", "# a comment, not a prompt\nls"),
			code("text", "user@host:~$ cat > /etc/motd <<'EOF'\nWelcome\nEOF\n(venv) $ ls \\\n>   -l\ntotal 0\n[root@host etc]# id -u\n0"),
			code("console", "$ echo one\\\n  two\none two"),
			md,
			directive("highlight", "none"),
			code("", "x = 1"),
		),
	))}
}

func caseHighlight() []Page {
	return []Page{page("highlight.html", doc("highlight.rst",
		sec(1, "Highlight language",
			code("", "$ systemctl status nginx\nactive"),
			&content.Code{Directive: "code-block", Text: "[main]\nkey = 1", Line: 1},
			&content.Code{Directive: "fence", Text: "[not highlighted]", Line: 1},
		),
	))}
}

func caseLists() []Page {
	return []Page{page("lists.html", doc("lists.rst",
		sec(1, "Lists",
			ul(li("compact one"), item(para("compact two"), ul(li("nested")))),
			ul(item(para("loose item"), para("with two paragraphs")), li("and a short one")),
			ol(1, "arabic", li("first"), li("second")),
			ol(3, "loweralpha", li("c"), li("d")),
			ol(1, "upperroman", li("I")),
			func() *content.List { l := ol(0, "arabic", li("starts at zero")); l.Bullet = "0."; return l }(),
			ul(task(true, "done task"), task(false, "open task"), &content.Item{Checked: new(bool)}),
			ul(func() *content.Item {
				it := item(para("loose task"), code("sh", "make"))
				it.Checked = new(bool)
				*it.Checked = true
				return it
			}()),
			&content.DefList{Items: []*content.DefItem{
				{Term: inl("term"), Def: []content.Block{para("definition")}},
				{Term: inl("typed term"), Classifiers: [][]content.Inline{inl("string"), inl("optional")}, Def: []content.Block{para("one"), para("two")}},
			}},
			&content.FieldList{Fields: []*content.Field{
				{Name: inl("Author"), Body: []content.Block{para("The team")}},
				{Name: inl("Version"), Body: []content.Block{para("2.1"), para("second paragraph")}},
			}},
			&content.OptionList{Items: []*content.OptionItem{
				{Options: []string{"-v", "--verbose"}, Desc: []content.Block{para("Talk more.")}},
				{Options: []string{"-o FILE"}, Desc: []content.Block{para("Write to FILE.")}},
			}},
		),
	))}
}

func caseBlocks() []Page {
	return []Page{page("blocks.html", doc("blocks.rst",
		sec(1, "Admonitions and quotes",
			note("note", para("A note.")),
			note("warning", para("A warning.")),
			note("danger", para("Danger.")),
			note("tip", para("Tip.")),
			note("hint", para("Hint.")),
			note("important", para("Important.")),
			note("caution", para("Caution.")),
			note("attention", para("Attention.")),
			note("error", para("Error.")),
			note("seealso", para("See also.")),
			note("todo", para("Later.")),
			note("custom-kind", para("Unknown kinds get a capitalized title.")),
			&content.Admonition{Kind: "note", Title: inl("A note's first line"), Blocks: []content.Block{para("The rest.")}},
			&content.Admonition{Kind: "admonition", Title: inl("Before you start"), Blocks: []content.Block{para("A generic admonition.")}},
			&content.BlockQuote{Blocks: []content.Block{para("A quotation.")}},
			&content.BlockQuote{Blocks: []content.Block{para("Simple is better.")}, Attribution: inl("Someone wise")},
			&content.LineBlock{Lines: []*content.Line{
				{Inlines: inl("first line")},
				{Indent: 1, Inlines: inl("indented")},
				{Indent: 2, Inlines: inl("more indented")},
				{},
				{Inlines: inl("back")},
			}},
		),
	))}
}

func caseTables() []Page {
	return []Page{page("tables.html", doc("tables.rst",
		sec(1, "Tables",
			&content.Table{
				Caption: inl("Ports"),
				Stub:    1,
				Align:   []string{"left", "center", "right"},
				Head:    []*content.Row{row(cell("Service"), cell("Proto"), cell("Port"))},
				Body: []*content.Row{
					row(cell("web"), cell("tcp"), cell("80")),
					row(&content.Cell{RowSpan: 2, Blocks: []content.Block{para("mail")}}, cell("tcp"), cell("25")),
					row(cell("tcp"), cell("587")),
					row(&content.Cell{ColSpan: 2, Blocks: []content.Block{para("both")}}, cell("53")),
				},
			},
			&content.Table{
				Body: []*content.Row{
					row(&content.Cell{Blocks: []content.Block{para("two"), para("paragraphs")}}, &content.Cell{}),
				},
			},
			&content.Table{Caption: inl("Second captioned table"), Name: "second", Body: []*content.Row{row(cell("x"))}},
			para(role("ref", "second"), role("numref", "second")),
		),
	))}
}

func caseImages() []Page {
	return []Page{page("guide/images.html", doc("content/guide/images.rst",
		sec(1, "Images",
			&content.Image{URI: "img/diagram.png", Alt: "A diagram"},
			&content.Image{URI: "/shared/logo.svg", Options: []content.Option{
				{Name: "width", Value: "200"}, {Name: "height", Value: "50 %"}, {Name: "align", Value: "center"},
				{Name: "class", Value: "Shadow wide"}, {Name: "target", Value: "https://example.org/"},
			}},
			&content.Image{URI: "https://example.org/remote.png", Options: []content.Option{{Name: "width", Value: "expression(alert(1))"}}},
			&content.Image{URI: "../../../outside.png", Alt: "outside"},
			target("the-figure"),
			&content.Figure{
				Image:   &content.Image{URI: "img/flow.png", Options: []content.Option{{Name: "align", Value: "center"}, {Name: "scale", Value: "70 %"}}},
				Caption: inl("How requests flow"),
				Legend:  []content.Block{para("Legend text.")},
			},
			&content.Figure{Image: &content.Image{URI: "img/plain.png", Options: []content.Option{{Name: "name", Value: "plain-fig"}}}},
			para("Inline ", &content.InlineImage{URI: "img/icon.png", Alt: "icon", Title: "An icon"}, " image."),
		),
	))}
}

func caseFootnotes() []Page {
	return []Page{
		page("notes.html", doc("notes.rst",
			sec(1, "Notes",
				para("Numbered", &content.FootnoteRef{Label: "1", Number: 1}, ", again", &content.FootnoteRef{Label: "1", Number: 1},
					", auto", &content.FootnoteRef{Label: "#", Number: 2},
					", named", &content.FootnoteRef{Label: "#named", Number: 3},
					", symbols", &content.FootnoteRef{Label: "*"}, &content.FootnoteRef{Label: "*"},
					", missing", &content.FootnoteRef{Label: "9", Number: 9},
					", citation", &content.CitationRef{Label: "Smith2020"},
					", remote citation", &content.CitationRef{Label: "Other2019"},
					", no citation", &content.CitationRef{Label: "Nobody1999"}, "."),
				&content.Footnote{Label: "1", Number: 1, Blocks: []content.Block{para("First.")}},
				&content.Footnote{Label: "#", Number: 2, Blocks: []content.Block{para("Second.")}},
				&content.Footnote{Label: "#named", Number: 3, Blocks: []content.Block{para("Third.")}},
				&content.Footnote{Label: "*", Blocks: []content.Block{para("Star.")}},
				&content.Footnote{Label: "*", Blocks: []content.Block{para("Dagger.")}},
				&content.Footnote{Label: "4", Number: 4, Blocks: []content.Block{para("Never referenced.")}},
				&content.Citation{Label: "Smith2020", Blocks: []content.Block{para("Smith, a book.")}},
			),
		)),
		page("refs.html", doc("refs.rst",
			sec(1, "References",
				para("Cited from elsewhere", &content.CitationRef{Label: "smith2020"}, "."),
				&content.Citation{Label: "Other2019", Blocks: []content.Block{para("Another work.")}},
			),
		)),
	}
}

func caseXrefs() []Page {
	return []Page{
		page("index.html", doc("index.rst",
			sec(1, "Home",
				para("To ", role("ref", "mail-setup"), ", with a title ", role("ref", "the mail chapter <mail-setup>"),
					", to a target label ", role("ref", "Relay settings <relay>"), ", to a code caption ", role("ref", "relay-conf"),
					", to a figure ", role("ref", "arch"), ", to a term ", role("ref", "Glossary entry <glossary-sec>"), "."),
				para("Documents: ", role("doc", "mail/postfix"), ", ", role("doc", "Postfix, by title <mail/postfix>"),
					", absolute ", role("doc", "/mail/postfix"), "."),
				para("Numbers: ", role("numref", "arch"), ", ", role("numref", "Figure {number}: {name} <arch>"),
					", ", role("numref", "relay-conf"), ", ", role("numref", "Tab. %s <ports>"), "."),
				para("Terms: ", role("term", "MTA"), " and ", role("term", "the agent <mta>"), "."),
				para("Sphinx's pages: ", role("ref", "genindex"), ", ", role("ref", "Find <search>"), "."),
				para("Broken: ", role("ref", "mail-setpu"), ", ", role("ref", "plain-anchor"), ", ", role("doc", "mail/postfx"),
					", ", role("numref", "mail-setup"), ", ", role("numref", "uncaptioned"), ", ", role("numref", "nowhere"),
					", ", role("term", "MUA"), ", ", role("doc", "Nice title <missing>"), "."),
				target("plain-anchor"),
				para("An anchored paragraph."),
			),
		)),
		page("mail/postfix.html", doc("content/mail/postfix.rst",
			target("mail-setup"),
			sec(1, inl("Setting up ", lit("postfix")),
				para("Back to ", role("doc", "../index"), " and ", role("ref", "plain-anchor"), "."),
				target("relay"),
				sec(2, "Relay",
					code("ini", "relayhost = [smtp.example.org]:587", opt("caption", "main.cf excerpt"), opt("name", "relay-conf")),
					target("arch"),
					&content.Figure{Image: &content.Image{URI: "arch.png"}, Caption: inl("The mail ", em("architecture"))},
					target("uncaptioned"),
					&content.Figure{Image: &content.Image{URI: "plain.png"}},
					target("ports"),
					&content.Table{Caption: inl("Mail ports"), Body: []*content.Row{row(cell("25"))}},
					target("mail-setup"),
					para("A duplicate label above."),
				),
				labeled(sec(2, "Glossary", directive("glossary", "", &content.DefList{Items: []*content.DefItem{
					{Term: inl("MTA"), Def: []content.Block{para("Mail transfer agent.")}},
					{Term: inl("Smart host"), Def: []content.Block{para("A relay.")}},
				}})), "glossary-sec"),
			),
		)),
	}
}

func caseToctree() []Page {
	return []Page{
		page("index.html", doc("index.rst",
			sec(1, "Deploying the shop",
				&content.Toctree{Numbered: true, MaxDepth: 2, Caption: "Chapters", Entries: []content.TocEntry{
					{Doc: "intro"}, {Doc: "mail/index"}, {Title: "Custom title", Doc: "web"}, {Doc: "missing-chapter"},
					{Title: "Project site", Doc: "https://example.org/shop"},
				}},
				&content.Toctree{Hidden: true, Entries: []content.TocEntry{{Doc: "hidden-missing"}, {Doc: "intro"}}},
				&content.Toctree{MaxDepth: 1, Glob: true, Entries: []content.TocEntry{{Doc: "mail/*"}, {Doc: "self"}}},
			),
		)),
		page("intro.html", doc("intro.rst",
			sec(1, "Introduction", sec(2, "Why", sec(3, "Deeper", para("x."))), sec(2, "How", para("y."))),
		)),
		page("mail/index.html", doc("mail/index.rst",
			sec(1, "Mail",
				&content.Toctree{Entries: []content.TocEntry{{Doc: "postfix"}, {Doc: "/index"}}},
				sec(2, "Overview", para("z.")),
			),
		)),
		page("mail/postfix.html", doc("mail/postfix.rst", sec(1, "Postfix", sec(2, "Install", para("w."))))),
		page("web.html", doc("web.rst", sec(1, "Web server", para("v.")))),
	}
}

func caseDirectives() []Page {
	generic := &content.Directive{Name: "py:function", Args: "run(x)", Options: []content.Option{{Name: "module", Value: "app <core>"}, {Name: "noindex"}},
		Body: "Runs <x>.\n\nTwice.", Known: false}
	return []Page{page("directives.html", doc("directives.rst",
		sec(1, "Directives",
			directive("contents", "", nil...),
			&content.Directive{Name: "topic", Args: "In short", Options: []content.Option{{Name: "subtitle", Value: "A summary"}}, Blocks: []content.Block{para("Topic body.")}, Known: true},
			&content.Directive{Name: "sidebar", Title: inl("Aside ", em("title")), Blocks: []content.Block{para("Sidebar body.")}, Known: true},
			directive("rubric", "A rubric"),
			&content.Directive{Name: "math", Body: "e^{i\\pi} + 1 < 2", Known: true},
			directive("versionadded", "2.0", para("Added the thing.")),
			directive("deprecated", "3.1"),
			directive("centered", "Centered words"),
			directive("epigraph", "", para("An epigraph.")),
			directive("pull-quote", "", &content.BlockQuote{Blocks: []content.Block{para("A quote.")}, Attribution: inl("Its author")}),
			directive("container", "Custom-Box note", para("In a container.")),
			directive("index", "single: hidden"),
			generic,
			&content.Directive{Name: "unknown-thing", Args: "x", Title: inl("Titled"), Blocks: []content.Block{para("Parsed body.")}},
			&content.Raw{Format: "html", Text: `<div class="raw">raw <b>HTML</b></div>`},
			&content.Raw{Format: "latex", Text: `\newpage`},
			&content.Only{Expr: "nginx", Blocks: []content.Block{para("Only content, already selected.")}},
			sec(2, "Substitutions and raw inline",
				para("Version ", &content.SubstRef{Name: "version", Children: inl(strong("2.1"))}, ", undefined ",
					&content.SubstRef{Name: "nope"}, ", raw ", &content.RawInline{Format: "html", Text: "<sup>sup</sup>"},
					&content.RawInline{Format: "latex", Text: `\LaTeX`}, ", and an ",
					&content.InlineTarget{Name: "inline target", ID: "inline-target", Children: inl("inline target")}, "."),
			),
		),
	))}
}

func caseRoles() []Page {
	return []Page{page("roles.html", doc("roles.rst",
		sec(1, "Roles",
			para(role("file", "/etc/{app}/app.conf"), " ", role("samp", `print {x} \{literal\}`), " ",
				role("command", "systemctl"), " ", role("program", "nginx"), " ", role("code", "a < b"), " ",
				role("literal", "lit"), " ", role("envvar", "HOME"), " ", role("option", "--force"), " ",
				role("literal", `C:\\path`), " ", role("strong", `\*x\*`), " ", role("code", `a\\b`), "."),
			para(role("kbd", "Ctrl+C"), " ", role("abbr", "TLS (Transport Layer Security)"), " ", role("abbr", "FAQ"),
				" H", role("sub", "2"), "O x", role("sup", "2"), " ", role("guilabel", "&Cancel"), " ",
				role("guilabel", "Save && Quit"), " ", role("menuselection", "File --> Open --> Recent"), "."),
			para(role("pep", "8"), " ", role("rfc", "2822#section-3.6"), " ", role("rfc", "Mail format <5322>"), " ",
				role("pep", "eight"), " ", role("download", "the script <files/setup.sh>"), " ",
				role("download", "https://example.org/x.tar.gz"), "."),
			para(role("py:func", "~shop.views.index"), " ", role("setting", "DEBUG"), " ", role("class", "!Thing"), " ",
				role("math", "a^2"), " ", role("emphasis", "em"), " ", role("strong", "strong"), " ",
				role("title-reference", "A Book"), " ", role("dfn", "term"), " ", &content.Role{Name: "made-up", Text: "x", Target: "x"}, " ",
				&content.Role{Name: "made-up", Text: "Keep me <all>", Title: "Keep me", Target: "all"}, "."),
		),
	))}
}

func caseValues() []Page {
	withNote := code("ini", "[database]\nhost = $SERVER_IP\npassword = $DB_PASSWORD", opt("caption", "/etc/$DJANGO_PROJECT/db.ini"))
	withNote.Annotation = &content.Annotation{Attrs: []content.Option{{Name: "op", Value: "create"}, {Name: "file", Value: "/etc/shop/db.ini"}}}
	return []Page{page("values.html", doc("values.rst",
		sec(1, inl("Serving ", lit("$DOMAIN")),
			para("The site ", lit("https://$DOMAIN/"), " belongs to ", em("$DJANGO_USER"), "; mail ",
				link("mailto:$ADMIN_EMAIL", "$ADMIN_EMAIL"), ". Tagline: $TAGLINE. Unknown $NOT_SET stays."),
			para("The key is $SECRET_KEY, the token ", lit("$API_TOKEN"), "."),
			withNote,
			code("console", "$ ssh root@$SERVER_IP\n# echo \"$SECRET_KEY\" > /etc/$DJANGO_PROJECT/key"),
			code("python", "DATABASES = {'default': {'PASSWORD': '$DB_PASSWORD', 'HOST': '$SERVER_IP'}}", opt("linenos", "")),
			para(role("file", "/var/www/{$DOMAIN}/$DJANGO_PROJECT"), " ", role("menuselection", "$DOMAIN --> Settings")),
			&content.Image{URI: "img/$DJANGO_PROJECT.png", Alt: "Logo of $DJANGO_PROJECT ($SECRET_KEY)"},
		),
	))}
}

func caseIndex() []Page {
	return []Page{
		page("intro.html", doc("intro.rst", sec(1, "Introduction", sec(2, "Goals", para("a.")), sec(2, "Plan", para("b."))))),
		page("setup/server.html", doc("setup/server.rst", sec(1, "The server", sec(2, "Users", sec(3, "Deep", para("c.")))))),
		page("setup/web.html", doc("setup/web.rst", sec(1, "The web server", para("d.")))),
	}
}

func caseTheme() []Page {
	return []Page{page("index.html", doc("index.rst", sec(1, "Theme", para("The stylesheet is part of this case."))))}
}

func caseBadPages() []Page {
	ok := doc("ok.rst", sec(1, "Fine", para("ok")))
	return []Page{
		page("ok.html", ok),
		{Path: "nodoc.html"},
		page("/abs.html", doc("abs.rst")),
		page("../up.html", doc("up.rst")),
		page("a/../b.html", doc("b.rst")),
		page(`win\path.html`, doc("win.rst")),
		page("noext", doc("noext.rst")),
		page("_static/x.html", doc("x.rst")),
		page("ok.html", doc("again.rst")),
		page("ok.htm", doc("htm.rst")),
		page("", doc("empty.rst")),
	}
}

func caseUntitled() []Page {
	d := doc("notes.rst", para("No section at all."))
	d.Title = ""
	d2 := &content.Doc{Format: content.Markdown, Title: "Doc title only", Blocks: []content.Block{para("Body.")}}
	layout(d2, "titled.md")
	return []Page{page("notes.html", d), page("titled.html", d2)}
}

func caseMarkdown() []Page {
	mk := func(name string, blocks ...content.Block) *content.Doc {
		d := &content.Doc{Format: content.Markdown, Blocks: blocks}
		layout(d, name)
		if s, ok := d.Blocks[0].(*content.Section); ok {
			d.Title = s.RawTitle
		}
		return d
	}
	md := &content.Code{Lang: "go", Text: "package main", Directive: "fence"}
	return []Page{
		page("guide/start.html", mk("docs/guide/start.md",
			sec(1, "Start",
				para("Next: ", link("next.md#step-two", "the next page"), ", up: ", link("../README.md", "readme"),
					", elsewhere: ", link("other.pdf", "a PDF"), ", anchor ", &content.Link{Internal: "start", Children: inl("top")},
					", unresolved ", &content.Link{RefName: "nowhere", Children: inl("nowhere")}, ", autolink ", &content.Link{URL: "https://example.org"}, "."),
				md,
				&content.Admonition{Kind: "warning", Blocks: []content.Block{para("Alert from a Markdown blockquote.")}},
				&content.Raw{Format: "html", Text: "<details><summary>More</summary><p>Hidden.</p></details>"},
				&content.Footnote{Label: "note", Blocks: []content.Block{para("A named footnote.")}},
				para("Ref", &content.FootnoteRef{Label: "note"}, "."),
			),
		)),
		page("guide/next.html", mk("docs/guide/next.md", sec(1, "Next", sec(2, "Step two", para("Done."))))),
		page("README.html", mk("docs/README.md", sec(1, "Read me", para("Top.")))),
	}
}

func caseInclude() []Page {
	return []Page{page("main.html", doc("main.rst",
		sec(1, "Main",
			para("Before the include."),
			&content.Include{Path: "parts/common.rst", Blocks: []content.Block{
				para("Included text with a broken ", role("ref", "nothing-here"), "."),
				sec(2, "Included section", para("Inside.")),
			}},
			para("After, ", role("ref", "also-missing"), "."),
		),
	))}
}

func caseNumbered() []Page {
	return []Page{
		page("a.html", doc("a.rst", sec(1, "A",
			code("sh", "one", opt("caption", "First listing")),
			code("sh", "not numbered"),
			code("sh", "two", opt("caption", "Second listing"), opt("name", "second")),
			&content.Figure{Image: &content.Image{URI: "f.png"}, Caption: inl("First figure")},
			para(role("numref", "second"), " and ", role("numref", "Listing {number} ({name}) <second>"), " and ", role("numref", "b-fig")),
		))),
		page("b.html", doc("b.rst", sec(1, "B",
			target("b-fig"),
			&content.Figure{Image: &content.Image{URI: "g.png"}, Caption: inl("Numbering starts again on each page")},
		))),
	}
}
