package imports

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats/timetable"
)

// timetableInput is a parsed timetable, whatever its format.
type timetableInput struct{ t *timetable.Timetable }

func parseTimetable(src Source, school model.School) (input, error) {
	t, err := timetable.Parse(src.Name, src.Data, timetable.Options{Slots: school.Slots, Subjects: school.Subjects})
	return timetableInput{t}, err
}

func (in timetableInput) plan(e *env) *Plan {
	t := in.t
	e.p.Kind, e.p.File, e.p.Format = Timetable, t.File, t.Format.Label()
	e.notes(t.Notes)
	e.weeks(t.WeekTypes, t.WeekSets, e.slotGrid(t), e.weeksOff(t.TeachingWeeks))
	teachers := newTeacherIndex(e.dir.Accounts)
	inFile := map[string]bool{}
	running := len(e.dir.Courses) > 0 && e.today.After(e.dir.School.YearStart)
	var planned []model.Course
	for i, entry := range t.Entries {
		if c, ok := e.course(entry, teachers, running); ok {
			inFile[c.ID] = true
			planned = append(planned, c)
		}
		e.tick(i+1, len(t.Entries))
	}
	e.carry(e.endCourses(inFile), planned)
	e.gaps(planned)
	return e.p
}

// gaps notes what the timetable leaves to do: the divisions and groups
// that have no pupil yet (the roll call would be empty) and the courses
// without a teacher's account (nobody would call the roll).
func (e *env) gaps(courses []model.Course) {
	empty := map[string]bool{}
	teacherless := 0
	day := e.today
	if day.Before(e.dir.School.YearStart) {
		day = e.dir.School.YearStart
	}
	for _, c := range courses {
		if len(e.dir.MembersBetween(c.Target, day, e.dir.School.YearEnd)) == 0 {
			empty[targetWord(c.Target.Kind)+" "+c.Target.Code] = true
		}
		if len(c.Teachers) == 0 {
			teacherless++
		}
	}
	if len(empty) > 0 {
		names := sortedSet(empty)
		e.note("%d division(s) ou groupe(s) sans élève : %s ; leurs appels seront vides tant que SIECLE n'est pas importé (appel import siecle)",
			len(names), strings.Join(firstN(names, 12), ", "))
	}
	if teacherless > 0 {
		e.note("%d cours sans enseignant qui ait un compte : personne n'en fera l'appel (appel import sts, ou appel user add LOGIN --role teacher)", teacherless)
	}
}

// firstN returns the first n of names, then « … et N autres ».
func firstN(names []string, n int) []string {
	if len(names) <= n {
		return names
	}
	return append(names[:n:n], fmt.Sprintf("… et %d autres", len(names)-n))
}

// slotGrid checks the file's start times against the school's bell grid
// (UDT names slots: already checked); times that start no slot are named
// with the grid they imply, and with --slots-from-file that grid is
// returned, to replace the school's (nil: the grid stays).
func (e *env) slotGrid(t *timetable.Timetable) []model.Slot {
	if t.Format == timetable.FormatUDT || len(t.Entries) == 0 {
		return nil
	}
	courses := make([]model.Course, len(t.Entries))
	off := map[string]bool{}
	for i, en := range t.Entries {
		courses[i] = en.Course
		if _, ok := e.dir.School.SlotAt(en.Course.Start); !ok {
			off[en.Course.Start.String()] = true
		}
	}
	if len(off) == 0 {
		return nil
	}
	implied := model.ImpliedSlots(courses, e.dir.School.Settings)
	if err := model.CheckSlots(implied); err != nil {
		e.refuse(0, "heures de début absentes de la grille horaire (%s), et le fichier n'en donne pas une lisible : %s", strings.Join(sortedSet(off), ", "), err)
		return nil
	}
	if !e.slots {
		e.refuse(0, "%d heure(s) de début absente(s) de la grille horaire de l'établissement (%s) : rien n'est importé ; la grille que le fichier implique est %s : réimportez avec --slots-from-file (touche S à l'écran Imports) pour la prendre à partir d'aujourd'hui, ou réglez la grille (appel settings slots set)",
			len(off), strings.Join(sortedSet(off), ", "), slotText(implied))
		return nil
	}
	return implied
}

// weeksOff returns, for a file that lists its teaching weeks, the coming
// weeks of the school year that it leaves out and that still have school
// days: they become weeks without courses. Weeks begun or past never change.
func (e *env) weeksOff(teaching []model.Date) []model.Holiday {
	if len(teaching) == 0 {
		return nil
	}
	school := e.dir.School
	listed := map[model.Date]bool{}
	for _, m := range teaching {
		listed[m] = true
	}
	var off []model.Holiday
	for m := e.today.Monday().AddDays(7); !school.YearEnd.Before(m); m = m.AddDays(7) {
		if listed[m] || !hasSchoolDay(school, m) {
			continue
		}
		off = append(off, model.Holiday{Name: "Semaine sans cours du " + m.French() + " (emploi du temps)", From: m, To: m.AddDays(6)})
	}
	return off
}

