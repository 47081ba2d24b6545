//go:build unix

package planfile

import "syscall"

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
