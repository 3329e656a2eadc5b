package schoolcal_test

import (
	"os"
	"strings"
	"testing"
	gotime "time"

	"appel/model"
	"appel/model/formats/schoolcal"
)

func read(t *testing.T, name string) *schoolcal.File {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := schoolcal.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func d(y, m, day int) model.Date { return model.NewDate(y, gotime.Month(m), day) }

// TestVacations: the CSV and the JSON export give the same periods, first
// and last day off included, once per period, teachers' rows aside; the
// rentrée comes from the previous summer, the end of classes from the next.
func TestVacations(t *testing.T) {
	cases := []struct {
		year, zone   string
		rentree, end model.Date
		winter       model.Holiday
		periods      int
	}{
		{"2026-2027", "A", d(2026, 9, 1), d(2027, 7, 2), model.Holiday{Name: "Vacances d'hiver", From: d(2027, 2, 13), To: d(2027, 2, 28)}, 5},
		{"2026-2027", "C", d(2026, 9, 1), d(2027, 7, 2), model.Holiday{Name: "Vacances d'hiver", From: d(2027, 2, 6), To: d(2027, 2, 21)}, 5},
		{"2027-2028", "B", d(2027, 9, 1), d(2028, 6, 30), model.Holiday{Name: "Vacances d'hiver", From: d(2028, 2, 19), To: d(2028, 3, 5)}, 5},
	}
	for _, file := range []string{"fr-en-calendrier-scolaire.csv", "fr-en-calendrier-scolaire.json"} {
		f := read(t, file)
		for _, c := range cases {
			t.Run(file+" "+c.year+" "+c.zone, func(t *testing.T) {
				y := f.Vacations(c.year, c.zone)
				if y.Rentree != c.rentree || y.End != c.end {
					t.Errorf("rentrée %s, end %s; want %s, %s", y.Rentree, y.End, c.rentree, c.end)
				}
				if len(y.Vacations) != c.periods {
					t.Fatalf("%d periods, want %d: %+v", len(y.Vacations), c.periods, y.Vacations)
				}
				if y.Vacations[2] != c.winter {
					t.Errorf("winter %+v, want %+v", y.Vacations[2], c.winter)
				}
				if y.Vacations[0].From.Weekday() != gotime.Saturday || y.Vacations[0].To.Weekday() != gotime.Sunday {
					t.Errorf("Toussaint from a %s to a %s, want Saturday to Sunday", y.Vacations[0].From.Weekday(), y.Vacations[0].To.Weekday())
				}
			})
		}
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"no date column", "Description;Zones;annee_scolaire\nNoël;Zone A;2026-2027\n", "colonne « Date de début"},
		{"bad date", "Description;Date de début;Date de fin;Zones;annee_scolaire\nNoël;19/12;2027-01-04;Zone A;2026-2027\n", "ligne 2 : date de début"},
		{"not the calendar", `{"eleves": 3}`, ""},
		{"broken JSON", `[{"description": 3}]`, "JSON illisible"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := schoolcal.Parse("cal.csv", []byte(c.data))
			if c.want == "" {
				if err != nil || len(f.Rows) != 0 {
					t.Errorf("got %v, %+v", err, f)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// FuzzParse: no input panics, and what is read holds no control character.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"fr-en-calendrier-scolaire.csv", "fr-en-calendrier-scolaire.json"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Description;Date de début;Date de fin;Zones;annee_scolaire\nx;2026-01-01;;Zone A;2026-2027\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := schoolcal.Parse("f", data)
		if err != nil {
			return
		}
		for _, r := range file.Rows {
			if _, ok := model.CheckText(r.Description, model.Plain); !ok {
				t.Errorf("description %q", r.Description)
			}
		}
		_ = file.Vacations("2026-2027", "A")
	})
}
