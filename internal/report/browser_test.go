package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/query"
)

// browser finds headless Chromium and poppler's pdftotext. Without them the test is skipped,
// unless CPP_REQUIRE_BROWSER=1 (as .ci/run sets), when it fails.
func browser(t *testing.T) (chromium, pdftotext, pdfinfo string) {
	t.Helper()
	find := func(names ...string) string {
		for _, n := range names {
			if p, err := exec.LookPath(n); err == nil {
				return p
			}
		}
		return ""
	}
	chromium = find("chromium", "chromium-browser", "google-chrome")
	pdftotext, pdfinfo = find("pdftotext"), find("pdfinfo")
	if chromium == "" || pdftotext == "" || pdfinfo == "" {
		if os.Getenv("CPP_REQUIRE_BROWSER") == "1" {
			t.Fatal("headless Chromium and poppler-utils are required (apt-get install chromium poppler-utils)")
		}
		t.Skip("no chromium or pdftotext here; .ci/run installs them")
	}
	return chromium, pdftotext, pdfinfo
}

// TestHTMLInChromium prints the fixture's HTML report to A4 PDF in headless Chromium and checks
// what the printed pages show: every section, RAG as words, flagged commentary, plan text shown
// literally (not run), the notice of a file left out, and A4 pages.
func TestHTMLInChromium(t *testing.T) {
	chromium, pdftotext, pdfinfo := browser(t)
	plans, reg := load(t, "../../testdata/report/fixture")
	period, _ := query.ParseQuarter("Q3-2025/26")
	var page bytes.Buffer
	left := []LeftOut{{File: "plans/<i>other</i>.yaml", Error: "plans/other.yaml:2:1: error: unknown field `<b>x</b>` [unknown-field]"}}
	if err := WriteHTML(&page, Build(plans, reg, Options{AsOf: date("2025-12-31"), Period: period, Tolerance: DefaultTolerance, LeftOut: left})); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	htmlPath := filepath.Join(dir, "report.html")
	pdfPath := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(htmlPath, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+pdfPath, "file://"+htmlPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	text, err := exec.Command(pdftotext, "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	shown := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{
		"Riverside Corporate Parenting Plan 2025-2028",
		"Summary", "Exceptions", "Progress by section", "Coming up in", "Measures",
		"Actions by status", "Timeline of deadlines",
		"Red", "Amber", "Green", "No commentary", "Stale (",
		"better", "worse", "no data",
		"<script>alert('x')</script>", "R&D",
		"Partial report", "plans/<i>other</i>.yaml: plans/other.yaml:2:1: error: unknown field `<b>x</b>`",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the printed report does not show %q", want)
		}
	}
	info, err := exec.Command(pdfinfo, pdfPath).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)`).Match(info) {
		t.Errorf("pages are not A4:\n%s", info)
	}
}
