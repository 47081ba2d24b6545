package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// gitCmd runs git with no user configuration and a fixed identity.
func gitCmd(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.org",
		"GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.org")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return out, nil
}

// fastImport builds a repository from commits of whole files, through one `git fast-import`,
// so that a history of thousands of commits takes a second to make, not minutes.
func fastImport(dir string, commits []map[string][]byte) error {
	if _, err := gitCmd(dir, nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	var s bytes.Buffer
	when := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	for i, files := range commits {
		fmt.Fprintf(&s, "commit refs/heads/main\nmark :%d\n", i+1)
		fmt.Fprintf(&s, "author Bench <bench@example.org> %d +0000\ncommitter Bench <bench@example.org> %d +0000\n", when.Unix(), when.Unix())
		msg := fmt.Sprintf("Edit %d", i+1)
		fmt.Fprintf(&s, "data %d\n%s\n", len(msg), msg)
		if i > 0 {
			fmt.Fprintf(&s, "from :%d\n", i)
		}
		for path, data := range files {
			fmt.Fprintf(&s, "M 100644 inline %s\ndata %d\n", path, len(data))
			s.Write(data)
			s.WriteString("\n")
		}
		when = when.Add(6 * time.Hour)
	}
	if _, err := gitCmd(dir, &s, "fast-import", "--quiet"); err != nil {
		return err
	}
	_, err := gitCmd(dir, nil, "checkout", "-q", "main")
	return err
}

var (
	nationalRepoOnce sync.Once
	nationalRepoDir  string
	nationalRepoErr  error
)

// nationalRepo is the national corpus committed twice: as written, then with about 2% of its
// actions changed (a quarter's edits).
func nationalRepo(b *testing.B) string {
	nationalRepoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cpp-bench-git-")
		if err != nil {
			nationalRepoErr = err
			return
		}
		c := synth.National
		revs := []map[string][]byte{{}, {}}
		for p := 0; p < c.Plans; p++ {
			name := fmt.Sprintf("plans/council-%03d.yaml", p)
			revs[0][name] = synth.Plan(p, c, 0)
			revs[1][name] = synth.Plan(p, c, 1)
		}
		nationalRepoErr = fastImport(dir, revs)
		nationalRepoDir = dir
	})
	if nationalRepoErr != nil {
		b.Fatal(nationalRepoErr)
	}
	return nationalRepoDir
}

func benchEnv(dir string) *Env {
	return &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: func(string) string { return "" }, Now: time.Now,
		IsTerminal: func(io.Writer) bool { return false }, Getwd: func() (string, error) { return dir, nil }}
}

// BenchmarkLoadRevision is the yardstick for diff: reading and parsing the national corpus at
// one revision (ls-tree, one cat-file, parsing in parallel).
func BenchmarkLoadRevision(b *testing.B) {
	env := benchEnv(nationalRepo(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		loadHead(b, env)
	}
	reportPeak(b)
}

func loadHead(b *testing.B, env *Env) {
	repo, err := openPlanRepo(env, nil)
	if err != nil {
		b.Fatal(err)
	}
	side, err := repo.Side("HEAD")
	if err != nil {
		b.Fatal(err)
	}
	v, err := repo.At(side)
	if err != nil || len(v[0].Plans) != synth.National.Plans {
		b.Fatalf("loaded %d plans: %v", len(v[0].Plans), err)
	}
}

// BenchmarkDiffRevisions is `cpp diff HEAD~1 HEAD` over the national corpus, 2% of actions
// changed, as a user runs it (CPP_BENCH_FORMAT picks the format; text by default).
func BenchmarkDiffRevisions(b *testing.B) {
	dir := nationalRepo(b)
	env := benchEnv(dir)
	format := "text"
	if f := os.Getenv("CPP_BENCH_FORMAT"); f != "" {
		format = f
	}
	// Each run is paired with a load of one revision made just before it, untimed, so that the
	// ratio the issue asks for is measured under the same conditions on a shared machine.
	var load, diff time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		start := time.Now()
		loadHead(b, env)
		load += time.Since(start)
		b.StartTimer()
		start = time.Now()
		if code := Run(env, []string{"diff", "HEAD~1", "HEAD", "--format", format}); code != 0 {
			b.Fatalf("exit %d", code)
		}
		diff += time.Since(start)
	}
	b.ReportMetric(float64(diff)/float64(load), "x-load")
	reportPeak(b)
}

