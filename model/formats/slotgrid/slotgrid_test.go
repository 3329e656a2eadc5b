package slotgrid

import (
	"strings"
	"testing"

	"appel/model"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name, data string
		want       int    // slots read
		err        string // part of the refusal
	}{
		{"school bells", "code;debut;fin;demi_journee\nM1;08:10;09:05;matin\nM2;09:05;10:00;matin\nS1;13:35;14:30;après-midi\n", 3, ""},
		{"8h forms", "code;début;fin;demi-journée\nH8;8h10;9h05;M\nH14;14h;15h;S\n", 2, ""},
		{"missing column", "code;debut;fin\nM1;08:00;09:00\n", 0, "colonne « demi_journee »"},
		{"bad hour", "code;debut;fin;demi_journee\nM1;8h7x;09:00;matin\n", 0, "ligne 2"},
		{"bad half-day", "code;debut;fin;demi_journee\nM1;08:00;09:00;nuit\n", 0, "demi-journée"},
		{"overlap", "code;debut;fin;demi_journee\nM1;08:00;09:00;matin\nM2;08:30;09:30;matin\n", 0, "se chevauchent"},
		{"twice", "code;debut;fin;demi_journee\nM1;08:00;09:00;matin\nm1;09:00;10:00;matin\n", 0, "deux fois"},
		{"end before start", "code;debut;fin;demi_journee\nM1;09:00;08:00;matin\n", 0, "avant le début"},
		{"morning after afternoon", "code;debut;fin;demi_journee\nS1;13:00;14:00;après-midi\nM9;14:00;15:00;matin\n", 0, "du matin après"},
		{"empty", "code;debut;fin;demi_journee\n", 0, "vide"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse("creneaux.csv", []byte(c.data))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want it to name %q", err, c.err)
				}
				return
			}
			if err != nil || len(got) != c.want {
				t.Fatalf("got %d slots, %v; want %d", len(got), err, c.want)
			}
		})
	}
}

func TestWriteParseRoundTrip(t *testing.T) {
	back, err := Parse("creneaux.csv", Write(model.DefaultSlots()))
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultSlots()
	if len(back) != len(want) {
		t.Fatalf("%d slots back, want %d", len(back), len(want))
	}
	for i := range want {
		if back[i] != want[i] {
			t.Errorf("slot %d: %+v, want %+v", i, back[i], want[i])
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(Write(model.DefaultSlots()))
	f.Add([]byte("code;debut;fin;demi_journee\nM1;8h;9h;m\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		slots, err := Parse("f.csv", data)
		if err == nil {
			if cerr := model.CheckSlots(slots); cerr != nil {
				t.Fatalf("accepted a grid CheckSlots refuses: %v", cerr)
			}
		}
	})
}
