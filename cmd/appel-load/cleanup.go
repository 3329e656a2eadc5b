package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// cleanups are what an interrupted run must undo: the server child process
// (in a process group of its own, so it would outlive the tool), the soak's
// network namespace, the work directory.
var cleanups struct {
	mu   sync.Mutex
	next int
	fns  map[int]func()
}

// onInterrupt registers fn to run if the tool is interrupted, and returns
// the function that unregisters it.
func onInterrupt(fn func()) (forget func()) {
	cleanups.mu.Lock()
	defer cleanups.mu.Unlock()
	if cleanups.fns == nil {
		cleanups.fns = map[int]func(){}
	}
	cleanups.next++
	id := cleanups.next
	cleanups.fns[id] = fn
	return func() {
		cleanups.mu.Lock()
		delete(cleanups.fns, id)
		cleanups.mu.Unlock()
	}
}

// cleanUpOnSignal runs the registered cleanups and exits on SIGINT or SIGTERM.
func cleanUpOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		sig := <-ch
		cleanups.mu.Lock()
		for _, fn := range cleanups.fns {
			fn()
		}
		cleanups.mu.Unlock()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
}
