package model

import (
	"slices"
	"time"
)

// PupilFile is a pupil's fiche élève as the reader may see it: identity,
// division and groups, his timetable of a week, his absences and counts over
// a period, and, for the vie scolaire and the direction, his guardians and
// the calls to his family.
type PupilFile struct {
	Pupil    Pupil
	Division Division
	Groups   []Group
	// Period is the counted range; Periods those the reader may choose from
	// (the school's, then the whole year).
	Period  Period
	Periods []Period
	// Figures are the counts of the period at the clock (FiguresAt); History
	// its half-days with something recorded, in time order (motives hidden
	// unless SeeMotives).
	Figures Figures
	History []HalfDayLine
	// Week is the timetable's week (its days, holidays marked) and Timetable
	// the pupil's séances in it, in time order.
	Week      []GridDay
	Slots     []Slot
	Timetable []Seance
	// CourseWeeks gives the weeks (A, B, a named set) of the timetable's
	// courses that are not given every week.
	CourseWeeks map[string]string
	// Guardians, Calls and Notices (to the family, newest first) are filled
	// only when Contacts is set.
	Guardians []Guardian
	Calls     []FamilyCall
	Notices   []FamilyNotice
	// Contacts: the reader may see guardians and calls; CanCall: log a
	// call; CanEditFamily: change a guardian's contacts.
	Contacts      bool
	CanCall       bool
	CanEditFamily bool
	SeeMotives    bool
	// Names maps the logins that the file mentions to people's names.
	Names map[string]string
}

// Name returns the name of login, or the login when unknown.
func (f *PupilFile) Name(login string) string {
	if n, ok := f.Names[login]; ok && n != "" {
		return n
	}
	return login
}

// YearPeriod returns the whole school year as a period.
func (s School) YearPeriod() Period {
	return Period{Name: "année " + s.YearLabel(), From: s.YearStart, To: s.YearEnd}
}

// PupilFile returns a pupil's file, counting over period (zero: the period
// of today, else the whole year) and showing the timetable of week's week.
func (s *Service) PupilFile(id PupilID, period Period, week Date) (PupilFile, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return PupilFile{}, err
	}
	p, ok := dir.Pupil(id)
	if !ok {
		return PupilFile{}, NotFound("élève %s introuvable", id)
	}
	if !pol.CanReadPupil(dir, p) {
		return PupilFile{}, Forbidden("cet élève n'est pas dans vos classes")
	}
	today := s.todayIn(dir.Location())
	f := PupilFile{
		Pupil: p, Periods: append(slices.Clone(dir.School.Periods), dir.School.YearPeriod()),
		Contacts: pol.Allows(PermContacts), CanCall: pol.Allows(PermLogCall), CanEditFamily: pol.Allows(PermFamilies),
		SeeMotives: pol.Allows(PermSeeMotives), Names: map[string]string{},
	}
	f.Period = period
	if f.Period.From.IsZero() {
		f.Period = defaultPeriod(dir.School, today)
	}
	f.identity(dir)
	f.timetable(dir, week)
	err = s.store.View(func(tx ReadTx) error { return f.read(tx, dir, s.now()) })
	f.noteNames(dir)
	return f, err
}

func defaultPeriod(s School, today Date) Period {
	if p, ok := s.PeriodOf(today); ok {
		return p
	}
	return s.YearPeriod()
}

func (f *PupilFile) identity(dir *Directory) {
	f.Division, _ = dir.Division(f.Pupil.Division)
	if f.Division.Code == "" {
		f.Division.Code = f.Pupil.Division
	}
	for _, code := range f.Pupil.Groups {
		g, ok := dir.Group(code)
		if !ok {
			g = Group{Code: code}
		}
		f.Groups = append(f.Groups, g)
	}
}

func (f *PupilFile) timetable(dir *Directory, week Date) {
	monday := week.Monday()
	f.Slots = slotsFor(dir.School, []Date{monday})
	b := gridBuilder{dir: dir}
	for _, d := range weekDays(dir.School, monday) {
		f.Week = append(f.Week, b.gridDay(d))
	}
	f.Timetable = dir.PupilSeances(f.Pupil, monday, monday.AddDays(6))
	f.CourseWeeks = map[string]string{}
	ids := map[string]bool{}
	for _, se := range f.Timetable {
		ids[se.Course] = true
	}
	for _, c := range dir.Courses {
		if ids[c.ID] && c.Weeks != "" {
			f.CourseWeeks[c.ID] = c.Weeks
		}
	}
}

// read counts the period at the clock (FiguresAt) and loads the contacts.
func (f *PupilFile) read(tx ReadTx, dir *Directory, now time.Time) error {
	if !f.Period.To.Before(f.Period.From) {
		fig, err := pupilFiguresIn(tx, dir, f.Pupil, f.Period.From, f.Period.To, now)
		if err != nil {
			return err
		}
		if !f.SeeMotives {
			fig = fig.Redacted()
		}
		f.Figures, f.History = fig.Figures(), fig.Explanation.HalfDays
	}
	if !f.Contacts {
		return nil
	}
	var err error
	if f.Guardians, err = tx.Guardians(f.Pupil.ID); err != nil {
		return err
	}
	if f.Calls, err = tx.Calls(f.Pupil.ID); err != nil {
		return err
	}
	all, err := tx.AllFamilyNotices()
	for i := len(all) - 1; i >= 0; i-- {
		if slices.Contains(all[i].Pupils, f.Pupil.ID) {
			f.Notices = append(f.Notices, all[i])
		}
	}
	return err
}

func (f *PupilFile) noteNames(dir *Directory) {
	add := func(login string) {
		if _, seen := f.Names[login]; !seen && login != "" {
			acc, _ := dir.Account(login)
			f.Names[login] = acc.Name
		}
	}
	for _, s := range f.Timetable {
		for _, t := range s.Teachers {
			add(t)
		}
		add(s.Substitute)
	}
	for _, h := range f.History {
		for _, l := range h.Seances {
			by, _ := l.Attendance.EnteredBy()
			add(by)
		}
	}
	for _, c := range f.Calls {
		add(c.By)
	}
}

// FindPupils returns the pupils whose name matches query (see
// Directory.FindPupils) and whose file the actor may read, at most limit.
func (s *Service) FindPupils(query string, limit int) ([]Pupil, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	var out []Pupil
	for _, p := range dir.FindPupils(query, 0) {
		if limit > 0 && len(out) == limit {
			break
		}
		if pol.CanReadPupil(dir, p) {
			out = append(out, p)
		}
	}
	return out, nil
}
