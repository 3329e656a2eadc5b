package model

import (
	"slices"
	"time"
)

// gridBuilder resolves a grid: it places the pupils' séances on the days and
// slots first (from the directory), then reads, in one transaction, only what
// these séances need, and resolves every cell once.
type gridBuilder struct {
	dir    *Directory
	pol    Policy
	now    time.Time
	loc    *time.Location
	pupils []Pupil
	days   []Date
	slots  []Slot
	// placed lists, per day, the séances attended by the pupils.
	placed [][]placement
	// What the transaction read: marks by key, notices by pupil index, roll calls done.
	marks   map[MarkKey]*Mark
	notices [][]Notice
	done    map[SeanceID]bool
	names   map[string]string
}

// placement is a séance of a day and the indexes of the pupils who attend it.
type placement struct {
	seance *Seance
	pupils []int
}

func newGridBuilder(dir *Directory, pol Policy, now time.Time, pupils []Pupil, days []Date) *gridBuilder {
	b := &gridBuilder{
		dir: dir, pol: pol, now: now, loc: dir.Location(), pupils: pupils, days: days,
		slots: slotsFor(dir.School, days), marks: map[MarkKey]*Mark{}, notices: make([][]Notice, len(pupils)),
		done: map[SeanceID]bool{}, names: map[string]string{},
	}
	audience := map[Target][]int{}
	for i, p := range pupils {
		for _, t := range p.Targets() {
			audience[t] = append(audience[t], i)
		}
	}
	b.placed = make([][]placement, len(days))
	for d, day := range days {
		seances := dir.SeancesOn(day)
		for i := range seances {
			if pl := b.attendees(&seances[i], audience); len(pl.pupils) > 0 {
				b.placed[d] = append(b.placed[d], pl)
			}
		}
	}
	return b
}

func (b *gridBuilder) attendees(s *Seance, audience map[Target][]int) placement {
	pl := placement{seance: s}
	for _, i := range audience[s.Target] {
		if b.dir.Attends(b.pupils[i], *s) {
			pl.pupils = append(pl.pupils, i)
		}
	}
	return pl
}

// read loads the marks, announced absences and roll calls of the placed séances.
func (b *gridBuilder) read(tx ReadTx) error {
	clear(b.marks)
	clear(b.done)
	if err := b.readMarks(tx); err != nil {
		return err
	}
	if err := b.readNotices(tx); err != nil {
		return err
	}
	for _, day := range b.placed {
		for _, pl := range day {
			_, ok, err := tx.RollCall(pl.seance.ID)
			if err != nil {
				return err
			}
			b.done[pl.seance.ID] = ok
		}
	}
	return nil
}

func (b *gridBuilder) readMarks(tx ReadTx) error {
	keep := func(ms []Mark) {
		for i := range ms {
			b.marks[ms[i].Key()] = &ms[i]
		}
	}
	if len(b.pupils) == 1 && len(b.days) > 0 {
		ms, err := tx.MarksOfPupil(b.pupils[0].ID, b.days[0], b.days[len(b.days)-1])
		keep(ms)
		return err
	}
	for _, day := range b.placed {
		for _, pl := range day {
			ms, err := tx.MarksOfSeance(pl.seance.ID)
			if err != nil {
				return err
			}
			keep(ms)
		}
	}
	return nil
}

func (b *gridBuilder) readNotices(tx ReadTx) error {
	index := make(map[PupilID]int, len(b.pupils))
	for i, p := range b.pupils {
		index[p.ID] = i
		b.notices[i] = nil
	}
	var ns []Notice
	var err error
	switch {
	case len(b.days) == 0:
		return nil
	case len(b.pupils) == 1:
		ns, err = tx.NoticesOfPupil(b.pupils[0].ID)
	default:
		ns, err = tx.NoticesOverlapping(b.days[0].Time(0, b.loc), b.days[len(b.days)-1].AddDays(1).Time(0, b.loc))
	}
	for _, n := range ns {
		if i, ok := index[n.Pupil]; ok {
			b.notices[i] = append(b.notices[i], n)
		}
	}
	return err
}

// resolve returns the cell the reader sees of pupil i in s.
func (b *gridBuilder) resolve(i int, s *Seance) GridCell {
	p := b.pupils[i].ID
	a := Resolve(*s, p, b.marks[MarkKey{s.ID, p}], b.notices[i], b.loc).At(b.now, b.loc)
	b.noteNames(a)
	return GridCell{Kind: b.kindOf(a), Attendance: b.pol.View(a)}
}

func (b *gridBuilder) kindOf(a Attendance) CellKind {
	switch {
	case a.Seance.Cancelled:
		return CellCancelled
	case a.Kind == KindAbsent:
		return b.absenceKind(a.Justification)
	case a.Kind != KindPresent:
		return markCells[a.Kind]
	case a.Discordant():
		return CellDiscordant
	case a.Mark != nil || b.done[a.Seance.ID]:
		return CellPresent
	case a.Seance.Date.Time(a.Seance.Start, b.loc).After(b.now):
		return CellUpcoming
	}
	return CellUnknown
}

var markCells = map[MarkKind]CellKind{
	KindLate: CellLate, KindInfirmary: CellInfirmary, KindExcluded: CellExcluded,
	KindExempt: CellExempt, KindOuting: CellOuting,
}

func (b *gridBuilder) absenceKind(j *Justification) CellKind {
	switch {
	case j == nil:
		return CellAbsent
	case !b.pol.Allows(PermSeeMotives):
		return CellAbsentJustified
	case j.Valid:
		return CellAbsentValid
	}
	return CellAbsentInvalid
}

