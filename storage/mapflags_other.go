//go:build !linux

package storage

import "syscall"

// walkMapFlags maps the file shared (MAP_POPULATE is Linux's only).
const walkMapFlags = syscall.MAP_SHARED
