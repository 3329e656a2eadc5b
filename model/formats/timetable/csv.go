package timetable

import (
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// parseCSV recognises a CSV timetable by its header: EDT (H.DEBUT), UDT
// (Heure, Div) or appel's own (jour, debut, fin).
func parseCSV(file string, data []byte, opt Options) (*Timetable, error) {
	tab, err := csvfr.Read(file, data)
	if err != nil {
		return nil, err
	}
	has := func(name string) bool { return tab.Column(name) >= 0 }
	switch {
	case has("H.DEBUT"):
		return parseRows(tab, FormatEDTCSV, func(b *builder, f fields, line int) error { return b.edtRow(f, line) })
	case has("Heure") && has("Div"):
		return parseRows(tab, FormatUDT, func(b *builder, f fields, line int) error { return b.udtRow(f, line, opt.Slots) })
	case has("jour") && has("debut") && has("fin"):
		return parseAppel(tab)
	}
	return nil, formats.Errorf(file, tab.HeaderLine, "colonnes %s non reconnues : attendu le CSV d'appel "+
		"(jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines), l'export EDT (JOUR, H.DEBUT, DUREE…) "+
		"ou l'export UDT (Jour;Heure;Div;Matière;Professeur…)", tab.HeaderText(";"))
}

// parseRows hands every row of tab, as fields, to row.
func parseRows(tab *csvfr.Table, f Format, row func(*builder, fields, int) error) (*Timetable, error) {
	b := newBuilder(tab.File, f)
	names := make([]string, len(tab.Header))
	for i, h := range tab.Header {
		names[i] = formats.FoldName(h)
	}
	for _, r := range tab.Rows {
		fs := fields{}
		for i, n := range names {
			if _, dup := fs[n]; !dup {
				fs[n] = r.Cell(i)
			}
		}
		if err := row(b, fs, r.Line); err != nil {
			return nil, err
		}
	}
	return b.finish(), nil
}

// udtRow reads a row of UDT's export: the slot label gives start and end.
func (b *builder) udtRow(f fields, line int, slots []model.Slot) error {
	file := b.tt.File
	day, ok := parseDay(f.get("Jour"))
	if !ok {
		return formats.Errorf(file, line, "jour %q illisible (lundi … samedi attendu)", formats.Excerpt(f.get("Jour")))
	}
	slot, ok := findSlot(slots, f.get("Heure"))
	if !ok {
		return formats.Errorf(file, line, "créneau %q absent de la grille horaire de l'établissement (%s)%s", formats.Excerpt(f.get("Heure")), slotList(slots), udtSlotHint(slots, f.get("Heure")))
	}
	weeks, ok := weekCode(f.get("Freq"))
	if !ok {
		b.tt.Notes.Add(line, "fréquence %q inconnue (H, Q1 ou Q2 attendu) : cours ignoré", formats.Excerpt(f.get("Freq")))
		return nil
	}
	target := model.Target{Kind: model.TargetGroup, Code: cmpOr(f.get("Regroup"), f.get("Groupe"))}
	if target.Code == "" {
		target = model.Target{Kind: model.TargetDivision, Code: f.get("Div")}
	}
	if target.Code == "" {
		b.tt.Notes.Add(line, "cours sans division ni groupe : ignoré")
		return nil
	}
	e := Entry{Line: line, SubjectCode: f.get("Matière"), Course: model.Course{
		Weekday: day, Start: slot.Start, End: slot.End, Target: target, Subject: f.get("Matière"),
		Room: f.get("Salle"), Weeks: weeks,
	}}
	if name := f.get("Professeur"); name != "" {
		e.Teachers = []TeacherRef{{Name: name}}
	}
	return b.add(e)
}

// findSlot finds a slot by its code (« M1 »), or by its start (« 8H »).
func findSlot(slots []model.Slot, label string) (model.Slot, bool) {
	label = strings.TrimSpace(label)
	for _, s := range slots {
		if strings.EqualFold(s.Code, label) {
			return s, true
		}
	}
	c, err := model.ParseClock(label)
	if err != nil || label == "" {
		return model.Slot{}, false
	}
	for _, s := range slots {
		if s.Start == c {
			return s, true
		}
	}
	if !bareHour(label) {
		return model.Slot{}, false
	}
	// « 8H » is the slot that begins in that hour (08:10 in a school whose
	// bells ring at 08:10), when only one does.
	var found []model.Slot
	for _, s := range slots {
		if s.Start/60 == c/60 {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return model.Slot{}, false
}

// bareHour reports whether label gives an hour without minutes: 8H, 14h, 08.
func bareHour(label string) bool {
	l := strings.TrimSuffix(strings.ToLower(label), "h")
	if l == "" || len(l) > 2 {
		return false
	}
	for _, r := range l {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// udtSlotHint says what to do with a UDT slot label that names no slot:
// choose between the slots that begin in that hour, or set the grid first,
// as UDT gives no end time from which to imply one (--slots-from-file).
func udtSlotHint(slots []model.Slot, label string) string {
	label = strings.TrimSpace(label)
	c, err := model.ParseClock(label)
	if err == nil && bareHour(label) {
		var same []string
		for _, s := range slots {
			if s.Start/60 == c/60 {
				same = append(same, s.Code)
			}
		}
		if len(same) > 1 {
			return " : plusieurs créneaux commencent dans cette heure (" + strings.Join(same, ", ") + "), écrivez leur code dans le fichier"
		}
	}
	return " : UDT ne donne pas l'heure de fin des cours, réglez d'abord la grille (appel settings slots set, ou c sur le panneau Établissement) puis réimportez"
}

func slotList(slots []model.Slot) string {
	if len(slots) == 0 {
		return "aucune grille fournie"
	}
	parts := make([]string, len(slots))
	for i, s := range slots {
		parts[i] = s.Code + " " + s.Start.String()
	}
	return "créneaux : " + strings.Join(parts, ", ")
}
