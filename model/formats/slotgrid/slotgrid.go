// Package slotgrid reads and writes the school's bell grid as the CSV of
// `appel export all`'s creneaux.csv: code;debut;fin;demi_journee.
package slotgrid

import (
	"bytes"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// Header is the columns of the file, in order.
var Header = []string{"code", "debut", "fin", "demi_journee"}

// Parse reads the grid from data, the bytes of the file called file; the
// grid is checked whole (model.CheckSlots) before it is returned.
func Parse(file string, data []byte) ([]model.Slot, error) {
	tab, err := csvfr.Read(file, data)
	if err != nil {
		return nil, err
	}
	cols := make([]int, len(Header))
	for i, h := range Header {
		names := []string{h}
		if h == "demi_journee" {
			names = append(names, "demi-journée")
		}
		if cols[i], err = tab.Need(names...); err != nil {
			return nil, err
		}
	}
	var slots []model.Slot
	for _, r := range tab.Rows {
		sl, err := parseRow(file, r, cols)
		if err != nil {
			return nil, err
		}
		slots = append(slots, sl)
	}
	if err := model.CheckSlots(slots); err != nil {
		return nil, formats.Errorf(file, 0, "%s", err)
	}
	return slots, nil
}

func parseRow(file string, r csvfr.Row, cols []int) (model.Slot, error) {
	code := strings.TrimSpace(r.Cell(cols[0]))
	start, err1 := model.ParseClock(r.Cell(cols[1]))
	end, err2 := model.ParseClock(r.Cell(cols[2]))
	if err1 != nil || err2 != nil {
		return model.Slot{}, formats.Errorf(file, r.Line, "heure illisible (%q, %q ; HH:MM attendu)",
			formats.Excerpt(r.Cell(cols[1])), formats.Excerpt(r.Cell(cols[2])))
	}
	half, ok := model.ParseHalfDay(r.Cell(cols[3]))
	if !ok {
		return model.Slot{}, formats.Errorf(file, r.Line, "demi-journée %q inconnue (matin ou après-midi attendu)",
			formats.Excerpt(r.Cell(cols[3])))
	}
	return model.Slot{Code: code, Start: start, End: end, HalfDay: half}, nil
}

// Write returns the grid as the CSV Parse reads.
func Write(slots []model.Slot) []byte {
	var buf bytes.Buffer
	w := csvfr.NewWriter(&buf)
	_ = w.Write(Header...)
	for _, s := range slots {
		_ = w.Write(csvfr.Text(s.Code), csvfr.Clock(s.Start), csvfr.Clock(s.End), s.HalfDay.String())
	}
	_ = w.Flush()
	return buf.Bytes()
}
