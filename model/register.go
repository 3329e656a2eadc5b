package model

import (
	"slices"
	"time"
)

// Register is the registre d'appel of a division over a range (R131-5):
// every séance its pupils attended, in time order, whether the roll call was
// taken, and who was absent, late or otherwise not in class.
type Register struct {
	School   School
	Division Division
	From, To Date
	// At is the clock: séances begun by then are listed.
	At      time.Time
	Seances []RegisterSeance
	// Pupils are those enrolled in the division on at least one day of the
	// range, in registre order.
	Pupils []Pupil
	// Names maps the logins of teachers and of those who took the roll
	// calls to people's names.
	Names map[string]string
}

// Name returns the name of a login, the login when unknown.
func (r Register) Name(login string) string {
	if n, ok := r.Names[login]; ok && n != "" {
		return n
	}
	return login
}

// PupilName returns « NOM Prénom » of a pupil of the register.
func (r Register) PupilName(id PupilID) string {
	for _, p := range r.Pupils {
		if p.ID == id {
			return p.FullName()
		}
	}
	return string(id)
}

// RegisterSeance is one séance of the register.
type RegisterSeance struct {
	Seance Seance
	// RollCall is the roll call taken, nil when it was not.
	RollCall *RollCall
	// Lines are the division's pupils with something other than presence.
	Lines []Attendance
}

// Register returns the register of the division from from to to (both
// included), at the service's clock, from one read of the store: the séances
// of the division and of the groups where its pupils were that day (only its
// pupils listed), begun by the clock; a pupil counts in the division on the
// days he was in it. For the readers of statistics and exports.
func (s *Service) Register(division string, from, to Date) (Register, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Register{}, err
	}
	if err := pol.Require(PermExport); err != nil {
		return Register{}, err
	}
	d, ok := dir.Division(division)
	if !ok {
		return Register{}, NotFound("division %q inconnue", division)
	}
	if to.Before(from) {
		return Register{}, invalid("période invalide : le %s précède le %s", to.French(), from.French())
	}
	target := Target{TargetDivision, division}
	r := Register{School: dir.School, Division: d, From: from, To: to, At: s.now(), Pupils: dir.MembersBetween(target, from, to)}
	var in Recorded
	var calls []RollCall
	err = s.store.View(func(tx ReadTx) error {
		var err error
		if in, err = readRecorded(tx, dir, nil, from, to); err != nil {
			return err
		}
		calls, err = tx.RollCallsBetween(from, to)
		return err
	})
	if err != nil {
		return Register{}, err
	}
	r.build(dir, in, calls)
	if !pol.Allows(PermSeeMotives) {
		for i := range r.Seances {
			for j := range r.Seances[i].Lines {
				r.Seances[i].Lines[j] = r.Seances[i].Lines[j].Redacted()
			}
		}
	}
	return r, nil
}

// build lists the séances and their lines.
func (r *Register) build(dir *Directory, in Recorded, calls []RollCall) {
	byID := make(map[SeanceID]*RollCall, len(calls))
	for i := range calls {
		byID[calls[i].Seance] = &calls[i]
	}
	lines := map[SeanceID][]Attendance{}
	for _, f := range FiguresAt(dir, r.Pupils, r.From, r.To, r.At, in.Marks, in.Notices) {
		for _, a := range f.Records() {
			if f.Pupil.DivisionOn(a.Seance.Date) == r.Division.Code {
				lines[a.Seance.ID] = append(lines[a.Seance.ID], a)
			}
		}
	}
	r.Names = map[string]string{}
	for _, a := range dir.Accounts {
		r.Names[a.Login] = a.Name
	}
	targets := map[Target]bool{}
	for _, p := range r.Pupils {
		for _, t := range p.Targets() {
			targets[t] = true
		}
	}
	loc := dir.Location()
	for _, s := range dir.SeancesBetween(r.From, r.To) {
		if !targets[s.Target] || s.Cancelled || s.Date.Time(s.Start, loc).After(r.At) || !r.attended(dir, s) {
			continue
		}
		ls := lines[s.ID]
		slices.SortFunc(ls, func(a, b Attendance) int { return ComparePupils(r.pupil(dir, a.Pupil), r.pupil(dir, b.Pupil)) })
		r.Seances = append(r.Seances, RegisterSeance{Seance: s, RollCall: byID[s.ID], Lines: ls})
	}
}

// attended reports whether one of the division's pupils of that day is in
// the séance's audience.
func (r *Register) attended(dir *Directory, s Seance) bool {
	for _, p := range r.Pupils {
		if p.DivisionOn(s.Date) == r.Division.Code && dir.Attends(p, s) {
			return true
		}
	}
	return false
}

func (r *Register) pupil(dir *Directory, id PupilID) Pupil {
	p, _ := dir.Pupil(id)
	return p
}
