// Command embed builds a tutorial held in memory for a client whose values
// are given in memory, and prints the plan, the manifest and a file,
// writing nothing: tailor used as a library.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/generator"
)

const page = "# A mail relay\n\n" +
	"Create file `/etc/postfix/sasl_passwd` with the following contents:\n\n" +
	"```\n[$RELAY_HOST]:587 $RELAY_USER:$RELAY_PASSWORD\n```\n\n" +
	"Add the following to `/etc/postfix/main.cf`:\n\n" +
	"```ini\nrelayhost = [$RELAY_HOST]:587\n```\n\n" +
	"Then:\n\n" +
	"```console\n# chmod 640 /etc/postfix/sasl_passwd\n# postmap /etc/postfix/sasl_passwd\n```\n"

func main() {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "tutorial/relay.md", []byte(page), 0o644); err != nil {
		fail(err)
	}
	proj, diags := generator.Load(fsys, "tutorial")
	if err := diags.Err(); err != nil {
		fail(err)
	}
	vals, diags := proj.Values("acme", map[string]string{
		"RELAY_HOST":     "smtp.acme.example",
		"RELAY_USER":     "acme",
		"RELAY_PASSWORD": "hunter2",
	})
	if err := diags.Err(); err != nil {
		fail(err)
	}

	plan, _ := proj.Plan(vals)
	for _, d := range plan.Docs {
		for _, b := range d.Blocks {
			fmt.Printf("%s:%d %s %s\n", d.Path, b.Line, b.Op, b.Target)
		}
	}

	r := proj.BuildValues(vals)
	if r.Failed() {
		fail(r.Diags.Err())
	}
	for _, f := range r.Manifest().Files {
		fmt.Printf("%s %s mode=%s secret=%v\n", f.Kind, f.Path, f.Mode, f.Secret)
	}
	fmt.Printf("%s", r.Files["rootfs/etc/postfix/sasl_passwd"])
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
