package main

import (
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// doorGuard keeps OpenSSH's guards at the server's door (README.md, « Les
// gardes à la porte »): a connection that has not authenticated within the
// grace time is closed (LoginGraceTime); past start connections not yet
// authenticated, new ones are refused with a probability that grows from
// rate % to 100 % at full (MaxStartups); a source whose connections end
// without authenticating waits longer and longer before it may connect
// again (PerSourcePenalties). Sessions already open are never touched.
type doorGuard struct {
	grace             time.Duration
	start, rate, full int
	// perSource caps the connections not yet authenticated from one
	// address (OpenSSH's PerSourceMaxStartups): a flood from one machine
	// never fills the door for the others.
	perSource       int
	pendingFrom     map[string]int
	penaltyMax      time.Duration
	refusal         func(motif string, fields ...any)
	now             func() time.Time
	roll            func() int // 0..99
	mu              sync.Mutex
	unauthenticated int
	sources         map[string]*penalty
}

// penalty is what a source earned by failing: how many connections in a
// row ended unauthenticated, and until when it waits.
type penalty struct {
	fails int
	until time.Time
}

// penaltyFree is how many failed connections in a row a source makes
// before it waits: many teachers may share one address (a school's NAT),
// and any success from it starts the count again.
const penaltyFree = 10

// maxStartups reads « start:rate:full » (OpenSSH's syntax), or one number.
func maxStartups(s string) (start, rate, full int, err error) {
	parts := strings.Split(s, ":")
	nums := make([]int, len(parts))
	for i, p := range parts {
		if nums[i], err = strconv.Atoi(p); err != nil || nums[i] < 0 {
			return 0, 0, 0, usageErr("--max-startups %q : début:taux:plein, par ex. 10:30:100", s)
		}
	}
	switch len(nums) {
	case 1:
		return nums[0], 100, nums[0], nil
	case 3:
		if nums[0] > nums[2] || nums[1] > 100 {
			break
		}
		return nums[0], nums[1], nums[2], nil
	}
	return 0, 0, 0, usageErr("--max-startups %q : début:taux:plein, par ex. 10:30:100", s)
}

func newDoorGuard(grace time.Duration, startups string, perSource int, penaltyMax time.Duration, refusal func(string, ...any)) (*doorGuard, error) {
	start, rate, full, err := maxStartups(startups)
	if err != nil {
		return nil, err
	}
	return &doorGuard{grace: grace, start: start, rate: rate, full: full, perSource: perSource, pendingFrom: map[string]int{},
		penaltyMax: penaltyMax, refusal: refusal,
		now: time.Now, roll: func() int { return rand.IntN(100) }, sources: map[string]*penalty{}}, nil
}

// guardKey holds a connection's guardedConn in its context.
type guardKey struct{}

// admit is the server's ConnCallback: it refuses (nil) a penalised source
// or a connection over the cap, else returns the connection with its grace
// deadline, counted until it authenticates or closes.
func (g *doorGuard) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	source := hostOf(conn.RemoteAddr())
	g.mu.Lock()
	defer g.mu.Unlock()
	if p := g.sources[source]; p != nil && g.now().Before(p.until) {
		_ = conn.Close()
		return nil
	}
	if g.perSource > 0 && g.pendingFrom[source] >= g.perSource {
		g.refusal("trop_de_connexions_de_la_source", "depuis", conn.RemoteAddr().String(), "en_attente", g.pendingFrom[source])
		_ = conn.Close()
		return nil
	}
	if g.overCap() {
		g.refusal("trop_de_connexions", "depuis", conn.RemoteAddr().String(), "en_attente", g.unauthenticated)
		_ = conn.Close()
		return nil
	}
	g.unauthenticated++
	g.pendingFrom[source]++
	gc := &guardedConn{Conn: conn, guard: g, source: source, opened: g.now()}
	if g.grace > 0 {
		gc.graceEnd = gc.opened.Add(g.grace)
		_ = conn.SetDeadline(gc.graceEnd)
	}
	ctx.SetValue(guardKey{}, gc)
	return gc
}

// overCap applies MaxStartups to one more connection (g.mu held).
func (g *doorGuard) overCap() bool {
	n := g.unauthenticated
	switch {
	case g.full == 0 || n < g.start:
		return false
	case n >= g.full:
		return true
	}
	chance := g.rate + (100-g.rate)*(n-g.start)/max(g.full-g.start, 1)
	return g.roll() < chance
}

// authenticated lifts the grace deadline of the connection of ctx and
// forgets its source's failures.
func (g *doorGuard) authenticated(ctx ssh.Context) {
	gc, ok := ctx.Value(guardKey{}).(*guardedConn)
	if !ok {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if gc.authed.Swap(true) {
		return
	}
	g.leave(gc.source)
	delete(g.sources, gc.source)
	_ = gc.Conn.SetDeadline(time.Time{})
}

// closed settles a connection that ends: one that never authenticated
// counts against its source, and is logged as a refusal when its grace ran
// out.
func (g *doorGuard) closed(gc *guardedConn) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if gc.authed.Swap(true) { // counted once
		return
	}
	g.leave(gc.source)
	if g.grace > 0 && g.now().Sub(gc.opened) >= g.grace {
		g.refusal("délai_de_connexion_dépassé", "depuis", gc.RemoteAddr().String(), "délai", g.grace.String())
	}
	if g.penaltyMax <= 0 || isLoopback(gc.source) {
		return
	}
	p := g.sources[gc.source]
	if p == nil {
		p = &penalty{}
		g.sources[gc.source] = p
	}
	p.fails++
	if p.fails < penaltyFree {
		return
	}
	wait := min(time.Second<<min(p.fails-penaltyFree, 20), g.penaltyMax)
	p.until = g.now().Add(wait)
	g.refusal("source_pénalisée", "source", gc.source, "échecs", p.fails, "attente", wait.String())
}

// guardedConn is a connection under the guard's watch until it
// authenticates.
type guardedConn struct {
	net.Conn
	guard  *doorGuard
	source string
	opened time.Time
	// graceEnd is when the connection must have authenticated (zero: never).
	graceEnd time.Time
	authed   atomic.Bool
	once     sync.Once
}

// SetDeadline keeps the grace deadline until the connection authenticates:
// the SSH server sets its own deadlines on every read and write.
func (c *guardedConn) SetDeadline(t time.Time) error {
	if !c.authed.Load() && !c.graceEnd.IsZero() && (t.IsZero() || t.After(c.graceEnd)) {
		t = c.graceEnd
	}
	return c.Conn.SetDeadline(t)
}

// Close closes the connection and settles it with the guard, once.
func (c *guardedConn) Close() error {
	c.once.Do(func() { c.guard.closed(c) })
	return c.Conn.Close()
}

// leave counts a connection out of the ones not yet authenticated (g.mu held).
func (g *doorGuard) leave(source string) {
	g.unauthenticated--
	if g.pendingFrom[source]--; g.pendingFrom[source] <= 0 {
		delete(g.pendingFrom, source)
	}
}

// isLoopback reports whether source is this machine (never penalised).
func isLoopback(source string) bool {
	ip := net.ParseIP(source)
	return ip != nil && ip.IsLoopback()
}

// hostOf is the address's host, the unit of penalties.
func hostOf(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// String describes the guards for the start-up log.
func (g *doorGuard) String() string {
	return fmt.Sprintf("délai %s, non authentifiées %d:%d:%d (%d par source), pénalité jusqu'à %s",
		g.grace, g.start, g.rate, g.full, g.perSource, g.penaltyMax)
}
