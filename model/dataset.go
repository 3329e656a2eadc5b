package model

import (
	"maps"
	"slices"
)

// Dataset is a whole school as plain values: what the demo generator builds,
// what a full export writes and a full import reads back.
type Dataset struct {
	School    School         `json:"school"`
	Divisions []Division     `json:"divisions"`
	Groups    []Group        `json:"groups"`
	Pupils    []Pupil        `json:"pupils"`
	Guardians []Guardian     `json:"guardians"`
	Accounts  []Account      `json:"accounts"`
	Courses   []Course       `json:"courses"`
	Motives   []Motive       `json:"motives"`
	Changes   []SeanceChange `json:"seance_changes"`
	Extras    []Seance       `json:"extra_seances"`
	Marks     []Mark         `json:"marks"`
	RollCalls []RollCall     `json:"roll_calls"`
	Notices   []Notice       `json:"notices"`
	Calls     []FamilyCall   `json:"family_calls"`
	Reports   []Report       `json:"reports"`
	// FamilyNotices are the notices to families, sent or not.
	FamilyNotices []FamilyNotice `json:"family_notices,omitempty"`
	// Templates are the school's own texts of notices and letters, by kind.
	Templates map[string]string `json:"templates,omitempty"`
	// Settings are the stored settings by key (unset ones are absent).
	Settings map[string]string `json:"settings,omitempty"`
	// The discipline: incidents, punishments, detention sessions, sanctions
	// and the lists of kinds the school changed (by list name).
	Incidents       []Incident                  `json:"incidents,omitempty"`
	Punishments     []Punishment                `json:"punishments,omitempty"`
	Detentions      []DetentionSession          `json:"detentions,omitempty"`
	Sanctions       []Sanction                  `json:"sanctions,omitempty"`
	DisciplineLists map[string][]DisciplineKind `json:"discipline_lists,omitempty"`
}

// Write puts every value of the dataset through tx, structure first.
func (d Dataset) Write(tx Tx) error {
	if err := d.School.Validate(); err != nil {
		return err
	}
	if err := d.CheckText(); err != nil {
		return err
	}
	if err := ValidateMotives(d.Motives); err != nil {
		return err
	}
	steps := []func(Tx) error{d.writeStructure, d.writeTimetable, d.writeAttendance, d.writeDiscipline}
	for _, step := range steps {
		if err := step(tx); err != nil {
			return err
		}
	}
	return nil
}

func (d Dataset) writeStructure(tx Tx) error {
	if err := tx.PutSchool(d.School); err != nil {
		return err
	}
	for _, x := range d.Divisions {
		if err := tx.PutDivision(x); err != nil {
			return err
		}
	}
	for _, x := range d.Groups {
		if err := tx.PutGroup(x); err != nil {
			return err
		}
	}
	for _, x := range d.Pupils {
		if err := tx.PutPupil(x); err != nil {
			return err
		}
	}
	for _, x := range d.Guardians {
		if err := tx.PutGuardian(x); err != nil {
			return err
		}
	}
	for _, x := range d.Accounts {
		if err := x.Validate(); err != nil {
			return err
		}
		if err := tx.PutAccount(x); err != nil {
			return err
		}
	}
	for _, x := range d.Motives {
		if err := tx.PutMotive(x); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Settings)) {
		if err := tx.PutSetting(k, d.Settings[k]); err != nil {
			return err
		}
	}
	return nil
}

func (d Dataset) writeTimetable(tx Tx) error {
	for _, x := range d.Courses {
		if err := x.Validate(); err != nil {
			return err
		}
		if err := tx.PutCourse(x); err != nil {
			return err
		}
	}
	for _, x := range d.Changes {
		if err := tx.PutSeanceChange(x); err != nil {
			return err
		}
	}
	for _, x := range d.Extras {
		if err := tx.PutExtraSeance(x); err != nil {
			return err
		}
	}
	return nil
}

func (d Dataset) writeAttendance(tx Tx) error {
	for _, x := range d.Marks {
		if err := x.Validate(); err != nil {
			return err
		}
		if err := tx.PutMark(x); err != nil {
			return err
		}
	}
	for _, x := range d.RollCalls {
		if err := tx.PutRollCall(x); err != nil {
			return err
		}
	}
	for _, x := range d.Notices {
		if err := x.Validate(); err != nil {
			return err
		}
		if err := tx.PutNotice(x); err != nil {
			return err
		}
	}
	for _, x := range d.Calls {
		if err := tx.PutCall(x); err != nil {
			return err
		}
	}
	for _, x := range d.Reports {
		if err := tx.PutReport(x); err != nil {
			return err
		}
	}
	for _, x := range d.FamilyNotices {
		if err := tx.PutFamilyNotice(x); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Templates)) {
		if err := tx.PutTemplate(k, d.Templates[k]); err != nil {
			return err
		}
	}
	return nil
}

func (d Dataset) writeDiscipline(tx Tx) error {
	for _, k := range slices.Sorted(maps.Keys(d.DisciplineLists)) {
		if err := tx.PutDisciplineList(k, d.DisciplineLists[k]); err != nil {
			return err
		}
	}
	for _, x := range d.Incidents {
		if err := tx.PutIncident(x); err != nil {
			return err
		}
	}
	for _, x := range d.Detentions {
		if err := tx.PutDetention(x); err != nil {
			return err
		}
	}
	for _, x := range d.Punishments {
		if err := tx.PutPunishment(x); err != nil {
			return err
		}
	}
	for _, x := range d.Sanctions {
		if err := tx.PutSanction(x); err != nil {
			return err
		}
	}
	return nil
}
