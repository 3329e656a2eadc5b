package model_test

import (
	"slices"
	"testing"
	"time"

	"appel/model"
)

// rcDirectory is a tiny school: two divisions, a cross-class group, courses
// every week, in week A, in week B, and a holiday week.
func rcDirectory(t *testing.T) *model.Directory {
	t.Helper()
	d := model.NewDate
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	school := model.School{
		UAI: "0670001A", Name: "Collège test", TimeZone: "Europe/Paris",
		YearStart: d(2026, 9, 1), YearEnd: d(2027, 7, 3),
		Holidays: []model.Holiday{{Name: "Toussaint", From: d(2026, 10, 17), To: d(2026, 11, 1)}, {Name: "Armistice", From: d(2026, 11, 11), To: d(2026, 11, 11)}},
		Slots:    model.DefaultSlots(),
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		WeekTypes: map[model.Date]string{
			d(2026, 11, 2): "A", d(2026, 11, 9): "B", d(2026, 11, 16): "A", d(2026, 11, 23): "B",
		},
		WeekSets: map[string][]model.Date{"S1": {d(2026, 11, 16)}},
		Settings: model.DefaultSettings(),
	}
	div := func(c string) model.Target { return model.Target{Kind: model.TargetDivision, Code: c} }
	grp := func(c string) model.Target { return model.Target{Kind: model.TargetGroup, Code: c} }
	courses := []model.Course{
		{ID: "c-maths", Weekday: time.Monday, Start: at(8, 0), End: at(8, 55), Target: div("4B"), Teachers: []string{"prof"}, Subject: "Mathématiques", Room: "104"},
		{ID: "c-esp", Weekday: time.Monday, Start: at(10, 5), End: at(11, 0), Target: grp("ESP 4AB"), Teachers: []string{"prof2"}, Subject: "Espagnol"},
		{ID: "c-svt-a", Weekday: time.Monday, Start: at(13, 30), End: at(14, 25), Target: div("4B"), Teachers: []string{"prof"}, Subject: "SVT", Weeks: "A"},
		{ID: "c-svt-b", Weekday: time.Monday, Start: at(13, 30), End: at(14, 25), Target: div("4A"), Teachers: []string{"prof"}, Subject: "SVT", Weeks: "B"},
		{ID: "c-odd", Weekday: time.Monday, Start: at(12, 15), End: at(13, 15), Target: div("4A"), Teachers: []string{"prof2"}, Subject: "Chorale", Weeks: "S1"},
		{ID: "c-wed", Weekday: time.Wednesday, Start: at(8, 0), End: at(8, 55), Target: div("4B"), Teachers: []string{"prof"}, Subject: "Mathématiques"},
	}
	pupils := []model.Pupil{
		{ID: "1", LastName: "Zola", FirstName: "Émile", Division: "4B", Groups: []string{"ESP 4AB"}},
		{ID: "2", LastName: "Ábel", FirstName: "Léa", Division: "4B"},
		{ID: "3", LastName: "Martin", FirstName: "Noé", Division: "4A", Groups: []string{"ESP 4AB"}},
		{ID: "4", LastName: "Durand", FirstName: "Zoë", Division: "4B", Left: d(2026, 11, 20)},
	}
	accounts := []model.Account{
		{Login: "prof", Name: "M. Prof", Roles: []model.Role{model.RoleTeacher}},
		{Login: "prof2", Name: "Mme Deux", Roles: []model.Role{model.RoleTeacher}},
		{Login: "cpe", Name: "Mme CPE", Roles: []model.Role{model.RoleCPE}},
		{Login: "aed", Name: "M. AED", Roles: []model.Role{model.RoleAED}},
		{Login: "direction", Name: "Mme la Principale", Roles: []model.Role{model.RoleDirection}},
		{Login: "admin", Name: "Admin", Roles: []model.Role{model.RoleAdmin}},
	}
	return model.NewDirectory(model.Directory{
		School: school, Courses: courses, Pupils: pupils, Accounts: accounts,
		Divisions: []model.Division{{Code: "4A"}, {Code: "4B"}},
		Groups:    []model.Group{{Code: "ESP 4AB", Divisions: []string{"4A", "4B"}}},
		Motives:   model.DefaultMotives(),
		Changes:   []model.SeanceChange{{Seance: "20261123-1005-c-esp", Cancelled: true}},
		Extras: []model.Seance{{ID: "20261124-1600-x1", Date: d(2026, 11, 24), Start: at(16, 0), End: at(17, 0),
			Target: div("4B"), Teachers: []string{"prof2"}, Subject: "Soutien", Extra: true}},
	})
}

