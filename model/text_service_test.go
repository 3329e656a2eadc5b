package model_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"appel/model"
	"appel/model/demo"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// bad is what an attacker types: a terminal escape that clears the screen
// and paints it red.
const bad = "MATHS\x1b[2J\x1b[41m"

// TestServiceRefusesControlCharacters: every write of a form or of the
// command line that stores text refuses a control character, names the
// field, and writes nothing.
func TestServiceRefusesControlCharacters(t *testing.T) {
	db := statsFixture(t)
	now := modeltest.At(modeltest.Monday, 10, 0)
	admin, cpe := serviceAt(db, "admin", now), serviceAt(db, "cpe", now)
	key := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
	tests := []struct {
		name  string
		field string
		write func() error
	}{
		{"new account's name", "nom affiché", func() error {
			return admin.AddAccount(model.Account{Login: "pirate", Name: bad, Roles: []model.Role{model.RoleTeacher}})
		}},
		{"renamed account", "nom affiché", func() error {
			_, err := admin.EditAccount("prof", func(a *model.Account) error { a.Name = "M.\u202eMartin"; return nil })
			return err
		}},
		{"key comment", "commentaire de la clé", func() error { _, err := admin.AddKey("prof", key+" prof@\x1b]0;titre\x07"); return err }},
		{"motive label", "libellé du motif", func() error {
			_, err := admin.SaveMotive(model.Motive{Label: "Sor\u0085tie", Key: "y", Valid: true})
			return err
		}},
		{"call outcome", "issue de l'appel", func() error {
			_, err := cpe.AddCall(model.FamilyCall{Pupil: "E001", Outcome: bad})
			return err
		}},
		{"person called", "personne appelée", func() error {
			_, err := cpe.AddCall(model.FamilyCall{Pupil: "E001", Outcome: "Message laissé", Person: "Mère\tx"})
			return err
		}},
		{"call note", "note", func() error {
			_, err := cpe.AddCall(model.FamilyCall{Pupil: "E001", Outcome: "Message laissé", Note: "rappeler\ndemain"})
			return err
		}},
		{"announced absence note", "note", func() error {
			_, err := cpe.Announce("E002", now, now.Add(3600e9), "maladie", "fièvre\x1b[2J")
			return err
		}},
		{"report note", "note", func() error { _, err := cpe.RecordReport("E001", "2026-11", "\u2066x"); return err }},
	}
	before := auditTotal(t, db)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write()
			if !errors.Is(err, model.ErrInvalid) {
				t.Fatalf("err = %v, want a refusal", err)
			}
			if !strings.HasPrefix(err.Error(), tt.field+" : ") {
				t.Errorf("message %q does not name the field %q", err, tt.field)
			}
		})
	}
	if after := auditTotal(t, db); after != before {
		t.Errorf("%d changes were written", after-before)
	}
	// A tab is fine in a note, and the same writes without the bad character pass.
	if _, err := cpe.AddCall(model.FamilyCall{Pupil: "E001", Outcome: "Message laissé", Note: "rappeler\tdemain"}); err != nil {
		t.Errorf("a tab in a note: %v", err)
	}
}

// TestDatasetCheckText: a full import or a new school holding a control
// character is refused, naming the record; the demo school passes.
func TestDatasetCheckText(t *testing.T) {
	if err := demo.Build(modeltest.At(modeltest.Monday, 8, 0)).CheckText(); err != nil {
		t.Fatalf("the demo school is refused: %v", err)
	}
	d := modeltest.School(5)
	d.Pupils[3].LastName = "Dupont\x1b[2J"
	err := d.CheckText()
	want := "pupils[3].last_name : caractère de contrôle U+001B (échappement) en position 7"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	db := storagetest.New(t)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "restore", d.Write); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("Write: %v, want a refusal", err)
	}
	d = modeltest.School(5)
	d.Calls = []model.FamilyCall{{ID: "c1", Pupil: "E001", Outcome: "Message laissé", Note: "a\tb"}}
	d.School.Name = "Collège\u200b"
	if err := d.CheckText(); err == nil || !strings.HasPrefix(err.Error(), "school.name : caractère invisible U+200B") {
		t.Errorf("err = %v", err)
	}
	d.School.Name = "Collège"
	if err := d.CheckText(); err != nil {
		t.Errorf("a tab in a call's note: %v", err)
	}
}

func auditTotal(t *testing.T, db *storage.DB) int {
	t.Helper()
	var n int
	err := db.View(func(tx model.ReadTx) error {
		entries, err := tx.Audit(model.AuditQuery{})
		n = len(entries)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
