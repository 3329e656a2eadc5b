package tui_test

import (
	"testing"
	"time"

	"appel/model/modeltest"
	"appel/tui"
)

// roleLogins are one account of each role of modeltest.
var roleLogins = []string{"prof", "aed", "cpe", "direction", "admin"}

// TestEveryDigitSwitchFromEveryScreen: for every role, from every screen it
// may open, each digit of the tab line opens that screen.
func TestEveryDigitSwitchFromEveryScreen(t *testing.T) {
	for _, login := range roleLogins {
		t.Run(login, func(t *testing.T) {
			f := gridFixture(t, 6, modeltest.GridNow)
			d := f.start(t, login, 120, 30)
			d.Settle(settle)
			tabs := app(d).Tabs()
			for _, from := range tabs {
				for _, to := range tabs {
					d.Press(from.Key)
					d.Settle(settle)
					d.Press(to.Key)
					d.Settle(settle)
					if got := activeTab(app(d).Tabs()); got != to.Key {
						t.Errorf("%s: %s then %s lands on screen %s", login, from.Title, to.Key, got)
					}
				}
			}
		})
	}
}

// TestNoKeyHasTwoMeaningsOnAScreen: on every screen of every role, once
// loaded, a key names one action in the help (the shared keys aside, which
// each screen may give its own sense of « back » or « next pane »); no screen
// takes a digit, ? or q for itself.
func TestNoKeyHasTwoMeaningsOnAScreen(t *testing.T) {
	for _, login := range roleLogins {
		t.Run(login, func(t *testing.T) {
			f := gridFixture(t, 6, modeltest.GridNow)
			d := f.start(t, login, 120, 30)
			for _, tab := range app(d).Tabs() {
				d.Press(tab.Key)
				d.Settle(settle)
				checkOneMeaning(t, login+" "+tab.Title, app(d).HelpSections())
			}
		})
	}
}

// settle is how long a screen must stay quiet to count as loaded.
const settle = 30 * time.Millisecond

// app is the interface a driver runs.
func app(d *driver) *tui.App { return d.App.(*tui.App) }

func activeTab(tabs []tui.Tab) string {
	for _, t := range tabs {
		if t.Active {
			return t.Key
		}
	}
	return ""
}

func checkOneMeaning(t *testing.T, where string, sections []tui.HelpSection) {
	t.Helper()
	shared := sections[len(sections)-1]
	reserved := map[string]bool{"?": true, "q": true}
	for _, b := range shared.Keys {
		if b.Help().Desc == "écrans" {
			for _, k := range b.Keys() {
				reserved[k] = true
			}
		}
	}
	meaning := map[string]string{}
	for _, sec := range sections[:len(sections)-1] {
		for _, b := range sec.Keys {
			for _, k := range b.Keys() {
				desc := b.Help().Desc
				if reserved[k] {
					t.Errorf("%s: %q (%s) is a key every screen keeps", where, k, desc)
				}
				if prev, ok := meaning[k]; ok && prev != desc {
					t.Errorf("%s: %q means both « %s » and « %s »", where, k, prev, desc)
				}
				meaning[k] = desc
			}
		}
	}
}
