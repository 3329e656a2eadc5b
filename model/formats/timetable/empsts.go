package timetable

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// alternation is an ALTERNANCE of emp_sts: a code and its Mondays.
type alternation struct {
	code, short, long string
	mondays           []model.Date
	lines             []int // line of each Monday
	line              int
}

// rawCourse is a COURS with what its ancestors say.
type rawCourse struct {
	target  model.Target
	subject string
	teacher string
	node    *xmlin.Node
}

type empParser struct {
	b       *builder
	opt     Options
	alts    map[string]*alternation
	courses []rawCourse
}

// parseEmpSTS reads STS-Web's emp_sts export (root EDT_STS).
func parseEmpSTS(file string, data []byte, opt Options) (*Timetable, error) {
	p := &empParser{b: newBuilder(file, FormatSTS), opt: opt, alts: map[string]*alternation{}}
	err := xmlin.Walk(file, data, func(string) error { return nil }, xmlin.Handlers{
		"ALTERNANCES/ALTERNANCE":               p.alternation,
		"DONNEES/ALTERNANCES/ALTERNANCE":       p.alternation,
		"DONNEES/STRUCTURE/DIVISIONS/DIVISION": p.structure(model.TargetDivision),
		"DONNEES/STRUCTURE/GROUPES/GROUPE":     p.structure(model.TargetGroup),
	})
	if err != nil {
		return nil, err
	}
	weeks, err := p.calendar()
	if err != nil {
		return nil, err
	}
	for _, rc := range p.courses {
		if err := p.course(rc, weeks); err != nil {
			return nil, err
		}
	}
	return p.b.finish(), nil
}

func (p *empParser) alternation(n *xmlin.Node) error {
	code := n.Attr("CODE")
	if code == "" {
		p.b.tt.Notes.Add(n.Line, "alternance sans code : ignorée")
		return nil
	}
	if prev, dup := p.alts[code]; dup {
		return formats.Errorf(p.b.tt.File, n.Line, "alternance %s définie deux fois (déjà ligne %d)", code, prev.line)
	}
	a := &alternation{code: code, short: n.Value("LIBELLE_COURT"), long: n.Value("LIBELLE_LONG"), line: n.Line}
	for _, d := range n.Find("SEMAINES", "DATE_DEBUT_SEMAINE") {
		day, err := model.ParseDate(d.Text)
		if err != nil {
			return formats.Errorf(p.b.tt.File, d.Line, "alternance %s : date de semaine %q illisible (attendu AAAA-MM-JJ)", formats.Excerpt(code), formats.Excerpt(d.Text))
		}
		if day.Weekday() != time.Monday {
			p.b.tt.Notes.Add(d.Line, "alternance %s : le %s n'est pas un lundi, semaine du lundi %s retenue", code, day.French(), day.Monday().French())
		}
		a.mondays, a.lines = append(a.mondays, day.Monday()), append(a.lines, d.Line)
	}
	p.alts[code] = a
	return nil
}

// structure returns the handler of a DIVISION or GROUPE: it collects the
// courses under SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT/COURS_RATTACHES/COURS.
func (p *empParser) structure(kind model.TargetKind) func(*xmlin.Node) error {
	return func(n *xmlin.Node) error {
		code := n.Attr("CODE")
		if code == "" {
			return formats.Errorf(p.b.tt.File, n.Line, "%s sans attribut CODE", map[model.TargetKind]string{
				model.TargetDivision: "division", model.TargetGroup: "groupe"}[kind])
		}
		target := model.Target{Kind: kind, Code: code}
		for _, s := range n.Find("SERVICES", "SERVICE") {
			for _, e := range s.Find("ENSEIGNANTS", "ENSEIGNANT") {
				for _, c := range e.Find("COURS_RATTACHES", "COURS") {
					p.courses = append(p.courses, rawCourse{target, s.Attr("CODE_MATIERE"), e.Attr("ID"), c})
				}
			}
		}
		return nil
	}
}

