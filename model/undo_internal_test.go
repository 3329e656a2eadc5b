package model

import (
	"strings"
	"testing"
)

func TestUndoable(t *testing.T) {
	imp := func(entity, key, before string) AuditEntry {
		return AuditEntry{Action: 7, Verb: "import siecle : e.xml", Entity: entity, Key: key, Before: before, After: "{}"}
	}
	later := func(entity, key, after string) AuditEntry {
		return AuditEntry{Action: 9, Verb: "marque", Entity: entity, Key: key, After: after, Login: "prof"}
	}
	base := []AuditEntry{{Action: 3, Verb: "fixture", Entity: EntityAccount, Key: "admin"}}
	cases := []struct {
		name    string
		entries []AuditEntry
		refusal string // "" when the undo may go on
	}{
		{"nothing since", append(base, imp(EntityPupil, "1001", ""), imp(EntityDivision, "4A", `{"code":"4A"}`)), ""},
		{"other records since", append(base, imp(EntityPupil, "1001", ""), later(EntityPupil, "1002", "{}")), ""},
		{"pupil changed since", append(base, imp(EntityPupil, "1001", ""), later(EntityPupil, "1001", "{}")), "a changé depuis"},
		{"mark on a created pupil", append(base, imp(EntityPupil, "1001", ""), later(EntityMark, "s1|1001", `{"pupil":"1001"}`)), "a déjà des enregistrements"},
		{"marks import", append(base, AuditEntry{Action: 7, Verb: "import absences : h.csv", Entity: EntityMark, Key: "s1|1001", After: "{}"}), "ne peut pas être annulé"},
		{"marks a timetable import carried", append(base, AuditEntry{Action: 7, Verb: "import timetable : edt.csv", Entity: EntityMark, Key: "s2|1001", After: "{}"}), ""},
		{"carried mark changed since", append(base, AuditEntry{Action: 7, Verb: "import timetable : edt.csv", Entity: EntityMark, Key: "s2|1001", After: "{}"}, later(EntityMark, "s2|1001", "{}")), "a changé depuis"},
	}
	for _, c := range cases {
		last, rest := lastImport(c.entries)
		if len(last) == 0 || last[0].Action != 7 {
			t.Fatalf("%s: last import not found: %+v", c.name, last)
		}
		err := undoable(last, rest)
		if (c.refusal == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.refusal) {
			t.Errorf("%s: %v, want %q", c.name, err, c.refusal)
		}
	}
	if last, _ := lastImport(base); last != nil {
		t.Errorf("no import: %+v", last)
	}
}
