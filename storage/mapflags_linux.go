package storage

import "syscall"

// walkMapFlags maps the file shared and reads it in at once (Linux).
const walkMapFlags = syscall.MAP_SHARED | syscall.MAP_POPULATE