// calendar turns the alternations into week types (A, B), named week sets,
// and the weeks value of each alternation code.
func (p *empParser) calendar() (map[string]string, error) {
	tt := p.b.tt
	weeks := map[string]string{}
	codes := make([]string, 0, len(p.alts))
	for c := range p.alts {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, code := range codes {
		a := p.alts[code]
		kind := classify(a)
		weeks[code] = kind
		switch kind {
		case "":
			if len(a.mondays) > 0 {
				tt.TeachingWeeks = slices.Compact(slices.SortedFunc(slices.Values(a.mondays), model.Date.Compare))
			}
		case "A", "B":
			if err := p.setWeekType(a, kind); err != nil {
				return nil, err
			}
		default:
			set := slices.Clone(a.mondays)
			slices.SortFunc(set, model.Date.Compare)
			if tt.WeekSets == nil {
				tt.WeekSets = map[string][]model.Date{}
			}
			tt.WeekSets[code] = slices.Compact(set)
		}
	}
	return weeks, nil
}

func (p *empParser) setWeekType(a *alternation, kind string) error {
	tt := p.b.tt
	if tt.WeekTypes == nil {
		tt.WeekTypes = map[model.Date]string{}
	}
	for i, m := range a.mondays {
		if other, ok := tt.WeekTypes[m]; ok && other != kind {
			return formats.Errorf(tt.File, a.lines[i], "la semaine du %s est à la fois en semaine %s et en semaine %s", m.French(), other, kind)
		}
		tt.WeekTypes[m] = kind
	}
	return nil
}

// classify says what an alternation is: "" every week, « A », « B », or else
// a named week set (its code).
func classify(a *alternation) string {
	for _, s := range []string{a.code, a.short} {
		if w, ok := weekCode(s); ok && s != "" {
			return w
		}
	}
	switch formats.FoldName(a.long) {
	case "toutes les semaines", "hebdomadaire":
		return ""
	case "semaines a", "semaine a", "quinzaine a":
		return "A"
	case "semaines b", "semaine b", "quinzaine b":
		return "B"
	}
	return a.code
}

// course turns a COURS into an entry.
func (p *empParser) course(rc rawCourse, weeks map[string]string) error {
	n, file := rc.node, p.b.tt.File
	day, err := strconv.Atoi(n.Value("JOUR"))
	if err != nil || day < 1 || day > 7 {
		return formats.Errorf(file, n.Line, "jour %q illisible (1 = lundi … 6 = samedi)", formats.Excerpt(n.Value("JOUR")))
	}
	start, err := model.ParseClock(n.Value("HEURE_DEBUT"))
	if err != nil {
		return formats.Errorf(file, n.Line, "heure de début %q illisible (attendu HHMM, 0830)", formats.Excerpt(n.Value("HEURE_DEBUT")))
	}
	minutes, ok := parseDuration(n.Value("DUREE"))
	if !ok {
		return formats.Errorf(file, n.Line, "durée %q illisible (attendu HHMM, 0130)", formats.Excerpt(n.Value("DUREE")))
	}
	end, ok := endOf(start, minutes)
	if !ok {
		return formats.Errorf(file, n.Line, "cours de %s durant %d minutes : il finirait après minuit", start, minutes)
	}
	w, ok := p.weeks(n, weeks)
	if !ok {
		return nil
	}
	e := Entry{Line: n.Line, SubjectCode: rc.subject, Course: model.Course{
		Weekday: time.Weekday(day % 7), Start: start, End: end, Target: rc.target, Subject: p.subject(rc.subject), Weeks: w,
	}}
	if rc.teacher != "" {
		e.Teachers = []TeacherRef{{STSID: rc.teacher}}
	}
	return p.b.add(e)
}

// weeks returns the weeks of a COURS; false skips the course (noted).
func (p *empParser) weeks(n *xmlin.Node, weeks map[string]string) (string, bool) {
	code := n.Value("CODE_ALTERNANCE")
	if w, ok := weeks[code]; ok || code == "" {
		return w, true
	}
	if w, ok := weekCode(code); ok {
		p.b.tt.Notes.Add(n.Line, "alternance %s absente du fichier : semaines %s du calendrier de l'établissement", code, cmpOr(w, "toutes"))
		weeks[code] = w
		return w, true
	}
	p.b.tt.Notes.Add(n.Line, "alternance %q inconnue : cours ignoré", formats.Excerpt(code))
	return "", false
}

func (p *empParser) subject(code string) string {
	if label := p.opt.Subjects[code]; label != "" {
		return label
	}
	return code
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
