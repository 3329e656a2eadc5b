package main

import (
	"fmt"
	"io"
	"net"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// client is one simulated terminal: an SSH connection with a PTY of 80×24
// and a shell, its output kept by a screen.
type client struct {
	conn    net.Conn
	ssh     *gossh.Client
	sess    *gossh.Session
	stdin   io.WriteCloser
	screen  *screen
	started time.Time
	done    chan struct{}
}

// dialTimeout bounds a connection's set-up.
const dialTimeout = 20 * time.Second

// dial opens a session for login with signer, as OpenSSH would with a PTY.
func dial(addr, login string, signer gossh.Signer) (*client, error) {
	c := &client{started: time.Now(), screen: newScreen(), done: make(chan struct{})}
	conn, err := net.DialTimeout("tcp", addr, dialTimeout)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(dialTimeout))
	cfg := &gossh.ClientConfig{User: login, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: dialTimeout}
	sc, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("poignée de main : %w", err)
	}
	_ = conn.SetDeadline(time.Time{})
	c.conn, c.ssh = conn, gossh.NewClient(sc, chans, reqs)
	if err := c.openShell(); err != nil {
		c.ssh.Close()
		return nil, err
	}
	return c, nil
}

func (c *client) openShell() error {
	sess, err := c.ssh.NewSession()
	if err != nil {
		return fmt.Errorf("session : %w", err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return fmt.Errorf("pty : %w", err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return err
	}
	if c.stdin, err = sess.StdinPipe(); err != nil {
		return err
	}
	if err := sess.Shell(); err != nil {
		return fmt.Errorf("shell : %w", err)
	}
	c.sess = sess
	go func() {
		_, _ = io.Copy(c.screen, out)
		c.screen.end()
		close(c.done)
	}()
	return nil
}

// press sends keys and returns the screen's offset just before, from which
// to wait for their effect.
func (c *client) press(keys string) (int, time.Time, error) {
	from := c.screen.offset()
	at := time.Now()
	_, err := io.WriteString(c.stdin, keys)
	return from, at, err
}

// waitEnd waits until the server closes the session.
func (c *client) waitEnd(timeout time.Duration) bool {
	select {
	case <-c.done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// close ends the connection politely (SSH disconnect).
func (c *client) close() { _ = c.ssh.Close() }

// cut drops the TCP connection without a word, like a laptop lid closed.
func (c *client) cut() { _ = c.conn.Close() }
