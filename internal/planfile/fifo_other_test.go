//go:build !unix

package planfile

import "errors"

func mkfifo(string) error { return errors.New("no named pipes") }
