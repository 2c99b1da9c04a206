package generator

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/site"
)

// LayoutsDir is the directory of a project whose templates replace parts
// of the site's pages, as Hugo's layouts/ does.
const LayoutsDir = "layouts"

// look is how a project's site looks: its layouts, stylesheets, logo,
// footer and title, read once for every client.
type look struct {
	theme     *site.Theme // nil: tailor's own
	css       []site.File
	logo      *site.File
	footer    string
	htmlTitle string
	// cssPos and logoPos are where tailor.toml names them.
	cssPos, logoPos content.Position
	cssNames        []string
	logoName        string
}

// logoTypes are the image types a logo may be.
var logoTypes = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true}

// readLook reads the layouts directory and the files tailor.toml names
// for the site.
func (p *Project) readLook(diags *content.Diagnostics) {
	dir := path.Join(p.Dir, LayoutsDir)
	var layouts []site.File
	if st, err := p.Fs.Stat(dir); err == nil && st.IsDir() {
		var names []string
		afero.Walk(p.Fs, dir, func(name string, info fs.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(name, ".html") && !strings.HasPrefix(info.Name(), ".") {
				names = append(names, name)
			}
			return nil
		})
		sort.Strings(names)
		for _, name := range names {
			data, err := readInside(p.Fs, p.Dir, name)
			rel := strings.TrimPrefix(strings.TrimPrefix(name, p.Dir), "/")
			if err != nil {
				diags.Errorf(content.Position{Filename: rel}, "cannot read layout: %v", err)
				continue
			}
			layouts = append(layouts, site.File{Path: rel, Data: data})
		}
	}
	if len(layouts) > 0 {
		th, ds := site.ParseTheme(layouts)
		diags.Append(ds)
		p.look.theme = th
	}
	taken := map[string]string{"tailor.css": "tailor's stylesheet", "tailor.js": "tailor's script"}
	asset := func(name string, pos content.Position, what string) *site.File {
		data, err := readInside(p.Fs, p.Dir, path.Join(p.Dir, name))
		switch {
		case errors.Is(err, errOutside) || errors.Is(err, errAbsolute):
			diags.Errorf(pos, "%s %s: %v", what, name, err)
			return nil
		case err != nil:
			diags.Errorf(pos, "%s %s cannot be read: %v", what, name, err)
			return nil
		}
		base := path.Base(name)
		if other, ok := taken[base]; ok {
			diags.Errorf(pos, "%s %s has the name of %s in _static/: rename it", what, name, other)
			return nil
		}
		taken[base] = what + " " + name
		return &site.File{Path: name, Data: data}
	}
	for _, name := range p.look.cssNames {
		if f := asset(name, p.look.cssPos, "stylesheet"); f != nil {
			p.look.css = append(p.look.css, *f)
		}
	}
	if name := p.look.logoName; name != "" {
		if !logoTypes[strings.ToLower(path.Ext(name))] {
			diags.Errorf(p.look.logoPos, "logo %s is not an image a browser shows (.svg, .png, .jpg, .gif, .webp)", name)
		} else {
			p.look.logo = asset(name, p.look.logoPos, "logo")
		}
	}
}
