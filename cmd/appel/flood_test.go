package main

import (
	"fmt"
	"net"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestLoginUnderIdleFlood measures (APPEL_BENCH_FLOOD=N) a teacher's login
// time, handshake and key included, 30 times alone and 30 times while N
// TCP connections from another address never start SSH: the door's guards
// keep the flood to its own share. BENCHMARKS.md gives the figures.
func TestLoginUnderIdleFlood(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("APPEL_BENCH_FLOOD"))
	if n <= 0 {
		t.Skip("APPEL_BENCH_FLOOD=N mesure une connexion pendant N connexions inactives")
	}
	s := serveDemo(t, "prof")
	data, err := os.ReadFile(s.keys["prof"])
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", s.srv.port)
	login := func() time.Duration {
		start := time.Now()
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}, Timeout: 10 * time.Second}
		conn, err := d.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{User: "prof",
			Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
		if err != nil {
			t.Fatalf("login: %v", err)
		}
		took := time.Since(start)
		gossh.NewClient(c, chans, reqs).Close()
		return took
	}
	measure := func() (time.Duration, time.Duration) {
		var ds []time.Duration
		for range 30 {
			ds = append(ds, login())
		}
		slices.Sort(ds)
		return ds[len(ds)/2], ds[len(ds)*99/100]
	}
	p50, p99 := measure()
	var idle []net.Conn
	for range n {
		if c, err := net.Dial("tcp", addr); err == nil {
			idle = append(idle, c)
		}
	}
	f50, f99 := measure()
	for _, c := range idle {
		c.Close()
	}
	t.Logf("login alone p50 %s p99 %s; beside %d idle connections p50 %s p99 %s", p50, p99, n, f50, f99)
}
