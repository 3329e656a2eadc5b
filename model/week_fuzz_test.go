package model_test

import (
	"testing"

	"appel/model"
)

// FuzzParseWeek: any text is read or refused, never a panic; what is read
// is written back as text that reads the same.
func FuzzParseWeek(f *testing.F) {
	for _, seed := range []string{"lundi mardi mercredi-matin jeudi vendredi", "lun,mar;sam-après-midi", "", "mer-soir", "dimanche"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		days, closed, err := model.ParseWeek(spec)
		if err != nil {
			return
		}
		text := model.WeekText(days, closed)
		again, closedAgain, err := model.ParseWeek(text)
		if err != nil || model.WeekText(again, closedAgain) != text {
			t.Fatalf("%q read as %q, which reads as %q (%v)", spec, text, model.WeekText(again, closedAgain), err)
		}
	})
}

// FuzzParseSlotLine: a slot line is read or refused, never a panic; a slot
// read is written back as a line that reads the same.
func FuzzParseSlotLine(f *testing.F) {
	for _, seed := range []string{"M1 08:00-08:55 matin", "S1 13h40–14h35", "X 8-9 soir", "", "M1 25:00-26:00"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		sl, err := model.ParseSlotLine(line)
		if err != nil {
			return
		}
		again, err := model.ParseSlotLine(model.SlotLine(sl))
		if err != nil || again != sl {
			t.Fatalf("%q read as %+v, written %q, read again as %+v (%v)", line, sl, model.SlotLine(sl), again, err)
		}
	})
}

// FuzzParsePeriodLine: a period line is read or refused, never a panic; a
// period read is written back as a line that reads the same.
func FuzzParsePeriodLine(f *testing.F) {
	for _, seed := range []string{"Trimestre 1 ; 01/09/2026 ; 04/12/2026", "S1;2026-09-01;2027-01-22", ";;", "x"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		p, err := model.ParsePeriodLine(line)
		if err != nil {
			return
		}
		again, err := model.ParsePeriodLine(model.PeriodLine(p))
		if err != nil || again != p {
			t.Fatalf("%q read as %+v, written %q, read again as %+v (%v)", line, p, model.PeriodLine(p), again, err)
		}
	})
}
