//go:build !unix

package tabular

import "errors"

func mkfifo(string) error { return errors.ErrUnsupported }
