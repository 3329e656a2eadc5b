package model_test

import (
	"errors"
	"testing"

	"appel/model"
)

// novemberOf builds a pupil's November count: n non valable half-days, one of
// them with a non valable motive when badMotive.
func novemberOf(id model.PupilID, div string, n int, badMotive bool) model.PupilCount {
	var atts []model.Attendance
	for i := 0; i < n; i++ {
		d := model.NewDate(2026, 11, 2+i/2).String()
		half := []string{" matin", " après-midi"}[i%2]
		var j *model.Justification
		if badMotive && i == n-1 {
			j = just(reveil)
		}
		atts = append(atts, halfDays(j, d+half)...)
	}
	for i := range atts {
		atts[i].Pupil = id
	}
	return countPupil(model.Pupil{ID: id, Division: div}, atts, brute)
}

func TestMinistryTable(t *testing.T) {
	dir := testDirectory(t)
	counts := []model.PupilCount{
		novemberOf("p1", "4A", 4, false),  // aucun motif, 4–10
		novemberOf("p2", "4A", 11, true),  // motif non valable, 11+
		novemberOf("p3", "4B", 3, true),   // under the threshold
		novemberOf("p4", "3A", 10, true),  // motif non valable, 4–10
		novemberOf("p5", "4A", 12, false), // left on the 16th: enrolled in November, aucun motif, 11+
	}
	tab, err := model.NewMinistryTable(dir, counts, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]model.MinistryRow{
		"4A":              {Label: "4A", Enrolled: 3, NoMotive4To10: 1, NoMotive11Plus: 1, InvalidMotive11Plus: 1},
		"4B":              {Label: "4B", Enrolled: 1},
		"3A":              {Label: "3A", Enrolled: 1, InvalidMotive4To10: 1},
		"4e":              {Label: "4e", Enrolled: 4, NoMotive4To10: 1, NoMotive11Plus: 1, InvalidMotive11Plus: 1},
		"3e":              {Label: "3e", Enrolled: 1, InvalidMotive4To10: 1},
		model.SchoolLabel: {Label: model.SchoolLabel, Enrolled: 5, NoMotive4To10: 1, NoMotive11Plus: 1, InvalidMotive4To10: 1, InvalidMotive11Plus: 1},
	}
	rows := append(append(append([]model.MinistryRow{}, tab.Divisions...), tab.Levels...), tab.School)
	if len(rows) != len(want) {
		t.Fatalf("%d lignes, attendu %d : %+v", len(rows), len(want), rows)
	}
	for _, r := range rows {
		if r != want[r.Label] {
			t.Errorf("ligne %s = %+v\nattendu %+v", r.Label, r, want[r.Label])
		}
	}
	if tab.Divisions[0].Label != "4A" || tab.Levels[0].Label != "4e" {
		t.Errorf("ordre des lignes : %+v %+v", tab.Divisions, tab.Levels)
	}
	if got := tab.School.Rate(); got != 0.8 {
		t.Errorf("taux d'absentéisme %v, attendu 0,8", got)
	}
}

func TestMinistryTableEnrolment(t *testing.T) {
	dir := testDirectory(t)
	tab, err := model.NewMinistryTable(dir, nil, "2026-12")
	if err != nil {
		t.Fatal(err)
	}
	if tab.School.Enrolled != 4 || tab.School.Absentees() != 0 || tab.School.Rate() != 0 {
		t.Fatalf("décembre : %+v (p5 est parti en novembre)", tab.School)
	}
	if (model.MinistryRow{}).Rate() != 0 {
		t.Fatal("taux d'une ligne vide")
	}
	for _, bad := range []string{"", "2026-13", "novembre", "2026-1"} {
		if _, err := model.NewMinistryTable(dir, nil, bad); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("mois %q accepté (%v)", bad, err)
		}
	}
}
