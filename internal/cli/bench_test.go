package cli

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// nationalCorpus writes the synthetic national corpus once per test binary.
func nationalCorpus(b *testing.B) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cpp-bench-")
		if err != nil {
			corpusErr = err
			return
		}
		corpusDir, corpusErr = synth.Write(dir, synth.National)
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusDir
}

// BenchmarkDecodeOnly is the floor: reading the corpus and decoding every file into yaml.Nodes,
// in parallel with as many workers as the loader uses, and nothing else.
func BenchmarkDecodeOnly(b *testing.B) {
	atBinaryGC(b)
	dir := nationalCorpus(b)
	files, _ := planfile.Expand([]string{dir})
	reportSize(b, files)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := make(chan string)
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range next {
					data, err := os.ReadFile(f)
					if err != nil {
						b.Error(err)
						continue
					}
					var n yaml.Node
					if err := yaml.Unmarshal(data, &n); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
	}
	reportPeak(b)
}

// BenchmarkDueQuarter is the whole query, as a user runs it, over the national corpus; its
// table is not fitted, as output to a file or a pipe is not.
func BenchmarkDueQuarter(b *testing.B) { benchDue(b, "") }

// BenchmarkDueQuarterFitted is the same with the table fitted to 80 columns, as on a terminal:
// wrapped, cut and with columns left out.
func BenchmarkDueQuarterFitted(b *testing.B) { benchDue(b, "80") }

func benchDue(b *testing.B, columns string) {
	atBinaryGC(b)
	dir := nationalCorpus(b)
	getenv := func(k string) string {
		if k == "COLUMNS" {
			return columns
		}
		return ""
	}
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv: getenv, Now: time.Now,
		IsTerminal: func(io.Writer) bool { return false }, Getwd: os.Getwd}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := Run(env, []string{"due", "--quarter", "Q3-2025", "--today", "2025-10-01", "--format", benchFormat, dir}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	reportPeak(b)
}

// atBinaryGC runs a benchmark with the collector set as the binary sets it (GCPercent), unless
// GOGC is set: the floor and the query are measured alike, as a user runs them.
func atBinaryGC(b *testing.B) {
	if os.Getenv("GOGC") != "" {
		return
	}
	old := debug.SetGCPercent(GCPercent)
	b.Cleanup(func() { debug.SetGCPercent(old) })
}

func reportSize(b *testing.B, files []string) {
	var total int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			total += info.Size()
		}
	}
	b.ReportMetric(float64(total)/(1<<20), "MB-yaml")
}

// reportPeak reports the process's peak resident memory (VmHWM), in MB.
func reportPeak(b *testing.B) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			b.ReportMetric(float64(kb)/1024, "peak-MB")
		}
	}
}

// benchFormat is the output format of BenchmarkDueQuarter: CPP_BENCH_FORMAT, else the default table.
var benchFormat = func() string {
	if f := os.Getenv("CPP_BENCH_FORMAT"); f != "" {
		return f
	}
	return "table"
}()
