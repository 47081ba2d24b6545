package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// ttyCPP runs cpp with its standard output on a terminal (a pseudo-terminal in raw mode, so that
// nothing is translated) and copies what the terminal was sent to standard output: what a user
// at a terminal would be shown, byte for byte.
func ttyCPP(args []string) int {
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttycpp:", err)
		return 1
	}
	defer master.Close()
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		fmt.Fprintln(os.Stderr, "ttycpp: unlockpt:", err)
		return 1
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttycpp: ptsname:", err)
		return 1
	}
	tty, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttycpp:", err)
		return 1
	}
	if t, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); err == nil {
		t.Oflag &^= unix.OPOST // no "\n" to "\r\n"
		t.Lflag &^= unix.ECHO | unix.ICANON
		_ = unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, t)
	}
	var shown bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&shown, master) // ends with EIO once the terminal is closed
		close(done)
	}()
	code := run(args, os.Stdin, tty, os.Stderr)
	tty.Close()
	<-done
	os.Stdout.Write(shown.Bytes())
	return code
}
