package model_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// TestInvitationEnrolsOneKey: a code binds the key offered; wrong codes are
// counted and the fifth voids the invitation; an expired code says so; a
// code works once; only an administrator invites.
func TestInvitationEnrolsOneKey(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(3))
	at := modeltest.At(modeltest.Monday, 8, 0)
	as := func(login string, now time.Time) *model.Service {
		return model.NewService(db, model.Actor{Login: login, Session: "s"}, modeltest.Clock(now))
	}
	if _, _, err := as("cpe", at).Invite("prof", 14); !errors.Is(err, model.ErrForbidden) {
		t.Fatalf("a CPE invites: %v", err)
	}
	code, expires, err := as("admin", at).Invite("prof", 14)
	if err != nil || len(code) != 9 || !expires.Equal(at.Add(14*24*time.Hour)) {
		t.Fatalf("invite: %q %v %v", code, expires, err)
	}
	if !as("prof", at).Invited("prof") || as("prof", at).Invited("prof2") {
		t.Error("Invited")
	}
	prof := as("prof", at.Add(time.Hour))
	for i := 1; i <= 2; i++ {
		if _, err := prof.Enrol("prof", "AAAA-BBBB", keyLine(7, "portable")); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "essai") {
			t.Fatalf("wrong code %d: %v", i, err)
		}
	}
	key, err := prof.Enrol("prof", strings.ToLower(code), keyLine(7, "portable"))
	if err != nil {
		t.Fatalf("the right code (any case): %v", err)
	}
	dir, _ := db.Directory()
	if owner, ok := dir.KeyOwner(key.Fingerprint); !ok || owner != "prof" {
		t.Errorf("the key is %q's", owner)
	}
	if _, err := prof.Enrol("prof", code, keyLine(8, "portable")); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a code used twice: %v", err)
	}
	code, _, _ = as("admin", at).Invite("prof2", 1)
	for i := 1; i <= model.MaxCodeFailures; i++ {
		_, err = as("prof2", at).Enrol("prof2", "ZZZZ-ZZZZ", keyLine(9, "portable"))
	}
	if !errors.Is(err, model.ErrForbidden) || as("prof2", at).Invited("prof2") {
		t.Errorf("five wrong codes: %v, invited %v", err, as("prof2", at).Invited("prof2"))
	}
	if _, err := as("prof2", at).Enrol("prof2", code, keyLine(9, "portable")); err == nil {
		t.Error("the right code after the invitation was voided")
	}
	code, _, _ = as("admin", at).Invite("prof2", 1)
	if _, err := as("prof2", at.Add(25*time.Hour)).Enrol("prof2", code, keyLine(9, "portable")); err == nil || !strings.Contains(err.Error(), "expiré") {
		t.Errorf("an expired code: %v", err)
	}
}

// TestMyKeys: a teacher lists his keys, withdraws one but never his last,
// and invites a new computer of his own; another's key is not his to take.
func TestMyKeys(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(3))
	at := modeltest.At(modeltest.Monday, 8, 0)
	admin := model.NewService(db, model.Actor{Login: "admin", Session: "a"}, modeltest.Clock(at))
	if _, err := admin.AddKeys("prof", []string{keyLine(1, "bureau"), keyLine(2, "portable")}); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.AddKey("prof2", keyLine(3, "autre")); err != nil {
		t.Fatal(err)
	}
	prof := model.NewService(db, model.Actor{Login: "prof", Session: "p"}, modeltest.Clock(at))
	keys, err := prof.MyKeys()
	if err != nil || len(keys) != 2 {
		t.Fatalf("my keys: %v %v", keys, err)
	}
	other, _ := model.NewService(db, model.Actor{Login: "prof2", Session: "q"}, modeltest.Clock(at)).MyKeys()
	if err := prof.RemoveMyKey(other[0].Fingerprint); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("prof withdraws prof2's key: %v", err)
	}
	if err := prof.RemoveMyKey(keys[0].Fingerprint); err != nil {
		t.Fatal(err)
	}
	if err := prof.RemoveMyKey(keys[1].Fingerprint); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("prof withdraws his last key: %v", err)
	}
	code, _, err := prof.InviteMe(7)
	if err != nil || !prof.Invited("prof") {
		t.Fatalf("invite me: %v", err)
	}
	if _, err := prof.Enrol("prof", code, keyLine(4, "nouveau")); err != nil {
		t.Errorf("enrol the new computer: %v", err)
	}
	if keys, _ := prof.MyKeys(); len(keys) != 2 {
		t.Errorf("after enrolling: %d keys", len(keys))
	}
}
