package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"
)

// lossyNet is a network namespace of the run's own, joined to the host by a
// veth pair, where nftables drops a share of the TCP packets each way. The
// kernel here has no netem qdisc, so the delay is added by relay.
type lossyNet struct {
	ns       string
	hostIP   string
	serverIP string
	forget   func()
}

// makeLossyNet creates the namespace and its loss rule (percent of packets
// dropped in each direction on the server's port).
func makeLossyNet(loss int, port string) (*lossyNet, error) {
	id := os.Getpid() % 200
	n := &lossyNet{ns: fmt.Sprintf("appel-soak-%d", os.Getpid()),
		hostIP: fmt.Sprintf("10.231.%d.1", id), serverIP: fmt.Sprintf("10.231.%d.2", id)}
	n.forget = onInterrupt(n.remove)
	host, peer := fmt.Sprintf("vsk%da", id), fmt.Sprintf("vsk%db", id)
	steps := [][]string{
		{"ip", "netns", "add", n.ns},
		{"ip", "link", "add", host, "type", "veth", "peer", "name", peer},
		{"ip", "link", "set", peer, "netns", n.ns},
		{"ip", "addr", "add", n.hostIP + "/24", "dev", host},
		{"ip", "link", "set", host, "up"},
		{"ip", "netns", "exec", n.ns, "ip", "addr", "add", n.serverIP + "/24", "dev", peer},
		{"ip", "netns", "exec", n.ns, "ip", "link", "set", peer, "up"},
		{"ip", "netns", "exec", n.ns, "ip", "link", "set", "lo", "up"},
		{"ip", "netns", "exec", n.ns, "nft", "add", "table", "inet", "soak"},
	}
	for _, hook := range []string{"input", "output"} {
		dir := map[string]string{"input": "dport", "output": "sport"}[hook]
		steps = append(steps,
			[]string{"ip", "netns", "exec", n.ns, "nft", "add", "chain", "inet", "soak", hook, "{ type filter hook " + hook + " priority 0 ; }"},
			[]string{"ip", "netns", "exec", n.ns, "nft", "add", "rule", "inet", "soak", hook, "tcp", dir, port, "numgen", "random", "mod", "100", "<", fmt.Sprint(loss), "drop"})
	}
	for _, s := range steps {
		if out, err := exec.Command(s[0], s[1:]...).CombinedOutput(); err != nil {
			n.remove()
			return nil, fmt.Errorf("%s : %v %s", strings.Join(s, " "), err, out)
		}
	}
	return n, nil
}

// remove deletes the namespace (and the veth pair with it).
func (n *lossyNet) remove() {
	_ = exec.Command("ip", "netns", "del", n.ns).Run()
	if n.forget != nil {
		go n.forget() // may run from the interrupt handler, which holds the registry
	}
}

// relay forwards TCP connections to a server, holding every chunk for a
// fixed delay in each direction (order kept): the round trip that netem
// would add.
type relay struct {
	ln    net.Listener
	to    string
	delay time.Duration
}

func startRelay(to string, delay time.Duration) (*relay, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r := &relay{ln: ln, to: to, delay: delay}
	go r.accept()
	return r, nil
}

func (r *relay) addr() string { return r.ln.Addr().String() }

func (r *relay) close() { r.ln.Close() }

func (r *relay) accept() {
	for {
		in, err := r.ln.Accept()
		if err != nil {
			return
		}
		go r.pipe(in)
	}
}

func (r *relay) pipe(in net.Conn) {
	out, err := net.DialTimeout("tcp", r.to, dialTimeout)
	if err != nil {
		in.Close()
		return
	}
	go r.forward(out, in)
	r.forward(in, out)
}

type chunk struct {
	due  time.Time
	data []byte
}

// forward copies src to dst, each chunk delivered r.delay after it was read.
func (r *relay) forward(dst, src net.Conn) {
	queue := make(chan chunk, 1024)
	go func() {
		defer dst.Close()
		for c := range queue {
			time.Sleep(time.Until(c.due))
			if _, err := dst.Write(c.data); err != nil {
				src.Close()
				return
			}
		}
	}()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			queue <- chunk{due: time.Now().Add(r.delay), data: append([]byte(nil), buf[:n]...)}
		}
		if err != nil {
			close(queue)
			return
		}
	}
}
