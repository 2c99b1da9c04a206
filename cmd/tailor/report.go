package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/generator"
)

// A diagEntry is one diagnostic and the clients that have it (none for
// the tutorial's own).
type diagEntry struct {
	d       content.Diagnostic
	clients []string
}

// collectDiags lists the project's diagnostics, then the clients', each
// once, sorted by position, notes left out. Positions in the pages are
// made relative to where tailor runs.
func collectDiags(proj *generator.Project, project content.Diagnostics, clients []*generator.Result) []*diagEntry {
	seen := map[content.Diagnostic]*diagEntry{}
	var list []*diagEntry
	add := func(d content.Diagnostic, client string) {
		e := seen[d]
		if e == nil {
			e = &diagEntry{d: d}
			seen[d] = e
			list = append(list, e)
		}
		if client != "" {
			e.clients = append(e.clients, client)
		}
	}
	for _, d := range project {
		if d.Severity != content.Note {
			add(d, "")
		}
	}
	for _, c := range clients {
		for _, d := range c.Diags {
			if d.Severity == content.Note {
				continue
			}
			name := c.Client
			if strings.HasPrefix(d.Pos.Filename, c.Values) || name == "" {
				name = "" // positions in the values file name the client already
			}
			add(d, name)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		return content.Diagnostics{list[i].d, list[j].d}.Less(0, 1)
	})
	for _, e := range list {
		e.d.Pos.Filename = proj.SourcePath(e.d.Pos.Filename)
		sort.Strings(e.clients)
	}
	return list
}

// succeeded reports whether a build or check of r went through: no
// errors, and every client built.
func succeeded(diags content.Diagnostics, r *generator.Run) bool {
	return !diags.HasErrors() && !r.Failed() && len(r.Clients) > 0
}

// jsonReport is what build and check print with --json.
type jsonReport struct {
	// OK is false when the exit status is 1.
	OK          bool         `json:"ok"`
	Diagnostics []jsonDiag   `json:"diagnostics"`
	Clients     []jsonClient `json:"clients"`
}

type jsonDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	// Clients are the clients that have the diagnostic; none for one
	// about the tutorial or a client's values file.
	Clients []string `json:"clients,omitempty"`
}

type jsonClient struct {
	Name   string `json:"name"`
	Values string `json:"values"`
	// Status is "ok" or "failed".
	Status string `json:"status"`
	// Dir is where build wrote the client's output; "" for check and
	// for a failed client.
	Dir string `json:"dir,omitempty"`
	// Files are the output files relative to Dir: those build wrote, or
	// those it would write for check; none for a failed client. A secret
	// value in a name is masked.
	Files []string `json:"files"`
	// Stale, for a failed client, is its output directory that an
	// earlier build left as it was.
	Stale string `json:"stale,omitempty"`
}

// report prints the diagnostics of a build or check (diags, the
// project's, and r's) as JSON or as GitHub Actions annotations, and
// reports whether it succeeded.
func report(w io.Writer, format string, proj *generator.Project, diags content.Diagnostics, r *generator.Run) bool {
	all := append(content.Diagnostics{}, diags...)
	all.Append(r.Diags)
	entries := collectDiags(proj, all, r.Clients)
	ok := succeeded(all, r)
	if format == "github" {
		for _, e := range entries {
			fmt.Fprintln(w, annotation(e))
		}
		return ok
	}
	rep := jsonReport{OK: ok, Diagnostics: []jsonDiag{}, Clients: []jsonClient{}}
	for _, e := range entries {
		rep.Diagnostics = append(rep.Diagnostics, jsonDiag{
			File: e.d.Pos.Filename, Line: e.d.Pos.Line, Column: e.d.Pos.Column,
			Severity: e.d.Severity.String(), Message: e.d.Msg, Clients: e.clients,
		})
	}
	for _, c := range r.Clients {
		jc := jsonClient{Name: c.Client, Values: c.Values, Status: "ok", Dir: c.Dir, Files: []string{}}
		if jc.Name == "" {
			base := path.Base(c.Values)
			jc.Name = strings.TrimSuffix(base, path.Ext(base))
		}
		if c.Failed() {
			jc.Status, jc.Stale = "failed", c.Stale
		} else {
			for name := range c.Files {
				jc.Files = append(jc.Files, c.Shown(name)) // a path may hold a secret
			}
			sort.Strings(jc.Files)
		}
		rep.Clients = append(rep.Clients, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	_ = enc.Encode(rep) // strings, ints and bools only
	return ok
}

// annotation is a diagnostic as a GitHub Actions workflow command:
// "::error file=F,line=L,col=C::message [clients]".
func annotation(e *diagEntry) string {
	d := e.d
	kind := "error"
	if d.Severity == content.Warning {
		kind = "warning"
	}
	var props []string
	if d.Pos.Filename != "" {
		props = append(props, "file="+escapeProperty(d.Pos.Filename))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		if d.Pos.Column > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Column))
		}
	}
	msg := d.Msg
	if len(e.clients) > 0 {
		msg += " [" + strings.Join(e.clients, ", ") + "]"
	}
	cmd := "::" + kind
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	return cmd + "::" + escapeData(msg)
}

// escapeData escapes a workflow command's message as the runner reads it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