// camdenHistory is the bundled Camden plan through n commits, each changing one action's RAG in
// turn, and every 68th moving camden-cp.p1.2's deadline a quarter on: every commit touches the
// file that holds the action, so cpp log must look at all of them.
func camdenHistory(tb testing.TB, n int) string {
	tb.Helper()
	const path = "plans/camden-corporate-parenting.yaml"
	orig, err := os.ReadFile(filepath.Join("..", "..", path))
	if err != nil {
		tb.Fatal(err)
	}
	f := planfile.Parse(path, orig, planfile.Options{})
	var ids []string
	for _, s := range f.Plan.Sections {
		for _, a := range s.Actions {
			ids = append(ids, a.ID)
		}
	}
	rags := []string{"green", "amber", "red"}
	deadlines := []string{"Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026"}
	rag := map[string]string{}
	moves := 0
	commits := make([]map[string][]byte, n)
	for i := range commits {
		id := ids[i%len(ids)]
		rag[id] = rags[(i/len(ids))%len(rags)]
		if id == "camden-cp.p1.2" && i > 0 {
			moves++
		}
		text := strings.Replace(string(orig), "text: Create a peer mentoring programme.\n        deadline: Q3 2025",
			"text: Create a peer mentoring programme.\n        deadline: "+deadlines[moves%len(deadlines)], 1)
		for _, a := range ids {
			if r, ok := rag[a]; ok {
				text = strings.Replace(text, "      - id: "+a+"\n", "      - id: "+a+"\n        rag: "+r+"\n", 1)
			}
		}
		commits[i] = map[string][]byte{path: []byte(text)}
	}
	dir := tb.TempDir()
	if err := fastImport(dir, commits); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// TestCamdenHistory checks the log benchmark's repository is what it says: cpp log finds every
// commit that moved the deadline.
func TestCamdenHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds a history of 150 commits")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := camdenHistory(t, 150)
	repo, err := openPlanRepo(benchEnv(dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := history.Load(repo.Git, "HEAD", repo.Under, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Commits) != 150 {
		t.Errorf("%d commits, want 150", len(h.Commits))
	}
	events := h.Action("camden-cp.p1.2")
	// Added in the first commit; its RAG set and its deadline moved in commits 2, 70 and 138.
	if len(events) != 4 {
		for _, e := range events {
			t.Logf("%s: %s", e.Commit.Subject, e.Change.Describe())
		}
		t.Fatalf("%d events, want 4", len(events))
	}
	if s := history.SlipOf(events); s.Moves != 3 || s.Later != 3 || s.Original != "Q3 2025" {
		t.Errorf("slip = %+v, want 3 moves later from Q3 2025", s)
	}
}

var (
	camdenRepoOnce sync.Once
	camdenRepoDir  string
)

// BenchmarkLog1000 is `cpp log camden-cp.p1.2` over 1,000 commits that each change the file
// holding the action.
func BenchmarkLog1000(b *testing.B) {
	camdenRepoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cpp-bench-log-")
		if err != nil {
			b.Fatal(err)
		}
		src := camdenHistory(b, 1000)
		if _, err := gitCmd(dir, nil, "clone", "-q", src, "."); err != nil {
			b.Fatal(err)
		}
		camdenRepoDir = dir
	})
	env := benchEnv(camdenRepoDir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := Run(env, []string{"log", "camden-cp.p1.2"}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	reportPeak(b)
}
