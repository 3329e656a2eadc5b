package model_test

import (
	"context"
	"errors"
	"testing"

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
