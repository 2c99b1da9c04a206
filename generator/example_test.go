package generator_test

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/generator"
)

// page is a tutorial of one page, as people write them.
const page = "# A mail relay\n\n" +
	"Create file `/etc/postfix/sasl_passwd` with the following contents:\n\n" +
	"```\n[$RELAY_HOST]:587 $RELAY_USER:$RELAY_PASSWORD\n```\n\n" +
	"Add the following to `/etc/postfix/main.cf`:\n\n" +
	"```ini\nrelayhost = [$RELAY_HOST]:587\n```\n\n" +
	"Then:\n\n" +
	"```console\n# chmod 640 /etc/postfix/sasl_passwd\n# postmap /etc/postfix/sasl_passwd\n```\n"

// A tutorial held in memory, built for one client whose values are given
// in memory too: nothing is written anywhere.
func Example() {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "tutorial/relay.md", []byte(page), 0o644); err != nil {
		panic(err)
	}
	proj, diags := generator.Load(fsys, "tutorial")
	if err := diags.Err(); err != nil {
		fmt.Println(err)
		return
	}
	vals, diags := proj.Values("acme", map[string]string{
		"RELAY_HOST":     "smtp.acme.example",
		"RELAY_USER":     "acme",
		"RELAY_PASSWORD": "hunter2",
	})
	if err := diags.Err(); err != nil {
		fmt.Println(err)
		return
	}
	r := proj.BuildValues(vals)
	if r.Failed() {
		fmt.Println(r.Diags.Err())
		return
	}
	for _, f := range r.Manifest().Files {
		fmt.Printf("%s %s %s secret=%v\n", f.Kind, f.Path, f.Mode, f.Secret)
	}
	fmt.Printf("%s", r.Files["rootfs/etc/postfix/sasl_passwd"])
	fmt.Printf("%s", r.Files["fragments/etc/postfix/main.cf"])
	// Output:
	// fragment /etc/postfix/main.cf  secret=false
	// file /etc/postfix/sasl_passwd 0640 secret=true
	// [smtp.acme.example]:587 acme:hunter2
	// relayhost = [smtp.acme.example]:587
}

// The plan says what each code block becomes and why, with the client's
// values filled in.
func ExampleProject_Plan() {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "tutorial/relay.md", []byte(page), 0o644); err != nil {
		panic(err)
	}
	proj, diags := generator.Load(fsys, "tutorial")
	if err := diags.Err(); err != nil {
		fmt.Println(err)
		return
	}
	vals, _ := proj.Values("acme", map[string]string{"RELAY_HOST": "smtp.acme.example"})
	plan, _ := proj.Plan(vals)
	for _, d := range plan.Docs {
		for _, b := range d.Blocks {
			if b.Op == "none" {
				fmt.Printf("line %d: %s\n", b.Line, strings.Join(b.Effects, "; "))
				continue
			}
			fmt.Printf("line %d: %s %s (%s)\n", b.Line, b.Op, b.Target, b.By)
		}
	}
	// Output:
	// line 6: create /etc/postfix/sasl_passwd (inferred: Create file with the following contents)
	// line 12: append /etc/postfix/main.cf (inferred: Add the following to)
	// line 18: chmod /etc/postfix/sasl_passwd mode=640
}

// Every output file of a client, by its path in the client's directory.
func ExampleProject_BuildValues() {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "tutorial/relay.md", []byte(page), 0o644); err != nil {
		panic(err)
	}
	proj, _ := generator.Load(fsys, "tutorial")
	vals, _ := proj.Values("acme", map[string]string{
		"RELAY_HOST": "smtp.acme.example", "RELAY_USER": "acme", "RELAY_PASSWORD": "hunter2",
	})
	r := proj.BuildValues(vals)
	names := make([]string, 0, len(r.Files))
	for name := range r.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Println(name)
	}
	// Output:
	// fragments/etc/postfix/main.cf
	// install.sh
	// manifest.json
	// rootfs/etc/postfix/sasl_passwd
	// site/_static/tailor.css
	// site/_static/tailor.js
	// site/files.html
	// site/index.html
	// site/relay.html
	// site/searchindex.js
	// source/relay.md
}