func seanceIDs(ss []model.Seance) []string {
	var out []string
	for _, s := range ss {
		out = append(out, string(s.ID))
	}
	return out
}

func TestSeancesOn(t *testing.T) {
	dir := rcDirectory(t)
	d := model.NewDate
	tests := []struct {
		name string
		day  model.Date
		want []string
	}{
		{"week B monday", d(2026, 11, 23), []string{"20261123-0800-c-maths", "20261123-1005-c-esp", "20261123-1330-c-svt-b"}},
		{"week A monday, named set", d(2026, 11, 16), []string{"20261116-0800-c-maths", "20261116-1005-c-esp", "20261116-1215-c-odd", "20261116-1330-c-svt-a"}},
		{"holiday", d(2026, 10, 26), nil},
		{"bank holiday wednesday", d(2026, 11, 11), nil},
		{"ordinary wednesday", d(2026, 11, 25), []string{"20261125-0800-c-wed"}},
		{"extra séance", d(2026, 11, 24), []string{"20261124-1600-x1"}},
		{"saturday", d(2026, 11, 28), nil},
		{"before the year", d(2026, 8, 31), nil},
		{"no week type: A/B courses skipped", d(2026, 11, 30), []string{"20261130-0800-c-maths", "20261130-1005-c-esp"}},
	}
	for _, tt := range tests {
		if got := seanceIDs(dir.SeancesOn(tt.day)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSeanceDetails(t *testing.T) {
	dir := rcDirectory(t)
	esp, ok := dir.Seance("20261123-1005-c-esp")
	if !ok || !esp.Cancelled {
		t.Fatalf("cancelled séance: %+v %v", esp, ok)
	}
	odd, _ := dir.Seance("20261116-1215-c-odd")
	if odd.HalfDay != model.Afternoon {
		t.Errorf("12:15 with no slot should be afternoon by the midday boundary")
	}
	maths, _ := dir.Seance("20261123-0800-c-maths")
	if maths.HalfDay != model.Morning || maths.Minutes() != 55 {
		t.Errorf("maths: %+v", maths)
	}
	if _, ok := dir.Seance("20261123-0900-nope"); ok {
		t.Errorf("unknown séance found")
	}
}

func TestMembersAndAttends(t *testing.T) {
	dir := rcDirectory(t)
	d := model.NewDate
	names := func(ps []model.Pupil) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.FirstName)
		}
		return out
	}
	div4B := model.Target{Kind: model.TargetDivision, Code: "4B"}
	if got := names(dir.Members(div4B, d(2026, 11, 19))); !slices.Equal(got, []string{"Léa", "Zoë", "Émile"}) {
		t.Errorf("4B before Zoë left: %v (registre order ignores accents)", got)
	}
	if got := names(dir.Members(div4B, d(2026, 11, 23))); !slices.Equal(got, []string{"Léa", "Émile"}) {
		t.Errorf("4B after Zoë left: %v", got)
	}
	if got := names(dir.Members(model.Target{Kind: model.TargetGroup, Code: "ESP 4AB"}, d(2026, 11, 23))); !slices.Equal(got, []string{"Noé", "Émile"}) {
		t.Errorf("cross-class group: %v", got)
	}
	noe, _ := dir.Pupil("3")
	if got := seanceIDs(dir.PupilSeances(noe, d(2026, 11, 23), d(2026, 11, 23))); !slices.Equal(got, []string{"20261123-1005-c-esp", "20261123-1330-c-svt-b"}) {
		t.Errorf("Noé's monday: %v", got)
	}
}

func TestTeacherSeances(t *testing.T) {
	dir := rcDirectory(t)
	got := seanceIDs(dir.TeacherSeances("prof", model.NewDate(2026, 11, 23)))
	if !slices.Equal(got, []string{"20261123-0800-c-maths", "20261123-1330-c-svt-b"}) {
		t.Errorf("prof's day: %v", got)
	}
}

func TestFindPupils(t *testing.T) {
	dir := rcDirectory(t)
	tests := []struct {
		q    string
		want []model.PupilID
	}{
		{"ab", []model.PupilID{"2"}},
		{"emile", []model.PupilID{"1"}},
		{"zo", []model.PupilID{"1", "4"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []model.PupilID
		for _, p := range dir.FindPupils(tt.q, 10) {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindPupils(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
