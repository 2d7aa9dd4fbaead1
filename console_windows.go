//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

var procGetConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether Windows made this console window for jixiao
// alone: jixiao.exe was double-clicked in Explorer rather than started from
// cmd or PowerShell (whose process shares the console). Such a window
// closes the moment jixiao exits, taking its last message with it.
func ownConsole() bool {
	if procGetConsoleProcessList.Find() != nil {
		return false
	}
	var ids [2]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
