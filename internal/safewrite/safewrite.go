// Package safewrite owns how cpp touches files on disk: reading only regular files, within a size
// limit counted on the bytes actually read, and writing any file (a report, a reformatted plan, and
// next an edited or imported one) through one function that never loses data.
//
// Write's rules, and why:
//   - regular files only: renaming over /dev/null or a named pipe replaces it for every program
//     on the machine, and a directory is never meant;
//   - never a file the command read as input: `report -o plans/x.yaml` would replace a plan with
//     a report;
//   - never a read-only file: rename(2) needs only the folder to be writable, so without this
//     check cpp would replace a file its owner (or chmod a-w) said must not change;
//   - through symlinks, keeping the file's mode (and owner, where allowed): a linked plan stays
//     linked, a private file stays private;
//   - atomic: the data goes to a temporary file beside the real target, is synced, and renamed
//     over it, so a reader sees the old contents or the new, never half; any failure removes the
//     temporary file;
//   - an editor says what it read (a Stamp: size, modification time, SHA-256 of the bytes), and
//     the write is abandoned when the file no longer matches just before the rename, so an edit
//     made meanwhile in another program is never lost;
//   - messages name the file the user gave (and the file a symlink leads to), never the
//     temporary file.
package safewrite

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// Kind says why a read or write did not happen.
type Kind int

const (
	// Failed: the system refused (no such folder, permission denied, disk full).
	Failed Kind = iota
	// NotRegular: a directory, device, named pipe or socket.
	NotRegular
	// TooLarge: more bytes than the reader's limit.
	TooLarge
	// Input: the target is one of the files the command read.
	Input
	// ReadOnly: the target may not be written.
	ReadOnly
	// Exists: the target exists and the writer creates new files only.
	Exists
	// Changed: the target is not what the writer read (changed, replaced or removed since).
	Changed
	// Unstable: the file kept changing while cpp read it (another program writing it).
	Unstable
	// HardLinked: the target has other names, which replacing it would leave with the old text.
	HardLinked
)

// Error is every error Read and Write return.
type Error struct {
	Op   string // "read" or "write"
	Path string // as the caller gave it
	Real string // the file a symlink leads to, when it is not Path
	Kind Kind
	// What names a file that is not regular: "a directory", "a named pipe (FIFO)", ….
	What string
	// Size and Limit are set for TooLarge; Size is 0 when the file does not say (a /proc file).
	Size, Limit int64
	Links       int   // for HardLinked: how many names the file has
	Err         error // the system's error, for Failed
}

func (e *Error) Error() string {
	name := e.Path
	if e.Real != "" {
		name = fmt.Sprintf("%s (linked to %s)", e.Path, e.Real)
	}
	return fmt.Sprintf("cannot %s %s: %s", e.Op, name, e.Reason())
}

// Reason says why, without the file's name.
func (e *Error) Reason() string {
	switch e.Kind {
	case NotRegular:
		return "it is " + e.What + ", not a regular file"
	case TooLarge:
		if e.Op == "write" {
			size, limit := HumanSize(e.Size), HumanSize(e.Limit)
			if size == limit {
				size, limit = fmt.Sprintf("%d bytes", e.Size), fmt.Sprintf("%d bytes", e.Limit)
			}
			return fmt.Sprintf("the new text would be %s, more than the %s cpp reads; nothing was written", size, limit)
		}
		return "it is larger than " + HumanSize(e.Limit)
	case Unstable:
		return "it kept changing while cpp read it"
	case HardLinked:
		return fmt.Sprintf("it has %d hard links, and replacing it would leave the other names with the old text; nothing was written", e.Links)
	case Input:
		return "it is one of the files this command reads"
	case ReadOnly:
		return "it is read-only"
	case Exists:
		return "it already exists"
	case Changed:
		if e.Err != nil {
			return e.Err.Error() + "; nothing was written"
		}
		return "it changed after cpp read it; nothing was written"
	}
	return systemReason(e.Err)
}

// Hint says what the user can do.
func (e *Error) Hint() string {
	switch e.Kind {
	case NotRegular:
		if e.Op == "write" {
			return "cpp writes regular files only; to throw the output away, leave out -o and send standard output to /dev/null"
		}
		return "cpp reads regular files only"
	case Input:
		return "write the output somewhere the command does not read from, such as a file outside plans/"
	case ReadOnly:
		return "if it is meant to change, make it writable first (chmod u+w)"
	case Exists:
		return "choose another name, or move the file away first"
	case Changed:
		return "another program changed the file meanwhile; run the command again to start from its new contents"
	case Unstable:
		return "another program is writing it; run the command again when it has finished"
	case HardLinked:
		return "cpp does not split hard links: make the other names symbolic links (ln -sf), which cpp writes through"
	case TooLarge:
		if e.Op == "write" {
			return "split the plan into smaller files, or keep long text in a linked document"
		}
	case Failed:
		if errors.Is(e.Err, fs.ErrNotExist) {
			return "check that the folder exists"
		}
	}
	return "check the path and its permissions"
}

// Refused reports whether cpp declined to act (a rule above), rather than the system failing.
func (e *Error) Refused() bool { return e.Kind != Failed }

