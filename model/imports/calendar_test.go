package imports_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"appel/model"
	"appel/model/calendar"
	"appel/model/imports"
)

func calendarFile(t *testing.T, name string) imports.Source {
	t.Helper()
	data, err := os.ReadFile("../formats/schoolcal/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return imports.Source{Name: name, Data: data}
}

// TestImportCalendar: the official calendar replaces the vacations of the
// school's year and zone, keeps the jours fériés, sets the end of classes
// and the trimestres; the same file again changes nothing; a file without
// the year is refused.
func TestImportCalendar(t *testing.T) {
	for _, name := range []string{"fr-en-calendrier-scolaire.csv", "fr-en-calendrier-scolaire.json"} {
		t.Run(name, func(t *testing.T) {
			data := bare("0670001A")
			next, known, err := calendar.NextYear(data.School, "B")
			if err != nil || known {
				t.Fatalf("2027-2028 should be provisional: %v %v", known, err)
			}
			data.School = next
			f := newFixture(t, data)
			rep := f.run(t, imports.Calendar, calendarFile(t, name), imports.Options{})
			school := f.dir(t).School
			winter, ok := school.HolidayOn(model.NewDate(2028, 3, 1))
			if !ok || winter.Name != "Vacances d'hiver" || winter.From != model.NewDate(2028, 2, 19) || winter.To != model.NewDate(2028, 3, 5) {
				t.Errorf("1 March 2028: %+v %v", winter, ok)
			}
			if _, ok := school.HolidayOn(model.NewDate(2027, 11, 11)); !ok {
				t.Error("11 November is no longer a holiday")
			}
			if school.YearStart != model.NewDate(2027, 9, 1) || school.YearEnd != model.NewDate(2028, 6, 30) {
				t.Errorf("year %s → %s", school.YearStart, school.YearEnd)
			}
			if school.Periods[0].To != model.NewDate(2028, 1, 2) {
				t.Errorf("first trimestre ends %s", school.Periods[0].To)
			}
			if got := rep.Count("période", imports.Created); got != 5 {
				t.Errorf("%d periods created:\n%s", got, details(rep.Plan))
			}
			if again := f.run(t, imports.Calendar, calendarFile(t, name), imports.Options{}); again.Written != 0 {
				t.Errorf("the same file again wrote %d changes", again.Written)
			}
		})
	}
	f := newFixture(t, bare("0670001A"))
	other := imports.Source{Name: "c.csv", Data: []byte("Description;Date de début;Date de fin;Zones;annee_scolaire\nVacances de Noël;2030-12-20;2031-01-05;Zone B;2030-2031\n")}
	if _, err := imports.Run(f.svc, imports.Calendar, other, imports.Options{}); err == nil || !strings.Contains(err.Error(), "aucune période de l'année 2026-2027 pour la zone B") {
		t.Errorf("a file of another year: %v", err)
	}
}

// TestImportCalendarKeepsTheSchoolsPeriods: the ministry's calendar draws
// appel's trimestres again from its Christmas holidays, but a school's own
// periods (semestres set with appel year periods set) stay as they are.
func TestImportCalendarKeepsTheSchoolsPeriods(t *testing.T) {
	data := bare("0670001A")
	next, _, err := calendar.NextYear(data.School, "B")
	if err != nil {
		t.Fatal(err)
	}
	semestres := []model.Period{
		{Name: "Semestre 1", From: model.NewDate(2027, 9, 1), To: model.NewDate(2028, 1, 21)},
		{Name: "Semestre 2", From: model.NewDate(2028, 1, 24), To: model.NewDate(2028, 6, 30)},
	}
	next.Periods = semestres
	data.School = next
	f := newFixture(t, data)
	f.run(t, imports.Calendar, calendarFile(t, "fr-en-calendrier-scolaire.csv"), imports.Options{})
	if got := f.dir(t).School.Periods; !slices.Equal(got, semestres) {
		t.Errorf("periods after the import: %v, want the school's semestres %v", got, semestres)
	}
}
