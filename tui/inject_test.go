package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
	"appel/tui/tuitest"
)

// injected are texts an attacker could have stored before appel checked its
// input: escapes that clear the screen, paint it, set the window title, move
// the cursor, and bidi overrides, C1 controls and zero-width characters.
var injected = struct {
	name, first, subject, room, motive, account, note, phone string
}{
	name:    "Dupuis\x1b[2J\x1b[7m",
	first:   "\u202eLéa\x1b[7m",
	subject: "Maths\x1b]0;pirate\x07\x1b[7m",
	room:    "B\u009b",
	motive:  "Maladie\x1b[7m",
	account: "M.\x1b[H\x1b[2J Martin\x1b[7m",
	note:    "rappeler\x1b[8m\u200b",
	phone:   "06\x1b[7m",
}

// shownAs are the injected texts as the screens must show them.
var shownAs = []string{`DUPUIS\X1B[2J\X1B[7M`, `\u202eLéa\x1b[7m`, `Maths\x1b]0;pirate\x07\x1b[7m`, `B\x9b`,
	`Maladie\x1b[7m`, `M.\x1b[H\x1b[2J Martin\x1b[7m`, `rappeler\x1b[8m\u200b`, `06\x1b[7m`}

// poisoned is the grid's school with injected texts written through
// storage directly, the way an old db may hold them: the model's checks are
// not in the way.
func poisoned(t testing.TB) *storage.DB {
	t.Helper()
	db := storagetest.NewWith(t, modeltest.WithGridWeek(modeltest.GridSchool(12)))
	_, err := db.Update(context.Background(), model.Actor{Login: "test"}, "données d'une ancienne version", func(tx model.Tx) error {
		dir, err := db.Directory()
		if err != nil {
			return err
		}
		p := dir.Pupils[0]
		p.LastName, p.FirstName = injected.name, injected.first
		c := dir.Courses[0]
		c.Subject = injected.subject
		var maths model.Course
		for _, x := range dir.Courses {
			if x.ID == modeltest.CourseMaths+"-4" {
				maths = x
			}
		}
		maths.Room = injected.room
		m := dir.Motives[0]
		m.Label = injected.motive
		a, _ := dir.Account("prof")
		a.Name = injected.account
		var gs []model.Guardian
		if gs, err = tx.Guardians(p.ID); err == nil && len(gs) > 0 {
			gs[0].LastName, gs[0].Phone = injected.name, injected.phone
			err = tx.PutGuardian(gs[0])
		}
		return firstError(err, tx.PutPupil(p), tx.PutCourse(c), tx.PutCourse(maths), tx.PutMotive(m), tx.PutAccount(a),
			tx.PutCall(model.FamilyCall{ID: "C-poison", Pupil: p.ID, At: modeltest.At(modeltest.WeekA, 8, 0), By: "cpe",
				Outcome: injected.motive, Person: injected.name, Note: injected.note}))
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// rawControl returns the first character of a frame that must never reach
// a terminal from data: with no colour, a frame holds no escape at all.
func rawControl(frame string) (rune, bool) {
	for _, r := range frame {
		if r != '\n' && !model.TextAllowed(r, model.Plain) {
			return r, true
		}
	}
	return 0, false
}

// TestInjectedTextIsShownEscaped opens every screen of every role on a
// store holding injected texts, walks their panes and opens what they list:
// no frame holds a raw control or invisible character, and the texts are
// shown as visible escapes (\x1b[2J), not dropped.
func TestInjectedTextIsShownEscaped(t *testing.T) {
	db := poisoned(t)
	seen := map[string]bool{}
	for _, login := range []string{"prof", "cpe", "aed", "direction", "admin", "dupont"} {
		t.Run(login, func(t *testing.T) {
			svc := model.NewService(db, model.Actor{Login: login, Session: "t-" + login}, modeltest.Clock(modeltest.GridNow))
			d := tuitest.Start(t, svc, 200, 60)
			check := func(step string) {
				d.Settle(5 * time.Millisecond)
				view := d.View()
				if r, bad := rawControl(view); bad {
					for _, l := range strings.Split(view, "\n") {
						if _, bad := rawControl(l); bad {
							t.Errorf("%s, %s: raw %U on screen: %q", login, step, r, strings.TrimSpace(l))
						}
					}
				}
				for _, visible := range shownAs {
					if strings.Contains(view, visible) {
						seen[visible] = true
					}
				}
			}
			check("ouverture")
			for _, screen := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"} {
				d.Press("esc", "esc", screen)
				check("écran " + screen)
				for pane := range 4 {
					d.Press("enter")
					check(fmt.Sprintf("écran %s, entrée %d", screen, pane))
					d.Press("esc", "tab")
					check(fmt.Sprintf("écran %s, volet %d", screen, pane+1))
				}
			}
			d.Press("esc", "esc", "3", "/")
			for _, r := range "dupuis" {
				d.Press(string(r))
			}
			d.WaitFor(`DUPUIS\X1B`)
			d.Press("enter")
			d.Settle(5 * time.Millisecond)
			if strings.Contains(d.View(), "Rechercher un élève") {
				d.Press("enter")
			}
			for pane := range 4 {
				check(fmt.Sprintf("fiche élève, volet %d", pane))

				d.Press("tab")
			}
		})
	}
	for _, visible := range shownAs {
		if !seen[visible] {
			t.Errorf("%s never shown on any screen", visible)
		}
	}
}
