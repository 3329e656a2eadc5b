package main

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
)

// sessionRenderer builds a session's own renderer from what the client told
// (TERM, NO_COLOR), without querying its terminal: a client that does not
// answer a query would stall the session and lose its first key. The screens
// use ANSI colours 0–15 only, so the profile is ANSI or none.
func sessionRenderer(sess ssh.Session) *lipgloss.Renderer {
	pty, _, _ := sess.Pty()
	env := environ(append(sess.Environ(), "TERM="+pty.Term))
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithColorCache(true))
	r.SetColorProfile(profileOf(env))
	r.SetHasDarkBackground(true)
	return r
}

func profileOf(env environ) termenv.Profile {
	term := env.Getenv("TERM")
	if env.Getenv("NO_COLOR") != "" || term == "" || term == "dumb" {
		return termenv.Ascii
	}
	return termenv.ANSI
}

// environ is a session's environment, as termenv reads it.
type environ []string

// Environ implements termenv.Environ.
func (e environ) Environ() []string { return e }

// Getenv implements termenv.Environ.
func (e environ) Getenv(key string) string {
	for i := len(e) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(e[i], key+"="); ok {
			return v
		}
	}
	return ""
}