func (b *gridBuilder) noteNames(a Attendance) {
	logins := append([]string{a.Seance.Substitute}, a.Seance.Teachers...)
	if by, _ := a.EnteredBy(); by != "" {
		logins = append(logins, by)
	}
	if a.Justification != nil {
		logins = append(logins, a.Justification.By)
	}
	for _, l := range logins {
		if _, seen := b.names[l]; !seen && l != "" {
			acc, _ := b.dir.Account(l)
			b.names[l] = acc.Name
		}
	}
}

// place puts a cell on the slots that the séance covers, unless a cell of
// more weight is there already (two séances at once: a timetable error).
func (b *gridBuilder) place(cells []GridCell, s *Seance, c GridCell) {
	for k, sl := range b.slots {
		if covers(s.Start, s.End, sl) && c.Kind >= cells[k].Kind {
			cells[k] = c
		}
	}
}

// covers reports whether a séance from start to end covers the slot: it
// overlaps half the slot or more, or starts in it. A one-hour course at
// 08:00 covers M1 (08:00–08:55) and not M2 (08:55–09:50), which it only grazes.
func covers(start, end Clock, sl Slot) bool {
	if start >= sl.Start && start < sl.End {
		return true
	}
	overlap := min(end, sl.End) - max(start, sl.Start)
	return overlap > 0 && 2*overlap >= sl.End-sl.Start
}

// dayCells fills one day's cells of every pupil: rows[i] is pupil i's slice
// for that day.
func (b *gridBuilder) dayCells(d int, rows [][]GridCell) {
	day := b.gridDay(b.days[d])
	for i := range rows {
		if day.Holiday != "" {
			for k := range rows[i] {
				rows[i][k].Kind = CellHoliday
			}
		}
	}
	for _, pl := range b.placed[d] {
		for _, i := range pl.pupils {
			b.place(rows[i], pl.seance, b.resolve(i, pl.seance))
		}
	}
}

// figures counts the grid's pupils over its days at the clock: FiguresAt on
// what the transaction read.
func (b *gridBuilder) figures() []PupilFigures {
	if len(b.days) == 0 {
		out := make([]PupilFigures, len(b.pupils))
		for i, p := range b.pupils {
			out[i] = PupilFigures{Pupil: p, At: b.now}
		}
		return out
	}
	marks := make([]Mark, 0, len(b.marks))
	for _, m := range b.marks {
		marks = append(marks, *m)
	}
	var notices []Notice
	for _, ns := range b.notices {
		notices = append(notices, ns...)
	}
	return FiguresAt(b.dir, b.pupils, b.days[0], b.days[len(b.days)-1], b.now, marks, notices)
}

func (b *gridBuilder) gridDay(d Date) GridDay {
	day := GridDay{Date: d, WeekType: b.dir.School.WeekType(d)}
	if h, ok := b.dir.School.HolidayOn(d); ok {
		day.Holiday = h.Name
	} else if !d.Within(b.dir.School.YearStart, b.dir.School.YearEnd) {
		day.Holiday = "hors année scolaire"
	}
	return day
}

func (b *gridBuilder) base() Grid {
	g := Grid{Slots: b.slots, Now: b.now, Names: b.names, SeeMotives: b.pol.Allows(PermSeeMotives)}
	g.Periods = append(slices.Clone(b.dir.School.Periods), b.dir.School.YearPeriod())
	for _, d := range b.days {
		g.Days = append(g.Days, b.gridDay(d))
	}
	if b.pol.Allows(PermJustify) {
		for _, m := range b.dir.Motives {
			if !m.Retired {
				g.Motives = append(g.Motives, m)
			}
		}
	}
	return g
}

// classGrid resolves one row per pupil, days × slots.
func (b *gridBuilder) classGrid() Grid {
	g := b.base()
	width := len(b.days) * len(b.slots)
	all := make([]GridCell, len(b.pupils)*width)
	g.Rows = make([]GridRow, len(b.pupils))
	for i, p := range b.pupils {
		g.Rows[i] = GridRow{Pupil: p, Day: -1, Cells: all[i*width : (i+1)*width : (i+1)*width]}
	}
	day := make([][]GridCell, len(b.pupils))
	for d := range b.days {
		for i := range b.pupils {
			day[i] = g.Rows[i].Cells[d*len(b.slots) : (d+1)*len(b.slots)]
		}
		b.dayCells(d, day)
	}
	for i, f := range b.figures() {
		g.Rows[i].Figures = f.Figures()
	}
	return g
}

// pupilGrid resolves one row per day of the only pupil, with each day's figures.
func (b *gridBuilder) pupilGrid() Grid {
	g := b.base()
	p := b.pupils[0]
	all := make([]GridCell, len(b.days)*len(b.slots))
	f := b.figures()[0]
	for d, day := range b.days {
		cells := all[d*len(b.slots) : (d+1)*len(b.slots) : (d+1)*len(b.slots)]
		b.dayCells(d, [][]GridCell{cells})
		g.Rows = append(g.Rows, GridRow{Pupil: p, Day: d, Cells: cells, Figures: f.Within(day, day)})
	}
	g.Totals = f.Figures()
	return g
}

// slotsFor returns the bell grid in force on the first of days (the latest
// when days is empty), the default grid when the school has none.
func slotsFor(s School, days []Date) []Slot {
	if len(days) > 0 {
		s = s.On(days[0])
	}
	if len(s.Slots) == 0 {
		return DefaultSlots()
	}
	return s.Slots
}
