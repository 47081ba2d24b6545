//go:build unix

package safewrite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, text string, perm os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func content(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// noTemp fails when a temporary file is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".cpp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func kindOf(t *testing.T, err error) Kind {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *safewrite.Error", err, err)
	}
	if strings.Contains(e.Error(), ".cpp-") {
		t.Errorf("message names the temporary file: %s", e.Error())
	}
	return e.Kind
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
}

// within fails the test when do blocks: opening a named pipe for reading waits for a writer.
func within(t *testing.T, do func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { do(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("blocked for 5s")
	}
}

func TestReadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	mkfifo(t, fifo)
	cases := map[string]string{
		fifo:         "a named pipe (FIFO)",
		dir:          "a directory",
		"/dev/zero":  "a character device",
		"/dev/null":  "a character device",
		"/dev/stdin": "", // whatever it is here (a pipe, a terminal, /dev/null), not a plan
	}
	for path, what := range cases {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		within(t, func() {
			_, err := ReadFile(path, 1<<20)
			var e *Error
			if !errors.As(err, &e) || e.Kind != NotRegular {
				if path == "/dev/stdin" && err == nil {
					return // a regular file redirected in is a file
				}
				t.Errorf("ReadFile(%s) = %v, want NotRegular", path, err)
				return
			}
			if what != "" && e.What != what {
				t.Errorf("ReadFile(%s) says %q, want %q", path, e.What, what)
			}
		})
	}
}

func TestReadLimitCountsBytesRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	writeFile(t, path, strings.Repeat("x", 100), 0o644)
	_, err := ReadFile(path, 50)
	var e *Error
	if !errors.As(err, &e) || e.Kind != TooLarge || e.Size != 100 {
		t.Fatalf("ReadFile of 100 bytes with limit 50 = %v, want TooLarge with size 100", err)
	}
	if data, err := ReadFile(path, 100); err != nil || len(data) != 100 {
		t.Fatalf("ReadFile at the limit = %d bytes, %v", len(data), err)
	}
	// A /proc file says it holds 0 bytes: only counting what is read catches it.
	const proc = "/proc/self/maps"
	if info, err := os.Stat(proc); err != nil || info.Size() != 0 {
		t.Skip("no /proc file that reports size 0 here")
	}
	_, err = ReadFile(proc, 10)
	if !errors.As(err, &e) || e.Kind != TooLarge || e.Size != 0 {
		t.Fatalf("ReadFile(%s, 10) = %v, want TooLarge of unknown size", proc, err)
	}
}

func TestReadStamps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.yaml")
	writeFile(t, path, "id: a\n", 0o644)
	data, s, err := Read(path, 1<<20)
	if err != nil || string(data) != "id: a\n" || s.Size != 6 || s.ModTime.IsZero() {
		t.Fatalf("Read = %q, %+v, %v", data, s, err)
	}
}

func TestWriteKeepsModeAndSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.md")
	link := filepath.Join(dir, "link.md")
	writeFile(t, target, "old\n", 0o600)
	if err := os.Symlink("target.md", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := Write(link, []byte("new\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.md is no longer a symlink")
	}
	if got := content(t, target); got != "new\n" {
		t.Errorf("target.md = %q", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	// A link to a file not made yet: the file is made where the link points.
	dangling := filepath.Join(dir, "later.md")
	if err := os.Symlink("sub/made.md", dangling); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := Write(dangling, []byte("made\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	if got := content(t, filepath.Join(dir, "sub", "made.md")); got != "made\n" {
		t.Errorf("sub/made.md = %q", got)
	}
	if info, _ := os.Stat(filepath.Join(dir, "sub", "made.md")); info.Mode().Perm() != 0o644 {
		t.Errorf("new file's mode = %v, want 0644", info.Mode().Perm())
	}
	noTemp(t, dir)
}

func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	mkfifo(t, fifo)
	plan := filepath.Join(dir, "plan.yaml")
	writeFile(t, plan, "id: p\n", 0o644)
	hard := filepath.Join(dir, "hard.yaml")
	if err := os.Link(plan, hard); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("plan.yaml", link); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro.md")
	writeFile(t, ro, "keep\n", 0o444)
	device := filepath.Join(dir, "null")
	if err := syscall.Mknod(device, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		device = "" // not allowed here; /dev/null itself is never a test target
	}
	cases := []struct {
		name string
		path string
		opts Options
		want Kind
		what string
	}{
		{"a directory", dir, Options{}, NotRegular, "a directory"},
		{"a named pipe", fifo, Options{}, NotRegular, "a named pipe (FIFO)"},
		{"a device", device, Options{}, NotRegular, "a character device"},
		{"an input, by its name", plan, Options{Inputs: []string{plan}}, Input, ""},
		{"an input, named otherwise", filepath.Join(dir, "..", filepath.Base(dir), "plan.yaml"), Options{Inputs: []string{plan}}, Input, ""},
		{"an input, through a symlink", link, Options{Inputs: []string{plan}}, Input, ""},
		{"an input's hard link", hard, Options{Inputs: []string{link}}, Input, ""},
		{"a read-only file", ro, Options{}, ReadOnly, ""},
		{"an existing file, for a creator", plan, Options{Policy: MustNotExist}, Exists, ""},
		{"a missing file, for an editor", filepath.Join(dir, "gone.yaml"), Options{Policy: MustExist}, Failed, ""},
		{"a missing folder", filepath.Join(dir, "nowhere", "x.md"), Options{}, Failed, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.path == "" {
				t.Skip("cannot make a device node here")
			}
			before, _ := os.Lstat(c.path)
			var err error
			within(t, func() { err = Write(c.path, []byte("report\n"), c.opts) })
			if got := kindOf(t, err); got != c.want {
				t.Fatalf("Write(%s) = %v (kind %d), want kind %d", c.path, err, got, c.want)
			}
			var e *Error
			errors.As(err, &e)
			if e.What != c.what {
				t.Errorf("What = %q, want %q", e.What, c.what)
			}
			if !strings.HasPrefix(err.Error(), "cannot write "+c.path) {
				t.Errorf("message %q does not name %s first", err, c.path)
			}
			if after, _ := os.Lstat(c.path); before != nil && (after == nil || !os.SameFile(before, after) || after.Mode() != before.Mode()) {
				t.Errorf("%s was replaced", c.path)
			}
			noTemp(t, dir)
		})
	}
	if got := content(t, plan); got != "id: p\n" {
		t.Errorf("plan.yaml = %q after the refusals", got)
	}
}

func TestWriteNamesTheLinkAndItsTarget(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ro.md"), "keep\n", 0o444)
	link := filepath.Join(dir, "out.md")
	if err := os.Symlink("ro.md", link); err != nil {
		t.Fatal(err)
	}
	err := Write(link, []byte("x"), Options{})
	want := "cannot write " + link + " (linked to " + filepath.Join(dir, "ro.md") + "): it is read-only"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

func TestWriteAbandonsWhenTheFileChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	for _, c := range []struct {
		name   string
		editor func(t *testing.T)
		want   string
	}{
		{"longer", func(t *testing.T) { writeFile(t, path, "id: a\ntitle: A\n", 0o644) }, "id: a\ntitle: A\n"},
		{"same size and time", func(t *testing.T) {
			info, _ := os.Stat(path)
			writeFile(t, path, "id: b  \n", 0o644)
			os.Chtimes(path, info.ModTime(), info.ModTime())
		}, "id: b  \n"},
		{"replaced by rename", func(t *testing.T) {
			writeFile(t, path+".new", "id: c\n", 0o644)
			os.Rename(path+".new", path)
		}, "id: c\n"},
		{"removed", func(t *testing.T) { os.Remove(path) }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			writeFile(t, path, "id: a  \n", 0o644)
			_, stamp, err := Read(path, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			// Before the write starts, and while the temporary file is written.
			for _, during := range []bool{false, true} {
				writeFile(t, path, "id: a  \n", 0o644)
				os.Chtimes(path, stamp.ModTime, stamp.ModTime)
				if !during {
					c.editor(t)
				} else {
					whileWriting = func(string) { c.editor(t) }
				}
				err = Write(path, []byte("id: a\n"), Options{Policy: MustExist, Expect: &stamp})
				whileWriting = nil
				if got := kindOf(t, err); got != Changed {
					t.Fatalf("during=%v: Write = %v, want Changed", during, err)
				}
				if !strings.Contains(err.Error(), "nothing was written") {
					t.Errorf("message %q does not say nothing was written", err)
				}
				data, _ := os.ReadFile(path)
				if string(data) != c.want {
					t.Errorf("during=%v: file = %q, want the editor's %q", during, data, c.want)
				}
				noTemp(t, dir)
			}
		})
	}
	// Unchanged, the write goes through.
	writeFile(t, path, "id: a  \n", 0o644)
	_, stamp, _ := Read(path, 1<<20)
	if err := Write(path, []byte("id: a\n"), Options{Policy: MustExist, Expect: &stamp}); err != nil {
		t.Fatal(err)
	}
	if got := content(t, path); got != "id: a\n" {
		t.Errorf("file = %q", got)
	}
}

func TestWriteCreatesNewFilesOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	whileWriting = func(real string) { writeFile(t, real, "theirs\n", 0o644) }
	err := Write(path, []byte("ours\n"), Options{Policy: MustNotExist})
	whileWriting = nil
	if kindOf(t, err) != Exists {
		t.Fatalf("Write = %v, want Exists", err)
	}
	if got := content(t, path); got != "theirs\n" {
		t.Errorf("file = %q, want theirs", got)
	}
	noTemp(t, dir)
	os.Remove(path)
	if err := Write(path, []byte("ours\n"), Options{Policy: MustNotExist}); err != nil {
		t.Fatal(err)
	}
	if got := content(t, path); got != "ours\n" {
		t.Errorf("file = %q, want ours", got)
	}
	noTemp(t, dir)
}

// TestWriteKeepsOwner: root rewriting another user's file leaves it theirs.
func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	path := filepath.Join(t.TempDir(), "theirs.yaml")
	writeFile(t, path, "id: a  \n", 0o640)
	if err := os.Chown(path, 4321, 4322); err != nil {
		t.Skip("cannot chown here:", err)
	}
	if err := Write(path, []byte("id: a\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 4321 || st.Gid != 4322 || info.Mode().Perm() != 0o640 {
		t.Errorf("owner %d:%d mode %v, want 4321:4322 0640", st.Uid, st.Gid, info.Mode().Perm())
	}
}
