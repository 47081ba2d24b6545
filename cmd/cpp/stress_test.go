package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Many writers at once, as the real binary runs: this test binary run as cpp (CPP_TEST_AS_CPP),
// or the binary CPP_STRESS_BIN names (to measure another build, such as one before the lock).

const stressPlan = `id: riverside
title: Riverside Corporate Parenting Plan
council: Riverside Council
period: {start: 2025-04-01, end: 2028-03-31}
quarters: financial

sections:
  - id: riverside.p1
    kind: priority
    title: Homes
    actions:
      # The sufficiency strategy is the board's first ask.
      - id: riverside.p1.1
        text: Publish a sufficiency strategy.
        deadline: Q2 2025   # as the board agreed it
        leads: [Fostering]
      - id: riverside.p1.2
        text: Recruit twenty foster carers.
        deadline: Q4 2025
        leads: [Fostering]

leads:
  - name: Fostering
`

// stressRepo makes a plan repository with the plan above, and returns its folder.
func stressRepo(t testing.TB) string {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "plans"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "plans", "riverside.yaml"), []byte(stressPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// result is one cpp run: its exit code and what it said.
type result struct {
	code   int
	stderr string
}

// cppIn runs cpp in dir.
func cppIn(t testing.TB, dir string, args ...string) result {
	bin, env := os.Args[0], append(os.Environ(), "CPP_TEST_AS_CPP=1", "CPP_TODAY=2025-10-01", "NO_COLOR=1")
	if b := os.Getenv("CPP_STRESS_BIN"); b != "" {
		bin = b
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, stderr.String()}
}

// honest checks one writer's word against the plan: exit 0 said "updated" and the note is there;
// any other exit said nothing was written, and the note is not. It returns whether the writer's
// update was lost (said written, but missing).
func honest(t *testing.T, r result, note string, plan []byte) (lost bool) {
	t.Helper()
	there := bytes.Contains(plan, []byte(note))
	switch {
	case r.code == 0 && !strings.Contains(r.stderr, "cpp: updated "):
		t.Errorf("%s: exit 0 without saying it updated: %s", note, r.stderr)
	case r.code == 0 && !there:
		return true
	case r.code != 0 && there:
		t.Errorf("%s: exit %d, yet its update is in the plan: %s", note, r.code, r.stderr)
	case r.code != 0 && !strings.Contains(r.stderr, "nothing"):
		t.Errorf("%s: exit %d without saying nothing was written: %s", note, r.code, r.stderr)
	case strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic"):
		t.Errorf("%s: a Go stack trace: %s", note, r.stderr)
	}
	return false
}

// TestConcurrentUpdatesLoseNothing: 20 cpp updates at once on one plan, 50 rounds, then two
// returns imports at once: every update that said it was written is in the plan, every other one
// said nothing was written, and the plan validates.
func TestConcurrentUpdatesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("many cpp processes; skipped with -short")
	}
	dir := stressRepo(t)
	const writers, rounds = 20, 50
	var lost, refused, written int
	start := time.Now()
	for round := 0; round < rounds; round++ {
		results := make([]result, writers)
		var wg sync.WaitGroup
		for w := 0; w < writers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[w] = cppIn(t, dir, "update", "riverside.p1.1", "--note", fmt.Sprintf("round %d writer %d", round, w))
			}()
		}
		wg.Wait()
		plan, err := os.ReadFile(filepath.Join(dir, "plans", "riverside.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for w, r := range results {
			note := fmt.Sprintf("round %d writer %d", round, w)
			switch {
			case honest(t, r, note+"\n", plan):
				lost++
			case r.code == 0:
				written++
			default:
				refused++
			}
		}
	}
	t.Logf("%d updates by %d writers at once, %d rounds, in %v: %d written, %d refused (said so), %d lost",
		writers*rounds, writers, rounds, time.Since(start).Round(time.Millisecond), written, refused, lost)
	if lost > 0 {
		t.Errorf("%d updates said they were written and are not in the plan", lost)
	}
	if written == 0 {
		t.Error("no update was written")
	}
	if r := cppIn(t, dir, "validate"); r.code != 0 {
		t.Errorf("the plan does not validate: %s", r.stderr)
	}

	// Two returns at once, each for one action, for ten rounds.
	lost = 0
	for round := 0; round < 10; round++ {
		notes := [2]string{fmt.Sprintf("return A round %d", round), fmt.Sprintf("return B round %d", round)}
		for i, id := range []string{"riverside.p1.1", "riverside.p1.2"} {
			csv := "ID,New status,New RAG,Progress note,Revised deadline\n" + id + ",In progress,,\"" + notes[i] + "\",\n"
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.csv", i)), []byte(csv), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var results [2]result
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = cppIn(t, dir, "returns", "import", fmt.Sprintf("r%d.csv", i), "--date", fmt.Sprintf("2025-09-%02d", round+1))
			}()
		}
		wg.Wait()
		plan, _ := os.ReadFile(filepath.Join(dir, "plans", "riverside.yaml"))
		for i, r := range results {
			if r.code != 0 {
				t.Errorf("returns import %d: exit %d: %s", i, r.code, r.stderr)
			}
			if honest(t, r, notes[i], plan) {
				lost++
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d returns said they were imported and are not in the plan", lost)
	}
	if r := cppIn(t, dir, "validate"); r.code != 0 {
		t.Errorf("the plan does not validate: %s", r.stderr)
	}
}

