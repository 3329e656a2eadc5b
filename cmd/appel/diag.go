package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"time"
)

// diagnostics is what `appel serve --diag` tells about the running server:
// what a load test reads to measure each session's cost.
type diagnostics struct {
	Sessions   int    `json:"sessions"`
	Connected  int64  `json:"connected"`
	Goroutines int    `json:"goroutines"`
	HeapInuse  uint64 `json:"heap_inuse"`
	HeapAlloc  uint64 `json:"heap_alloc"`
	StackInuse uint64 `json:"stack_inuse"`
	Sys        uint64 `json:"sys"`
	NumGC      uint32 `json:"num_gc"`
}

func (s *server) diagnostics() diagnostics {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return diagnostics{
		Sessions: s.open(), Connected: s.active.Load(), Goroutines: runtime.NumGoroutine(),
		HeapInuse: ms.HeapInuse, HeapAlloc: ms.HeapAlloc, StackInuse: ms.StackInuse, Sys: ms.Sys, NumGC: ms.NumGC,
	}
}

// serveDiag serves the diagnostics and Go's profiles on addr, a loopback
// address only, until ctx ends: /diag (JSON), /diag/gc (runs a collection
// first), /debug/pprof/.
func serveDiag(ctx context.Context, addr string, s *server, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--diag %s : %v", addr, err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		ln.Close()
		return usageErr("--diag n'écoute que sur une adresse locale (127.0.0.1:PORT), pas %s", addr)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/diag", func(w http.ResponseWriter, _ *http.Request) { writeDiag(w, s) })
	mux.HandleFunc("/diag/gc", func(w http.ResponseWriter, _ *http.Request) {
		runtime.GC()
		writeDiag(w, s)
	})
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	context.AfterFunc(ctx, func() { hs.Close() })
	log.Info("diagnostics", "adresse", ln.Addr().String())
	go hs.Serve(ln)
	return nil
}

func writeDiag(w http.ResponseWriter, s *server) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s.diagnostics())
}
