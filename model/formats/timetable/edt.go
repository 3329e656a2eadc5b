package timetable

import (
	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// fields are the cells of an EDT or UDT row, by folded column name.
type fields map[string]string

// get returns the first non-empty value among the names.
func (f fields) get(names ...string) string {
	for _, n := range names {
		if v := f[formats.FoldName(n)]; v != "" {
			return v
		}
	}
	return ""
}

// parseEDTXML reads EDT's EXP_COURS.xml: root TABLE, one Cours element per
// row, one child element per column.
func parseEDTXML(file string, data []byte) (*Timetable, error) {
	b := newBuilder(file, FormatEDTXML)
	err := xmlin.Walk(file, data, func(string) error { return nil }, xmlin.Handlers{
		"COURS": func(n *xmlin.Node) error {
			f := fields{}
			for _, k := range n.Kids {
				f[formats.FoldName(k.Name)] = k.Text
			}
			return b.edtRow(f, n.Line)
		},
	})
	if err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// edtRow turns an EXP_COURS row into one course per class of its CLASSE list.
func (b *builder) edtRow(f fields, line int) error {
	c, ok, err := b.edtTimes(f, line)
	if err != nil || !ok {
		return err
	}
	classes := splitList(f.get("CLASSE"))
	if len(classes) == 0 {
		b.tt.Notes.Add(line, "cours sans classe ni groupe (CLASSE vide) : ignoré")
		return nil
	}
	c.Subject, c.Room = cmpOr(f.get("MAT_LIBELLE"), f.get("MAT_CODE")), f.get("SALLE")
	teachers := edtTeachers(f)
	for _, code := range classes {
		c.Target = model.Target{Kind: model.TargetDivision, Code: code}
		e := Entry{Course: c, Teachers: teachers, SubjectCode: f.get("MAT_CODE"), TargetGuessed: true, Line: line}
		if err := b.add(e); err != nil {
			return err
		}
	}
	return nil
}

// edtTimes reads the day, times and weeks of an EXP_COURS row; ok is false
// when the row is skipped (noted).
func (b *builder) edtTimes(f fields, line int) (model.Course, bool, error) {
	var c model.Course
	file := b.tt.File
	day, ok := parseDay(f.get("JOUR"))
	if !ok {
		return c, false, formats.Errorf(file, line, "jour %q illisible (lundi … samedi attendu)", formats.Excerpt(f.get("JOUR")))
	}
	start, err := model.ParseClock(f.get("H.DEBUT"))
	if err != nil {
		return c, false, formats.Errorf(file, line, "heure de début %q illisible (attendu 09h00)", formats.Excerpt(f.get("H.DEBUT")))
	}
	minutes, ok := parseDuration(f.get("DUREE"))
	if !ok {
		return c, false, formats.Errorf(file, line, "durée %q illisible (attendu 1h00)", formats.Excerpt(f.get("DUREE")))
	}
	end, ok := endOf(start, minutes)
	if !ok {
		return c, false, formats.Errorf(file, line, "cours de %s durant %d minutes : il finirait après minuit", start, minutes)
	}
	c = model.Course{Weekday: day, Start: start, End: end}
	for _, v := range []string{f.get("FREQUENCE"), f.get("ALTERNANCE", "ALT.")} {
		w, known := weekCode(v)
		if !known {
			b.tt.Notes.Add(line, "alternance %q inconnue (H, Q1 ou Q2 attendu) : cours ignoré", formats.Excerpt(v))
			return c, false, nil
		}
		if c.Weeks != "" && w != "" && w != c.Weeks {
			return c, false, formats.Errorf(file, line, "FREQUENCE et ALTERNANCE se contredisent (semaine %s et semaine %s)", c.Weeks, w)
		}
		c.Weeks = cmpOr(c.Weeks, w)
	}
	return c, true, nil
}

// edtTeachers pairs the comma-separated PROF_NOM and PROF_PRENOM lists.
func edtTeachers(f fields) []TeacherRef {
	last, first := splitList(f.get("PROF_NOM")), splitList(f.get("PROF_PRENOM"))
	var out []TeacherRef
	for i, l := range last {
		r := TeacherRef{LastName: l}
		if len(first) == len(last) {
			r.FirstName = first[i]
		}
		out = append(out, r)
	}
	return out
}
