//go:build !unix

package safewrite

import (
	"io/fs"
	"os"
)

const openReadFlags = os.O_RDONLY

// writable: elsewhere the read-only attribute shows in the mode bits, which readOnly checks.
func writable(string) bool { return true }

func keepOwner(*os.File, fs.FileInfo) {}

// raise: elsewhere a signal cannot be sent to oneself; the caller exits with its status.
func raise(os.Signal) {}

func signum(os.Signal) int { return 2 }

// links: elsewhere os.FileInfo does not say; a file is taken to have one name.
func links(fs.FileInfo) int { return 1 }
