package generator_test

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/generator"
)

var screenshots = flag.String("screenshots", "", "keep the browser test's screenshots in this `directory` (default: the test's temporary directory)")

// chromium returns the path of the system's Chromium or Chrome, "" when
// there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser opens the example's site, built for acme, from file:// in
// the system's Chromium, and uses it as a reader does: it follows the
// sidebar, searches, copies a command, looks at the code, opens the menu
// on a phone's width and follows a file's note to the Files page. No
// request may leave the site, no script may fail. It saves screenshots
// of the home, a content page and the Files page at 1280 and 390 pixels
// wide.
func TestBrowser(t *testing.T) {
	chrome := chromium()
	if chrome == "" {
		t.Skip("no Chromium on PATH (chromium, chromium-browser or google-chrome): install it, as in apt-get install -y chromium, to run the browser test")
	}
	proj, diags := generator.Load(afero.NewOsFs(), "..")
	if proj == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	// built in memory, so that the project keeps no generated value
	run := proj.Build(generator.Options{Values: []string{"../clients/acme.toml"}, DryRun: true})
	if run.Failed() {
		t.Fatal(run.Diags, run.Clients[0].Diags)
	}
	siteDir := t.TempDir()
	for name, data := range run.Clients[0].Files {
		if rest, ok := strings.CutPrefix(name, "site/"); ok {
			p := filepath.Join(siteDir, filepath.FromSlash(rest))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	vals, _ := proj.LoadValues("../clients/acme.toml", nil)
	value := func(name string) string {
		v, _ := vals.Get(name)
		if v == nil {
			t.Fatalf("acme has no %s", name)
		}
		return v.Text
	}
	pageURL := func(name string) string {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(siteDir, name))}).String()
	}
	shots := *screenshots
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	ctx := startChromium(t, chrome)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	var mu sync.Mutex
	var requests, exceptions []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u := e.Request.URL; !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
				requests = append(requests, u)
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			exceptions = append(exceptions, fmt.Sprintf("%s:%d: %s", d.URL, d.LineNumber+1, msg))
		}
	}); err != nil {
		t.Fatal(err)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return s
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"clipboard-read", "clipboard-write"} {
		params := browser.SetPermissionParams{Permission: &browser.PermissionDescriptor{Name: p}, Setting: browser.PermissionSettingGranted}
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, params); err != nil {
			t.Fatalf("grant %s: %v", p, err)
		}
	}
	// follow clicks a link and waits for the page it opens.
	follow := func(what string, link chromedp.Action[chromedp.Void], page string) {
		t.Helper()
		if _, err := chromedp.RunResponse(ctx, link); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		waitFor(t, ctx, `location.pathname.endsWith("/`+page+`")`)
		waitReady(t, ctx)
	}
	// load opens a page and waits for its script to have run.
	load := func(name string) {
		t.Helper()
		do("open "+name, chromedp.Navigate(pageURL(name)))
		waitReady(t, ctx)
	}
	// shot saves a screenshot of the whole page at a width.
	shot := func(name string, width int64) {
		t.Helper()
		do("resize", chromedp.EmulateViewport(width, 900))
		eval("scroll to the top", "window.scrollTo(0, 0); 'top'") // else the sticky header is drawn where the page was scrolled to
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		file := filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, width))
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		do("resize", chromedp.EmulateViewport(1280, 900))
	}

	load("index.html")
	shot("index", 1280)
	shot("index", 390)

	// The sidebar leads to another page, which it then shows as current.
	follow("follow the sidebar", chromedp.Click(chromedp.CSS(`.site-nav a[href="mail.html"]`)), "mail.html")
	if got := eval("current page", `document.querySelector(".site-nav li.current > a").textContent`); !strings.Contains(got, "A local mail satellite") {
		t.Errorf("the sidebar shows %q as the current page", got)
	}
	if got := eval("breadcrumbs", `document.querySelector(".breadcrumbs").textContent`); !strings.Contains(got, "Home") || !strings.Contains(got, "A local mail satellite") {
		t.Errorf("breadcrumbs: %q", got)
	}
	shot("content", 1280)
	shot("content", 390)

	// On a phone's width the sidebar is folded away behind the menu.
	do("narrow", chromedp.EmulateViewport(390, 800))
	if got := eval("folded", `getComputedStyle(document.getElementById("tailor-sidebar")).display`); got != "none" {
		t.Errorf("at 390 px the sidebar shows (display %s)", got)
	}
	do("open the menu", chromedp.Click(chromedp.CSS(".menu-toggle")))
	if got := eval("unfolded", `getComputedStyle(document.getElementById("tailor-sidebar")).display`); got == "none" {
		t.Error("the menu button does not show the sidebar")
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(shots, "menu-390.png"), png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	do("wide", chromedp.EmulateViewport(1280, 900))

	// A copy button copies the commands, without prompts, output or
	// value markers.
	do("copy", chromedp.Click(chromedp.JSPath(`[...document.querySelectorAll("div.highlight")].find(d => d.textContent.includes("sendmail")).querySelector("button.copy")`)))
	want := fmt.Sprintf("echo \"Subject: test from %s\" | sendmail %s\ntail -n 1 /var/log/mail.log", value("DOMAIN"), value("ADMIN_EMAIL"))
	if got := eval("read the clipboard", `navigator.clipboard.readText()`); got != want {
		t.Errorf("the copy button copied\n%q\nwant\n%q", got, want)
	}

	// Searching a word lists the sections that hold it; a result leads
	// to its section.
	do("search", chromedp.Click(chromedp.ID("tailor-search")), chromedp.SendKeys(chromedp.ID("tailor-search"), "logrotate"))
	waitFor(t, ctx, `document.querySelector("#tailor-search-results a") !== null`)
	follow("follow a result", chromedp.Click(chromedp.CSS("#tailor-search-results a")), "logging.html")
	if got := eval("result's section", `(() => { const s = document.getElementById(decodeURIComponent(location.hash.slice(1))); return s ? s.closest("section").textContent : "no section " + location.hash })()`); !strings.Contains(got, "logrotate") {
		t.Errorf("the search result leads to a section without the word:\n%s", got)
	}

	// A literal block (::) is highlighted as Python, as Sphinx does, and
	// values are marked, secrets masked.
	load("settings.html")
	code := `[...document.querySelectorAll("figure.code code")].find(c => c.textContent.includes("SERVER_EMAIL"))`
	if got := eval("highlighted", `String(`+code+`.querySelectorAll("span.o, span.s1, span.n").length)`); got == "0" {
		t.Error("the literal block of settings.rst is not highlighted")
	}
	if got := eval("values", `[...`+code+`.querySelectorAll(".value")].map(v => v.textContent).join(" ")`); !strings.Contains(got, value("DOMAIN")) {
		t.Errorf("values marked in the literal block: %q", got)
	}
	if got := eval("secret", code+`.querySelector(".secret").textContent`); strings.Contains(got, value("SMTP_PASSWORD")) || got == "" {
		t.Errorf("the secret shows as %q", got)
	}

	// A file's note leads to its entry on the Files page.
	follow("follow a note", chromedp.Click(chromedp.CSS(".code-note a")), "files.html")
	if got := eval("entry", `(() => { const e = document.getElementById(location.hash.slice(1)); return e ? e.textContent : "none" })()`); !strings.Contains(got, "settings.py") || !strings.Contains(got, "install") {
		t.Errorf("the note leads to %q", got)
	}
	shot("files", 1280)
	shot("files", 390)

	mu.Lock()
	defer mu.Unlock()
	if len(requests) > 0 {
		t.Errorf("requests left the site: %q", requests)
	}
	if len(exceptions) > 0 {
		t.Errorf("scripts failed: %q", exceptions)
	}
	t.Logf("screenshots in %s", shots)
}

