package model_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func done(items []model.SetupItem) (n int, missing []string) {
	for _, it := range items {
		if it.Done {
			n++
		} else {
			missing = append(missing, it.What)
		}
	}
	return n, missing
}

// TestSetupChecklist: an empty school lacks everything; the modeltest
// school (no guardians) lacks guardians, keys and the mail relay; once the
// keys and the relay are given, only the guardians.
func TestSetupChecklist(t *testing.T) {
	empty := storagetest.NewWith(t, model.Dataset{School: modeltest.School(1).School,
		Accounts: []model.Account{{Login: "admin", Name: "Admin", Roles: []model.Role{model.RoleAdmin}}}})
	items, err := svc(empty, "admin").SetupChecklist()
	if err != nil {
		t.Fatal(err)
	}
	if n, missing := done(items); n != 2 || len(missing) != 5 {
		// Done with nothing: every timetable teacher has an account, every
		// teacher a key (there are none).
		t.Errorf("empty school: %d done, missing %q", n, missing)
	}
	db := storagetest.NewWith(t, modeltest.School(5))
	items, _ = svc(db, "admin").SetupChecklist()
	_, missing := done(items)
	if len(missing) != 3 {
		t.Errorf("modeltest school lacks %q, want guardians, keys and the relay", missing)
	}
	for k, v := range map[string]string{model.SettingSMTPAddr: "smtp.college.fr:587", model.SettingSMTPFrom: "vie-scolaire@college.fr"} {
		if _, err := svc(db, "admin").SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "clés", func(tx model.Tx) error {
		dir, _ := db.Directory()
		for _, a := range dir.Accounts {
			if a.Has(model.RoleTeacher) && len(a.Keys) == 0 {
				a.Keys = []model.PublicKey{{Line: "ssh-ed25519 AAAA" + a.Login, Fingerprint: "SHA256:" + a.Login}}
				if err := tx.PutAccount(a); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	items, _ = svc(db, "admin").SetupChecklist()
	if _, missing := done(items); len(missing) != 1 || missing[0] != "les responsables des élèves" {
		t.Errorf("keys and relay given, missing %q", missing)
	}
	if _, err := svc(db, "cpe").SetupChecklist(); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a CPE reads the checklist: %v", err)
	}
}

// TestSetupChecklistCountsInvitations: a teacher with an invitation still
// valid can log in (he enrols his own key), so only the teachers with
// neither a key nor a valid invitation are counted; an expired invitation
// counts as none.
func TestSetupChecklistCountsInvitations(t *testing.T) {
	monday := modeltest.At(modeltest.Monday, 10, 0)
	for _, tc := range []struct {
		name    string
		invite  []string
		days    int
		later   time.Duration
		done    bool
		missing string
	}{
		{name: "nobody invited", missing: "sans clé SSH ni invitation"},
		{name: "one invited", invite: []string{"prof"}, days: 14, missing: "(1 invitation(s) en attente)"},
		{name: "all invited", invite: []string{"prof", "prof2"}, days: 14, done: true},
		{name: "invitations expired", invite: []string{"prof", "prof2"}, days: 1, later: 48 * time.Hour,
			missing: "2 enseignant(s) sans clé SSH ni invitation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := modeltest.School(5)
			teachers := 0
			for _, a := range ds.Accounts {
				if a.Has(model.RoleTeacher) {
					teachers++
				}
			}
			if teachers != 2 {
				t.Fatalf("the fixture has %d teachers, the cases assume prof and prof2", teachers)
			}
			db := storagetest.NewWith(t, ds)
			for _, login := range tc.invite {
				if _, _, err := svc(db, "admin").Invite(login, tc.days); err != nil {
					t.Fatal(err)
				}
			}
			at := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(monday.Add(tc.later)))
			items, err := at.SetupChecklist()
			if err != nil {
				t.Fatal(err)
			}
			var keys model.SetupItem
			for _, it := range items {
				if strings.Contains(it.What, "enseignant") && strings.Contains(it.Fix, "invite") {
					keys = it
				}
			}
			if keys.Done != tc.done || !strings.Contains(keys.What, tc.missing) {
				t.Errorf("keys point %+v, want done %v and %q", keys, tc.done, tc.missing)
			}
		})
	}
}
