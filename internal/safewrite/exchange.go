package safewrite

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// An editor does not take cpp's lock. The Stamp check before the rename leaves a gap (the check,
// then the rename) in which an editor's save is overwritten and lost. Where the system can swap
// two names in one step (Linux's renameat2 RENAME_EXCHANGE, macOS's renamex_np RENAME_SWAP), the
// gap is closed instead: the new file and the target swap places, so that the file displaced is
// exactly the one that was at the target when cpp's file went in; if it is not byte for byte what
// cpp read, someone saved in between, and the two are swapped back, leaving their save in place.
// An editor that saves in place (truncate, then write) into the file while cpp writes is caught
// the same way: the displaced file is theirs, and no longer what cpp read.
//
// Elsewhere (Windows, and file systems that cannot swap: some network shares), the check is the
// Stamp's, made as late as it can be, just before the rename; cpp's own writers are kept apart
// by the lock (lock.go), so only another program saving in that moment can be lost.

// errNoExchange says the system or file system cannot swap two names.
var errNoExchange = errors.New("exchange not supported")

// changedError says the target changed while cpp wrote, and was put back.
type changedError struct{ kept string }

func (e *changedError) Error() string {
	if e.kept != "" {
		return "it changed while cpp was writing, and changed again while cpp put it back: the other version is kept as " + e.kept
	}
	return "it changed while cpp was writing"
}

// swapVerified puts tmp in place of real, and keeps it there only if what it displaced is what the
// writer read (want). On return tmp is gone, or holds only cpp's own data.
func swapVerified(tmp, real string, data []byte, want Stamp, max int64) error {
	switch err := exchange(tmp, real); {
	case errors.Is(err, errNoExchange):
		return os.Rename(tmp, real)
	case err != nil:
		return err
	}
	if max <= 0 {
		max = want.Size
	}
	old, err := readDisplaced(tmp, max)
	if err == nil && int64(len(old)) == want.Size && sha256.Sum256(old) == want.Sum {
		os.Remove(tmp)
		return nil
	}
	// Theirs goes back. Should that fail, theirs must not be lost with the temporary file.
	if err := exchange(tmp, real); err != nil {
		kept := keep(tmp, real)
		return &changedError{kept: kept}
	}
	// tmp is ours again, unless yet another save landed at real in between: then that save is
	// what was just displaced, and it is kept beside the plan rather than removed.
	if now, err := readDisplaced(tmp, int64(len(data))+1); err == nil && bytes.Equal(now, data) {
		os.Remove(tmp)
		return &changedError{}
	}
	return &changedError{kept: keep(tmp, real)}
}

// keep moves a displaced version from the temporary name, which is removed on failure, to one
// beside the target that says what it is (and does not end .yaml, so it is not read as a plan).
func keep(tmp, real string) string {
	name := real + ".kept-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if os.Rename(tmp, name) != nil {
		return tmp
	}
	forget(tmp)
	return name
}

// readDisplaced reads a file no one else should be writing now, with no wait for it to settle.
func readDisplaced(path string, max int64) ([]byte, error) {
	data, err := readOnce(path, max)
	if err != nil {
		return nil, fmt.Errorf("cpp cannot read back what it displaced: %w", err)
	}
	return data, nil
}
