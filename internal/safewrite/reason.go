package safewrite

import "errors"

// Reason says why a read or write failed, without the file's name: the Error's reason, or the
// error itself when it is not one.
func Reason(err error) string {
	var se *Error
	if errors.As(err, &se) {
		return se.Reason()
	}
	return err.Error()
}
