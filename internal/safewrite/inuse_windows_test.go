package safewrite

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// On Windows, a file another program holds open with no sharing (as Excel holds a workbook) is
// not replaced, and the error says it is in use.
func TestWriteOverAFileHeldOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "due.csv")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	// Share mode 0: no other handle may read, write or delete it while this one is open.
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.CloseHandle(h)
	err = Write(path, []byte("new\n"), Options{Policy: MayReplace})
	if err == nil {
		t.Fatal("wrote over a file held open")
	}
	if !InUse(err) {
		t.Errorf("InUse(%v) = false", err)
	}
}
