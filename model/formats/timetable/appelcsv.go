package timetable

import (
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// appelColumns are the column indexes of appel's own CSV.
type appelColumns struct {
	day, start, end, division, group, subject, teacher, room, weeks int
}

// parseAppel reads appel's own CSV: jour;debut;fin;division|groupe;matiere;
// enseignant;salle;semaines. It is strict: any bad row refuses the file.
func parseAppel(tab *csvfr.Table) (*Timetable, error) {
	b := newBuilder(tab.File, FormatAppel)
	cols := appelColumns{
		day: tab.Column("jour"), start: tab.Column("debut"), end: tab.Column("fin"),
		division: tab.Column("division"), group: tab.Column("groupe"), subject: tab.Column("matiere"),
		teacher: tab.Column("enseignant"), room: tab.Column("salle"), weeks: tab.Column("semaines"),
	}
	if cols.division < 0 && cols.group < 0 {
		return nil, formats.Errorf(tab.File, tab.HeaderLine, "colonne « division » ou « groupe » absente (colonnes lues : %s)", tab.HeaderText(", "))
	}
	for _, r := range tab.Rows {
		e, err := cols.entry(tab.File, r)
		if err != nil {
			return nil, err
		}
		if err := b.add(e); err != nil {
			return nil, err
		}
	}
	return b.finish(), nil
}

func (cols appelColumns) entry(file string, r csvfr.Row) (Entry, error) {
	fail := func(format string, args ...any) (Entry, error) {
		return Entry{}, formats.Errorf(file, r.Line, format, args...)
	}
	day, ok := parseDay(r.Cell(cols.day))
	if !ok {
		return fail("jour %q illisible (lundi … samedi attendu)", formats.Excerpt(r.Cell(cols.day)))
	}
	start, err1 := model.ParseClock(r.Cell(cols.start))
	end, err2 := model.ParseClock(r.Cell(cols.end))
	if err1 != nil || err2 != nil {
		return fail("heures %q–%q illisibles (attendu HH:MM)", formats.Excerpt(r.Cell(cols.start)), formats.Excerpt(r.Cell(cols.end)))
	}
	target, err := cols.target(r)
	if err != nil {
		return fail("%v", err)
	}
	weeks, ok := appelWeeks(r.Cell(cols.weeks))
	if !ok {
		return fail("semaines %q inconnues (toutes, A ou B attendu)", formats.Excerpt(r.Cell(cols.weeks)))
	}
	e := Entry{Line: r.Line, SubjectCode: r.Cell(cols.subject), Course: model.Course{
		Weekday: day, Start: start, End: end, Target: target, Subject: r.Cell(cols.subject),
		Room: r.Cell(cols.room), Weeks: weeks,
	}}
	for _, login := range splitList(r.Cell(cols.teacher)) {
		e.Teachers = append(e.Teachers, TeacherRef{Login: login})
	}
	return e, nil
}

func (cols appelColumns) target(r csvfr.Row) (model.Target, error) {
	div, group := r.Cell(cols.division), r.Cell(cols.group)
	switch {
	case div != "" && group != "":
		return model.Target{}, model.Invalid("division %q et groupe %q : un seul des deux", formats.Excerpt(div), formats.Excerpt(group))
	case div != "":
		return model.Target{Kind: model.TargetDivision, Code: div}, nil
	case group != "":
		return model.Target{Kind: model.TargetGroup, Code: group}, nil
	}
	return model.Target{}, model.Invalid("ni division ni groupe")
}

func appelWeeks(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "toutes":
		return "", true
	case "a":
		return "A", true
	case "b":
		return "B", true
	}
	return "", false
}
