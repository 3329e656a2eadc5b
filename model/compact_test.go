package model_test

import (
	"fmt"
	"testing"
	"time"

	"appel/model"
)

// The fast Compact forms must stay those of fmt, which séance identifiers
// already stored were built with.
func TestCompactMatchesFmt(t *testing.T) {
	dates := []model.Date{{}, {Year: -1, Month: 1, Day: 1}, {Year: 12345, Month: 1, Day: 1}, {Year: 2026, Month: 13, Day: 100}}
	for d := model.NewDate(1999, time.December, 25); d.Year < 2031; d = d.AddDays(17) {
		dates = append(dates, d)
	}
	for _, d := range dates {
		if want := fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day); d.Compact() != want {
			t.Errorf("%+v : %q, attendu %q", d, d.Compact(), want)
		}
	}
	for _, c := range []model.Clock{-61, -1, 0, 1, 59, 60, 485, 1439, 1440, 6000, 99*60 + 59, 100 * 60} {
		if want := fmt.Sprintf("%02d%02d", int(c)/60, int(c)%60); c.Compact() != want {
			t.Errorf("%d : %q, attendu %q", c, c.Compact(), want)
		}
	}
}
