package periods

import (
	"strings"
	"testing"

	"appel/model"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name, data string
		want       int
		err        string
	}{
		{"semestres", "nom;debut;fin\nS1;01/09/2026;24/01/2027\nS2;2027-01-25;03/07/2027\n", 2, ""},
		{"missing column", "nom;debut\nS1;01/09/2026\n", 0, "colonne « fin »"},
		{"bad date", "nom;debut;fin\nS1;31/02/2026;24/01/2027\n", 0, "ligne 2"},
	}
	for _, c := range cases {
		got, err := Parse("periodes.csv", []byte(c.data))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || len(got) != c.want {
			t.Errorf("%s: %d, %v", c.name, len(got), err)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	d := model.NewDate
	ps := []model.Period{{Name: "Semestre 1", From: d(2026, 9, 1), To: d(2027, 1, 24)}, {Name: "Semestre 2", From: d(2027, 1, 25), To: d(2027, 7, 3)}}
	back, err := Parse("p.csv", Write(ps))
	if err != nil || len(back) != 2 || back[0] != ps[0] || back[1] != ps[1] {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("nom;debut;fin\nT1;01/09/2026;30/11/2026\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Parse("f.csv", data)
		if err == nil {
			for _, p := range ps {
				if p.From.IsZero() || p.To.IsZero() {
					t.Fatalf("accepted a period without dates: %+v", p)
				}
			}
		}
	})
}
