package safewrite

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Policy says whether the target may exist.
type Policy int

const (
	// MayReplace creates the file or replaces it: report -o.
	MayReplace Policy = iota
	// MustNotExist creates a new file only: init, import -o without --force. The final step is a
	// hard link, which fails when a file appeared meanwhile, where the file system allows it.
	MustNotExist
	// MustExist replaces an existing file only: an editor, which also gives Expect.
	MustExist
)

// Options say what a writer knows about the file it writes.
type Options struct {
	Policy Policy
	// Expect is the file as the writer read it (from Read). The write is abandoned when the file
	// no longer matches it just before the rename. nil for a writer that read no copy.
	Expect *Stamp
	// Inputs are the files the command read. The target must be none of them, compared as files
	// (os.SameFile, through symlinks and hard links), not as names.
	Inputs []string
	// Perm is the mode of a new file; 0 means 0644. An existing file keeps its own.
	Perm fs.FileMode
	// MaxSize bounds the re-read of the target when Expect is checked; 0 means Expect.Size.
	MaxSize int64
	// Limit refuses data longer than this (0: no limit): a writer gives the limit its readers
	// enforce, so that cpp never writes a file it would then refuse to read.
	Limit int64
}

// Test hooks: whileWriting runs once the temporary file is written, before the last look at the
// target; beforeSwap after that look, just before the rename. Tests use them to play another
// program saving the file in each gap.
var whileWriting, beforeSwap func(real string)

// Write replaces or creates path with data, under the rules in the package comment. Every error
// is an *Error.
func Write(path string, data []byte, opts Options) error {
	real, err := resolve(path)
	e := &Error{Op: "write", Path: path}
	if err != nil {
		e.Err = err
		return e
	}
	if filepath.Clean(real) != filepath.Clean(path) {
		e.Real = real
	}
	fail := func(kind Kind, err error) error {
		e.Kind, e.Err = kind, err
		return e
	}

	info, err := os.Lstat(real)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail(Failed, err)
	}
	if err := check(real, info, exists, opts); err != nil {
		return fail(err.Kind, err.Err)
	}
	if err := checkNotRegular(info, exists, e); err != nil {
		return err
	}
	if opts.Limit > 0 && int64(len(data)) > opts.Limit {
		e.Kind, e.Size, e.Limit = TooLarge, int64(len(data)), opts.Limit
		return e
	}
	if exists {
		if n := links(info); n > 1 {
			e.Kind, e.Links = HardLinked, n
			return e
		}
	}

	tmp, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".cpp-*")
	if err != nil {
		return fail(Failed, err)
	}
	remember(tmp.Name())
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		forget(tmp.Name())
	}()
	perm := opts.Perm
	if perm == 0 {
		perm = 0o644
	}
	if exists {
		perm = info.Mode().Perm()
		keepOwner(tmp, info)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fail(Failed, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(Failed, err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(Failed, err)
	}
	if err := tmp.Close(); err != nil {
		return fail(Failed, err)
	}

	if whileWriting != nil {
		whileWriting(real)
	}
	// Writing the temporary file took time: look again, as close to the rename as can be.
	info, err = os.Lstat(real)
	nowExists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail(Failed, err)
	}
	if exists && !nowExists {
		return fail(Changed, errors.New("it was removed after cpp read it"))
	}
	if err := checkNotRegular(info, nowExists, e); err != nil {
		return err
	}
	if err := check(real, info, nowExists, opts); err != nil {
		return fail(err.Kind, err.Err)
	}
	if nowExists && links(info) > 1 {
		e.Kind, e.Links = HardLinked, links(info)
		return e
	}
	if beforeSwap != nil {
		beforeSwap(real)
	}
	switch {
	case opts.Policy == MustNotExist:
		err = createNew(tmp.Name(), real)
	case nowExists && opts.Expect != nil:
		err = swapVerified(tmp.Name(), real, data, *opts.Expect, opts.MaxSize)
	default:
		err = os.Rename(tmp.Name(), real)
	}
	if err != nil {
		var ce *changedError
		switch {
		case errors.As(err, &ce):
			return fail(Changed, err)
		case errors.Is(err, fs.ErrExist):
			return fail(Exists, nil)
		}
		return fail(Failed, err)
	}
	done = true
	syncDir(filepath.Dir(real))
	return nil
}

type problem struct {
	Kind Kind
	Err  error
}

// check applies the rules that depend on the target and the writer's knowledge, on the target
// as it is now (info, when it exists).
func check(real string, info fs.FileInfo, exists bool, opts Options) *problem {
	if !exists {
		switch {
		case opts.Expect != nil:
			return &problem{Changed, errors.New("it was removed after cpp read it")}
		case opts.Policy == MustExist:
			return &problem{Failed, fs.ErrNotExist}
		}
		return nil
	}
	if !info.Mode().IsRegular() {
		return nil // checkNotRegular says so, with what it is
	}
	if opts.Policy == MustNotExist {
		return &problem{Exists, nil}
	}
	for _, in := range opts.Inputs {
		if ii, err := os.Stat(in); err == nil && os.SameFile(ii, info) {
			return &problem{Input, nil}
		}
	}
	if readOnly(real, info) {
		return &problem{ReadOnly, nil}
	}
	if opts.Expect != nil {
		if err := matches(real, info, *opts.Expect, opts.MaxSize); err != nil {
			return &problem{Changed, err}
		}
	}
	return nil
}

func checkNotRegular(info fs.FileInfo, exists bool, e *Error) error {
	if exists && !info.Mode().IsRegular() {
		e.Kind, e.What = NotRegular, describe(info.Mode())
		return e
	}
	return nil
}

// readOnly: a file nobody may write (chmod a-w) is read-only even to root, who may write
// anything; and a file this user may not write is read-only to them, though the rename would
// succeed, since it needs only the folder to be writable.
func readOnly(real string, info fs.FileInfo) bool {
	return info.Mode().Perm()&0o222 == 0 || !writable(real)
}

// matches checks the target against what the writer read: size and time first, then the bytes.
// A nil error means it matches; otherwise the error says what differs, in the user's terms.
func matches(real string, info fs.FileInfo, s Stamp, max int64) error {
	changed := errors.New("it changed after cpp read it")
	if info.Size() != s.Size || !info.ModTime().Equal(s.ModTime) {
		return changed
	}
	if max <= 0 {
		max = s.Size
	}
	data, err := ReadFile(real, max)
	if err != nil {
		var se *Error
		if errors.As(err, &se) && se.Kind == TooLarge {
			return changed
		}
		return fmt.Errorf("cpp cannot read it again to check it is unchanged: %s", systemReason(err))
	}
	if sum := sha256.Sum256(data); !bytes.Equal(sum[:], s.Sum[:]) {
		return changed
	}
	return nil
}

// resolve follows symlinks to the file a write replaces, so that the link stays a link. A link
// to a file that does not exist yet resolves to where that file would be.
func resolve(path string) (string, error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real, nil
	}
	real := path
	for range 255 {
		info, err := os.Lstat(real)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return real, nil
		}
		target, err := os.Readlink(real)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(real), target)
		}
		real = target
	}
	return "", errors.New("too many levels of symbolic links")
}

// createNew puts tmp in place at real only if nothing is there: link(2) fails rather than
// replace. A file system without hard links gets a rename after the checks already made.
func createNew(tmp, real string) error {
	err := os.Link(tmp, real)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Rename(tmp, real)
}

// syncDir makes the rename durable; it is best effort, as some systems cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