// startChromium starts Chromium headless with a fresh profile and
// returns the context of its first tab, cancelled at the end of the
// test. A start that fails (on a loaded machine the browser can lose its
// pipe while it starts) is tried again, twice.
func startChromium(t *testing.T, chrome string) context.Context {
	t.Helper()
	var err error
	for try := 0; try < 3; try++ {
		profile, perr := os.MkdirTemp("", "tailor-chromium-")
		if perr != nil {
			t.Fatal(perr)
		}
		t.Cleanup(func() {
			// Chromium's helpers can still write in its profile for a
			// moment after it stops
			for range 50 {
				if os.RemoveAll(profile) == nil {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(chrome),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-quic", true),
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("hide-scrollbars", true),
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1280, 900),
		)
		ctx, cancel := chromedp.NewContext(alloc)
		if err = chromedp.Do(ctx); err == nil {
			t.Cleanup(func() {
				cancel()
				cancelAlloc()
			})
			return ctx
		}
		cancel()
		cancelAlloc()
		t.Logf("starting Chromium: %v", err)
	}
	t.Fatalf("Chromium does not start: %v", err)
	return nil
}

// waitFor waits until a JavaScript expression holds.
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// waitReady waits until the page's script has set it up.
func waitReady(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `document.readyState === "complete" && document.querySelector("button.copy, .search:not([hidden])") !== null`)
}
