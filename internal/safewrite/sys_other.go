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
