package model_test

import (
	"errors"
	"testing"

	"appel/model"
)

// TestSetLateMinutes: the teacher corrects a lateness's minutes; the motive
// given meanwhile is kept; a pupil not late, a bad number or another
// teacher's séance is refused.
func TestSetLateMinutes(t *testing.T) {
	db, id, keys := justifyFixture(t)
	late, absent := keys[4], keys[0]
	if _, err := svc(db, "cpe").Justify([]model.MarkKey{late}, "transport"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		login   string
		key     model.MarkKey
		minutes int
		refused error
	}{
		{"the teacher's correction", "prof", late, 12, nil},
		{"back to zero", "prof", late, 0, nil},
		{"negative", "prof", late, -1, model.ErrInvalid},
		{"over ten hours", "prof", late, 601, model.ErrInvalid},
		{"a pupil not late", "prof", absent, 5, model.ErrInvalid},
		{"another teacher's séance", "prof2", late, 5, model.ErrForbidden},
	} {
		att, err := svc(db, tc.login).SetLateMinutes(id, tc.key.Pupil, tc.minutes)
		switch {
		case tc.refused != nil && !errors.Is(err, tc.refused):
			t.Errorf("%s: %v, want %v", tc.name, err, tc.refused)
		case tc.refused == nil && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.refused == nil && (att.Minutes != tc.minutes || att.Kind != model.KindLate):
			t.Errorf("%s: %+v", tc.name, att)
		}
	}
	if got := motives(t, db, []model.MarkKey{late})[late.Pupil]; got != "transport" {
		t.Errorf("the motive after the correction: %q", got)
	}
}