// TestEditorSavesAreNeverLost: an editor (played here) saves the plan over and over, by rename and
// in place, adding a line each time, while cpp update and cpp fmt run: every save the editor made
// is in the plan at the end (cpp never writes over one), the plan is never left cut short, and
// every cpp run either wrote or said it wrote nothing.
func TestEditorSavesAreNeverLost(t *testing.T) {
	if testing.Short() {
		t.Skip("many cpp processes; skipped with -short")
	}
	dir := stressRepo(t)
	path := filepath.Join(dir, "plans", "riverside.yaml")
	stop := make(chan struct{})
	saves := 0
	var editor sync.WaitGroup
	editor.Add(1)
	go func() {
		defer editor.Done()
		for i := 1; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// An editor reads the file, changes it and saves it at once. The trailing spaces
			// give cpp fmt something to do.
			data, err := os.ReadFile(path)
			if err != nil || !bytes.HasSuffix(data, []byte("\n")) {
				continue // mid-save of someone else: an editor would show the file again
			}
			data = append(data, fmt.Sprintf("# editor save %d   \n", i)...)
			if i%2 == 0 {
				tmp := path + ".editor-tmp"
				os.WriteFile(tmp, data, 0o644)
				os.Rename(tmp, path)
			} else {
				f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
				if err != nil {
					t.Error(err)
					return
				}
				f.Write(data)
				f.Close()
			}
			saves = i
			// Sometimes at once, sometimes after a pause long enough for cpp to read and write.
			time.Sleep(time.Duration(i%7) * 8 * time.Millisecond)
		}
	}()
	runs, written, refused := 0, 0, 0
	deadline := time.Now().Add(8 * time.Second)
	for n := 0; time.Now().Before(deadline); n++ {
		var r result
		note := fmt.Sprintf("editor test update %d", n)
		if n%3 == 2 {
			r = cppIn(t, dir, "fmt")
		} else {
			r = cppIn(t, dir, "update", "riverside.p1.1", "--note", note)
		}
		runs++
		switch {
		case r.code == 0:
			written++
		case strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic"):
			t.Errorf("a Go stack trace: %s", r.stderr)
		case !strings.Contains(r.stderr, "nothing") && !strings.Contains(r.stderr, "skipped"):
			t.Errorf("exit %d without saying nothing was written: %s", r.code, r.stderr)
		default:
			refused++
			if refused <= 3 {
				t.Logf("refused: %s", strings.TrimSpace(r.stderr[strings.LastIndex(r.stderr[:len(r.stderr)-1], "\ncpp:")+1:]))
			}
		}
	}
	close(stop)
	editor.Wait()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for i := 1; i <= saves; i++ {
		if !bytes.Contains(data, []byte(fmt.Sprintf("# editor save %d\n", i))) && !bytes.Contains(data, []byte(fmt.Sprintf("# editor save %d   \n", i))) {
			missing++
		}
	}
	t.Logf("%d editor saves, %d cpp runs (%d wrote, %d refused, said so); %d editor saves lost", saves, runs, written, refused, missing)
	if missing > 0 {
		t.Errorf("%d of the editor's %d saves are not in the plan", missing, saves)
	}
	if !bytes.Contains(data, []byte("leads:\n  - name: Fostering\n")) {
		t.Errorf("the plan is cut short:\n%s", data)
	}
	if r := cppIn(t, dir, "validate"); r.code != 0 {
		t.Errorf("the plan does not validate: %s", r.stderr)
	}
	if written == 0 {
		t.Error("cpp never wrote: the test did not test anything")
	}
}

// BenchmarkUpdateContended times 20 cpp updates started together on one plan (they queue on the
// lock) against the same 20 run one after another, and reports the ratio (x-sequential; the
// target is under 2).
func BenchmarkUpdateContended(b *testing.B) {
	dir := stressRepo(b)
	run := func(concurrent bool) time.Duration {
		start := time.Now()
		var wg sync.WaitGroup
		for w := 0; w < 20; w++ {
			do := func() {
				if r := cppIn(b, dir, "update", "riverside.p1.1", "--note", fmt.Sprintf("bench %d %d", time.Now().UnixNano(), w)); r.code != 0 {
					b.Errorf("exit %d: %s", r.code, r.stderr)
				}
			}
			if concurrent {
				wg.Add(1)
				go func() { defer wg.Done(); do() }()
			} else {
				do()
			}
		}
		wg.Wait()
		return time.Since(start)
	}
	var seq, con time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		os.WriteFile(filepath.Join(dir, "plans", "riverside.yaml"), []byte(stressPlan), 0o644)
		seq += run(false)
		os.WriteFile(filepath.Join(dir, "plans", "riverside.yaml"), []byte(stressPlan), 0o644)
		con += run(true)
	}
	b.ReportMetric(float64(seq.Milliseconds())/float64(b.N), "ms-sequential")
	b.ReportMetric(float64(con.Milliseconds())/float64(b.N), "ms-concurrent")
	b.ReportMetric(float64(con)/float64(seq), "x-sequential")
}