func (e *Error) Unwrap() error { return e.Err }

// systemReason is the system's own words, without the path it names: that may be a temporary
// file, and the message names the real target already.
func systemReason(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

// HumanSize writes a byte count the way the limits are written.
func HumanSize(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Stamp is what a reader saw: enough to tell, just before a write, that nobody wrote the file
// in between. Size and ModTime are the quick test; the SHA-256 of the bytes read is the sure one
// (an editor may save within the clock's resolution, or keep the size).
type Stamp struct {
	Size    int64
	ModTime time.Time
	Sum     [sha256.Size]byte
}

// ReadFile reads a regular file of at most max bytes.
func ReadFile(path string, max int64) ([]byte, error) {
	data, _, err := read(path, max)
	return data, err
}

// Read reads a regular file of at most max bytes, and stamps what it read for Write's Expect.
func Read(path string, max int64) ([]byte, Stamp, error) {
	data, info, err := read(path, max)
	if err != nil {
		return nil, Stamp{}, err
	}
	return data, Stamp{Size: int64(len(data)), ModTime: info.ModTime(), Sum: sha256.Sum256(data)}, nil
}

// Settle is "the last moment": a file modified less than this before cpp read it may be in the
// middle of being written by a program that writes in place (truncate, then write), and is looked
// at again once it has been still this long. Modification times are kept to the kernel's clock
// tick (up to 10 ms); an editor writes a plan in one or a few calls well within two ticks.
const Settle = 20 * time.Millisecond

// settleTries bounds the looks: a file that keeps changing for this many moments (about a
// second) is being written continuously, and is refused rather than read half-way.
const settleTries = 50

// Test hooks: whileReading runs after each read of the bytes, before the second look at the
// file; whileSettling while a recently modified file is given its moment to settle.
var (
	whileReading  func(try int)
	whileSettling func()
)

// read reads a regular file, whole and settled: a file whose size or modification time changes
// while it is read, or was modified within the last moment (Settle), is read again until it is
// still, so that cpp never takes (and writes back) half of a file another program is writing.
func read(path string, max int64) ([]byte, fs.FileInfo, error) {
	fail := func(kind Kind, err error) error { return &Error{Op: "read", Path: path, Kind: kind, Err: err} }
	// Stat before opening: opening a named pipe for reading waits for a writer, for ever.
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fail(Failed, err)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &Error{Op: "read", Path: path, Kind: NotRegular, What: describe(info.Mode())}
	}
	f, err := os.OpenFile(path, openReadFlags, 0)
	if err != nil {
		return nil, nil, fail(Failed, err)
	}
	defer f.Close()
	for try := 0; ; try++ {
		// The path may have been swapped for something else between the Stat and the open; the
		// open file is what counts (and O_NONBLOCK kept a pipe from blocking the open itself).
		before, err := f.Stat()
		if err != nil {
			return nil, nil, fail(Failed, err)
		}
		if !before.Mode().IsRegular() {
			return nil, nil, &Error{Op: "read", Path: path, Kind: NotRegular, What: describe(before.Mode())}
		}
		data, err := readAll(f, before, max)
		if err != nil {
			if se, ok := err.(*Error); ok {
				se.Path = path
				return nil, nil, se
			}
			return nil, nil, fail(Failed, err)
		}
		if whileReading != nil {
			whileReading(try)
		}
		after, err := f.Stat()
		if err != nil {
			return nil, nil, fail(Failed, err)
		}
		// A size of 0 is what /proc files claim, whatever they hold.
		if same(before, after) && (int64(len(data)) == after.Size() || after.Size() == 0) {
			age := time.Since(after.ModTime())
			// A time in the future (a file copied from a machine whose clock is ahead) cannot be
			// waited out; only a recent one is.
			if age >= Settle || age < -time.Second {
				return data, after, nil
			}
			if whileSettling != nil {
				whileSettling()
			}
			time.Sleep(Settle - max0(age))
			if still, err := f.Stat(); err == nil && same(after, still) {
				return data, after, nil
			}
		}
		if try == settleTries {
			return nil, nil, &Error{Op: "read", Path: path, Kind: Unstable}
		}
		time.Sleep(Settle)
	}
}

// readOnce reads a file as it is, with no wait for it to settle.
func readOnce(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, openReadFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return readAll(f, info, max)
}

// readAll reads f from its start. The limit counts bytes read, not the size the file claims:
// /proc files claim 0, and a file can grow while it is read.
func readAll(f *os.File, info fs.FileInfo, max int64) ([]byte, error) {
	var buf bytes.Buffer
	if info.Size() <= max {
		buf.Grow(int(info.Size()) + 1)
	}
	if _, err := buf.ReadFrom(io.LimitReader(io.NewSectionReader(f, 0, max+1), max+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > max {
		size := info.Size()
		if size <= max {
			size = 0
		}
		return nil, &Error{Op: "read", Kind: TooLarge, Size: size, Limit: max}
	}
	return buf.Bytes(), nil
}

// same reports whether two looks at one open file saw the same size and modification time.
func same(a, b fs.FileInfo) bool {
	return a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

func max0(d time.Duration) time.Duration { return max(d, 0) }

// describe names a file that is not regular, for messages.
func describe(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
