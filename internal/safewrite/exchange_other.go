//go:build !linux && !darwin

package safewrite

// exchange: this system cannot swap two names in one step; the write falls back to the Stamp
// check just before the rename (see exchange.go).
func exchange(a, b string) error { return errNoExchange }
