package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// target is a server under test, run as a child process: appel serve, or the
// bare wish + Bubble Tea program of this tool.
type target struct {
	name string
	cmd  *exec.Cmd
	addr string
	diag string // appel's --diag address, "" for the bare program
	log  *os.File
	// netns runs the server in that network namespace (soak).
	netns string
	// forget unregisters the kill that an interrupted run does.
	forget func()
}

// serverSpec says how to start a target.
type serverSpec struct {
	appel   string // path of the appel binary; "" for the bare program
	db      string
	dir     string
	fps     int
	listen  string // address to listen on ("" : a free loopback port)
	netns   string
	dialVia string // address clients dial, when not the listen address
	// bareBinary serves the bare program (default: this executable).
	bareBinary string
}

// start runs the target and waits until it accepts connections.
func start(spec serverSpec) (*target, error) {
	addr := spec.listen
	if addr == "" {
		addr = freePort()
	}
	t := &target{name: "appel", addr: addr, netns: spec.netns}
	var args []string
	if spec.appel == "" {
		self, err := os.Executable()
		if spec.bareBinary != "" {
			self = spec.bareBinary
		}
		if err != nil {
			return nil, err
		}
		t.name = "nu"
		args = []string{self, "bare", "--addr", addr, "--fps", strconv.Itoa(spec.fps),
			"--host-key", filepath.Join(spec.dir, "bare_host_ed25519")}
	} else {
		args = []string{spec.appel, "--db", spec.db, "--now", loadNow, "serve", "--addr", addr,
			"--host-key", filepath.Join(spec.dir, "host_ed25519"), "--fps", strconv.Itoa(spec.fps), "--idle", "2h"}
		if spec.netns == "" {
			t.diag = freePort()
			args = append(args, "--diag", t.diag)
		}
	}
	if spec.netns != "" {
		args = append([]string{"ip", "netns", "exec", spec.netns}, args...)
	}
	log, err := os.OpenFile(filepath.Join(spec.dir, t.name+"-serve.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	t.log = log
	t.cmd = exec.Command(args[0], args[1:]...)
	t.cmd.Stdout, t.cmd.Stderr = log, log
	t.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := t.cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("%s : %v", args[0], err)
	}
	t.forget = onInterrupt(func() { _ = t.signal(syscall.SIGKILL) })
	if err := t.awaitPort(15 * time.Second); err != nil {
		t.kill()
		return nil, err
	}
	if spec.dialVia != "" {
		t.addr = spec.dialVia
	}
	return t, nil
}

func freePort() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func (t *target) awaitPort(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", t.addr, time.Second); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("le serveur %s n'écoute pas sur %s (voir %s)", t.name, t.addr, t.log.Name())
}

// stop asks the server to stop (SIGTERM) and waits until it has exited,
// killing it after 20 s.
func (t *target) stop() error {
	_ = t.signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- t.cmd.Wait() }()
	defer t.log.Close()
	defer t.forget()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		_ = t.signal(syscall.SIGKILL)
		<-done
		return fmt.Errorf("le serveur ne s'est pas arrêté en 20 s : tué")
	}
}

// kill stops the server with SIGKILL, the crash test's cut.
func (t *target) kill() {
	_ = t.signal(syscall.SIGKILL)
	_ = t.cmd.Wait()
	t.log.Close()
	t.forget()
}

// signal reaches the server's process group (ip netns exec's child too).
func (t *target) signal(sig syscall.Signal) error {
	return syscall.Kill(-t.cmd.Process.Pid, sig)
}

// serverPID is the pid of the server itself (under ip netns exec, its child).
func (t *target) serverPID() int {
	pid := t.cmd.Process.Pid
	if t.netns == "" {
		return pid
	}
	out, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	if f := strings.Fields(string(out)); err == nil && len(f) > 0 {
		if child, err := strconv.Atoi(f[0]); err == nil {
			return child
		}
	}
	return pid
}

// procSample is the server's CPU time and resident memory at one instant.
type procSample struct {
	at  time.Time
	cpu time.Duration
	rss int64 // bytes
}

// sample reads /proc for the server's CPU time and RSS.
func (t *target) sample() (procSample, error) {
	pid := t.serverPID()
	s := procSample{at: time.Now()}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return s, err
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+2:]))
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	s.cpu = time.Duration(utime+stime) * 10 * time.Millisecond // USER_HZ = 100
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return s, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			s.rss = kb << 10
		}
	}
	return s, nil
}

// diagnostics is what appel serve --diag answers.
type diagnostics struct {
	Sessions   int    `json:"sessions"`
	Connected  int64  `json:"connected"`
	Goroutines int    `json:"goroutines"`
	HeapInuse  uint64 `json:"heap_inuse"`
	StackInuse uint64 `json:"stack_inuse"`
	Sys        uint64 `json:"sys"`
}

// diagnostics asks appel for its counts; gc runs a collection first.
func (t *target) diagnostics(gc bool) (diagnostics, error) {
	var d diagnostics
	if t.diag == "" {
		return d, fmt.Errorf("pas de diagnostics pour %s", t.name)
	}
	url := "http://" + t.diag + "/diag"
	if gc {
		url += "/gc"
	}
	client := http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return d, err
	}
	defer resp.Body.Close()
	return d, json.NewDecoder(resp.Body).Decode(&d)
}
