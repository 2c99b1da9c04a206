package check

import (
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/content/markdown"
	"github.com/tailordocs/tailor/snippets"
	"github.com/tailordocs/tailor/values"
)

func parse(t *testing.T, src string) []*content.Doc {
	t.Helper()
	d, diags := markdown.Parse(content.NewFile("page.md", []byte(src)))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return []*content.Doc{d}
}

func messages(diags content.Diagnostics) string {
	diags.Sort()
	var out []string
	for _, d := range diags {
		out = append(out, d.Error())
	}
	return strings.Join(out, "\n")
}

// TestUndefined: an undefined name is an error in a file, a warning in
// prose and in a command, and not a placeholder where the shell assigns
// it or a unit file's language owns it.
func TestUndefined(t *testing.T) {
	docs := parse(t, "# App\n\nServe $DOMAIN for $WHO.\n\n"+
		"Create file `/etc/app.conf` with the following contents:\n\n```ini\nhost = $DOMIAN\nport = $PORT\n```\n\n"+
		"```bash\nDIR=/srv\ncd $DIR && ls $OTHER\n```\n\n"+
		"Create file `/etc/systemd/system/app.service` with the following contents:\n\n```ini\n[Service]\nExecReload=/bin/kill -HUP $MAINPID\n```\n")
	plan, diags := snippets.Analyze(docs)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	vals, diags := values.FromMap("acme", map[string]string{"DOMAIN": "acme.example"}, values.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := messages(Undefined(docs, &Client{Plan: plan, Values: vals, Config: "tailor.toml"}))
	want := strings.Join([]string{
		"page.md:3:19: warning: undefined placeholder $WHO, left as written",
		"page.md:8:8: error: undefined placeholder $DOMIAN (did you mean $DOMAIN?)",
		"page.md:9:8: error: undefined placeholder $PORT: give it a value, or add it to ignore in tailor.toml if the file needs it as written",
		"page.md:14:15: warning: undefined placeholder $OTHER, left as written: give it a value, or add it to ignore in tailor.toml",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestNearMisses: a lower-case name, a name without its "$" and two
// names that look like one.
func TestNearMisses(t *testing.T) {
	docs := parse(t, "# App\n\nServe $DOMAIN, $DOMAIN and $domain on $SERVER_IP and $SERVER_IP_ADDRESS, $SERVER_IP.\n\n"+
		"```ini\nname = SERVER_IP_ADDRESS\nSERVER_IP = $SERVER_IP\n```\n")
	got := messages(NearMisses(docs, nil))
	want := strings.Join([]string{
		"page.md:3:28: warning: $domain looks like the placeholder $DOMAIN, but placeholders are upper case: it is left as written",
		"page.md:3:54: warning: $SERVER_IP_ADDRESS (used once) and $SERVER_IP (used 3 times) look like one name: is $SERVER_IP_ADDRESS a slip?",
		"page.md:6:8: warning: SERVER_IP_ADDRESS without its $: did you mean $SERVER_IP_ADDRESS?",
	}, "\n")
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