func hasSchoolDay(s model.School, monday model.Date) bool {
	for d := 0; d < 7; d++ {
		if s.IsSchoolDay(monday.AddDays(d)) {
			return true
		}
	}
	return false
}

// slotText writes a grid for a message: « M1 08:10–09:05, M2 … ».
func slotText(slots []model.Slot) string {
	parts := make([]string, len(slots))
	for i, s := range slots {
		parts[i] = fmt.Sprintf("%s %s–%s", s.Code, s.Start, s.End)
	}
	return strings.Join(parts, ", ")
}

// weeks merges the file's week calendar into the school's: its A/B weeks
// replace the school's for the same Mondays; its named sets are added.
// slots, when not nil, replace the school's bell grid in the same write.
func (e *env) weeks(types map[model.Date]string, sets map[string][]model.Date, slots []model.Slot, off []model.Holiday) {
	if len(types) == 0 && len(sets) == 0 && slots == nil && len(off) == 0 {
		return
	}
	school := e.dir.School
	old := school
	if slots != nil {
		school = school.WithGrid(slots, e.today)
	}
	if len(off) > 0 {
		school.Holidays = append(slices.Clone(school.Holidays), off...)
		slices.SortStableFunc(school.Holidays, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
	}
	school.WeekTypes = maps.Clone(school.WeekTypes)
	if school.WeekTypes == nil {
		school.WeekTypes = map[model.Date]string{}
	}
	maps.Copy(school.WeekTypes, types)
	school.WeekSets = maps.Clone(school.WeekSets)
	if school.WeekSets == nil && len(sets) > 0 {
		school.WeekSets = map[string][]model.Date{}
	}
	maps.Copy(school.WeekSets, sets)
	it := Item{Entity: model.EntitySchool, Key: school.UAI, Name: school.Name, Action: putOrKeep(true, old, school)}
	if it.Action == Updated {
		it.Detail = fmt.Sprintf("calendrier : %d semaines A ou B, ensembles de semaines : %s",
			len(types), cmpOr(strings.Join(sortedKeys(sets), ", "), "aucun"))
		if slots != nil {
			it.Detail += " ; grille horaire du fichier : " + slotText(slots)
		}
		for _, h := range off {
			it.Detail += " ; " + h.Name
		}
	}
	e.add(it, func(tx model.Tx) error { return tx.PutSchool(school) })
}

// course plans one course; ok is false when it is skipped (unknown audience).
func (e *env) course(entry timetable.Entry, teachers teacherIndex, running bool) (model.Course, bool) {
	c := entry.Course
	it := Item{Entity: model.EntityCourse, Line: entry.Line, Name: courseName(c)}
	if !e.resolveTarget(&c, entry.TargetGuessed) {
		it.Key, it.Action = c.ID, Skipped
		it.Detail = fmt.Sprintf("%s « %s » inconnu(e) de l'établissement", targetWord(c.Target.Kind), c.Target.Code)
		e.add(it, nil)
		return c, false
	}
	it.Key = c.ID
	var c2 changes
	c.Teachers, c2 = teachers.resolve(entry.Teachers)
	old, had := e.courseByID(c.ID)
	switch {
	case had:
		c.From = old.From
	case running:
		c.From = e.today
		c2.add("à partir du %s", e.today.French())
	}
	it.Action = putOrKeep(had, old, c)
	if it.Action == Updated {
		c2 = append(courseChanges(old, c), c2...)
	}
	it.Detail = c2.String()
	e.add(it, func(tx model.Tx) error { return tx.PutCourse(c) })
	return c, true
}

// resolveTarget finds the course's audience among the school's divisions and
// groups; a guessed kind is checked against both (and the identifier follows).
func (e *env) resolveTarget(c *model.Course, guessed bool) bool {
	_, isDiv := e.dir.Division(c.Target.Code)
	_, isGroup := e.dir.Group(c.Target.Code)
	switch {
	case c.Target.Kind == model.TargetDivision && isDiv:
		return true
	case c.Target.Kind == model.TargetGroup && isGroup:
		return true
	case guessed && isGroup:
		c.Target.Kind = model.TargetGroup
		c.ID = timetable.CourseID(*c)
		return true
	}
	return false
}

func (e *env) courseByID(id string) (model.Course, bool) {
	for _, c := range e.dir.Courses {
		if c.ID == id {
			return c, true
		}
	}
	return model.Course{}, false
}

func courseChanges(a, b model.Course) changes {
	var c changes
	c.diff("matière", a.Subject, b.Subject)
	c.diff("fin", a.End.String(), b.End.String())
	c.diff("enseignants", strings.Join(a.Teachers, ", "), strings.Join(b.Teachers, ", "))
	c.diff("salle", a.Room, b.Room)
	if !a.To.IsZero() && b.To.IsZero() {
		c.add("de nouveau à l'emploi du temps")
	}
	return c
}

// endCourses plans the school's courses that the file no longer has: one
// that never took place is deleted; the others end the day before the
// import, so that their past séances and marks stay.
func (e *env) endCourses(inFile map[string]bool) (gone []model.Course) {
	yesterday := e.today.AddDays(-1)
	for _, c := range e.dir.Courses {
		if inFile[c.ID] || !c.To.IsZero() && c.To.Before(e.today) {
			continue
		}
		gone = append(gone, c)
		it := Item{Entity: model.EntityCourse, Key: c.ID, Name: courseName(c)}
		if e.dir.School.RanBefore(c, e.today) {
			ended := c
			ended.To = yesterday
			it.Action, it.Detail = Updated, "absent du fichier : terminé le "+yesterday.French()
			e.add(it, func(tx model.Tx) error { return tx.PutCourse(ended) })
			continue
		}
		id := c.ID
		it.Action, it.Detail = Deleted, "absent du fichier, n'a jamais eu lieu"
		e.add(it, func(tx model.Tx) error { return tx.DeleteCourse(id) })
	}
	return gone
}

// carry pairs each course that leaves the timetable with the one new course
// that takes its place (takesThePlace),
// and carries what is already recorded on the first's coming séances (an
// exclusion's marks, a cancellation, a substitute) to the second's.
func (e *env) carry(gone, planned []model.Course) {
	var moves []model.CourseMove
	for _, old := range gone {
		var next []model.Course
		for _, c := range planned {
			if _, had := e.courseByID(c.ID); !had && takesThePlace(c, old) {
				next = append(next, c)
			}
		}
		if len(next) == 1 {
			moves = append(moves, model.CourseMove{Before: old, After: next[0]})
		}
	}
	if len(moves) == 0 {
		return
	}
	dir, from := e.dir, e.today
	e.p.ops = append(e.p.ops, func(tx model.Tx) error { return model.CarryAhead(tx, dir, moves, from, dir.School.YearEnd) })
	e.note("%d cours changent d'horaire (%s…) : ce qui est déjà noté sur leurs séances à venir (exclusions, séances annulées, remplacements) les suit",
		len(moves), courseName(moves[0].After))
}

func courseName(c model.Course) string {
	weeks := ""
	if c.Weeks != "" {
		weeks = " sem. " + c.Weeks
	}
	return fmt.Sprintf("%s %s %s %s%s", c.Target.Code, model.FrenchWeekday(c.Weekday), c.Start, c.Subject, weeks)
}

func targetWord(k model.TargetKind) string {
	if k == model.TargetGroup {
		return "groupe"
	}
	return "division"
}

// teacherIndex resolves the teachers a timetable designates to logins.
type teacherIndex struct {
	bySTS    map[string]string
	accounts []model.Account
}

func newTeacherIndex(accounts []model.Account) teacherIndex {
	ix := teacherIndex{bySTS: map[string]string{}, accounts: accounts}
	for _, a := range accounts {
		if a.STSID != "" {
			ix.bySTS[a.STSID] = a.Login
		}
	}
	return ix
}

// resolve returns the logins of the references it finds, and says which it
// does not (those are left out of the course).
func (ix teacherIndex) resolve(refs []timetable.TeacherRef) ([]string, changes) {
	var logins []string
	var c changes
	for _, r := range refs {
		login, why := ix.find(r)
		if why != "" {
			c.add("enseignant %s %s : ignoré", r, why)
			continue
		}
		if !slices.Contains(logins, login) {
			logins = append(logins, login)
		}
	}
	return logins, c
}

func (ix teacherIndex) find(r timetable.TeacherRef) (string, string) {
	switch {
	case r.STSID != "":
		if login, ok := ix.bySTS[r.STSID]; ok {
			return login, ""
		}
		return "", "inconnu (importez d'abord STS-Web : appel import sts)"
	case r.Login != "":
		for _, a := range ix.accounts {
			if a.Login == r.Login {
				return a.Login, ""
			}
		}
		return "", "sans compte"
	}
	var found []string
	for _, a := range ix.accounts {
		if nameMatches(r, a.Name) {
			found = append(found, a.Login)
		}
	}
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		return "", "sans compte à ce nom"
	}
	return "", "ambigu (" + strings.Join(found, ", ") + ")"
}

// nameMatches reports whether a by-name reference designates the account
// whose display name is name, trying every split of it into first and last names.
func nameMatches(r timetable.TeacherRef, name string) bool {
	words := strings.Fields(name)
	for i := 0; i <= len(words); i++ {
		first, last := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		if last != "" && r.MatchesName(last, first) {
			return true
		}
	}
	return false
}

// takesThePlace reports whether course c may be old at other hours: the
// same audience, day and weeks, and the same subject or hours that overlap.
func takesThePlace(c, old model.Course) bool {
	if c.Target != old.Target || c.Weekday != old.Weekday || c.Weeks != old.Weeks {
		return false
	}
	return c.Subject != "" && strings.EqualFold(c.Subject, old.Subject) || c.Start < old.End && old.Start < c.End
}
