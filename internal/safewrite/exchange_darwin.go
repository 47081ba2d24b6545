//go:build darwin

package safewrite

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the files at a and b in one step.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.ENOSYS) {
		return errNoExchange
	}
	if err != nil {
		return &os.LinkError{Op: "renamex_np", Old: a, New: b, Err: err}
	}
	return nil
}
