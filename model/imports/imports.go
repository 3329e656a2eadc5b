// Package imports reconciles the files that schools already have (SIECLE,
// STS-Web, timetables, absence histories, read by model/formats) with the
// school in the store.
//
// An import is planned first: every record the file would create, update,
// leave or skip, against the current data, with stable keys (pupils by
// ELEVE_ID, divisions and groups by code, teachers by STS-Web identifier,
// courses by timetable.CourseID, guardians by PERSONNE_ID, marks by séance and
// pupil), so that a re-import of a newer export updates in place and never
// duplicates. A plan with a refused row (or a file naming another school,
// unless forced) writes nothing. Applying a plan is one transaction: all or
// nothing.
//
// Check and Run are the entry points: they go through model.Service, which
// checks that the actor may set the school up (PermSetup, administrators).
package imports

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats"
)

// Kind names what a file holds, as the import command says it.
type Kind = formats.Kind

// The kinds of import of docs/CONTRACT.md.
const (
	Siecle       = formats.KindSiecle
	Responsables = formats.KindResponsables
	STS          = formats.KindSTS
	Timetable    = formats.KindTimetable
	Absences     = formats.KindAbsences
	Calendar     = formats.KindCalendar
)

// Kinds lists the kinds in the order menus show them.
var Kinds = []Kind{Siecle, Responsables, STS, Timetable, Calendar, Absences}

// KindLabel returns the French description of a kind of file.
func KindLabel(k Kind) string {
	switch k {
	case Siecle:
		return "élèves, divisions et groupes (SIECLE)"
	case Responsables:
		return "responsables légaux (SIECLE)"
	case STS:
		return "enseignants et services (STS-Web)"
	case Timetable:
		return "emploi du temps"
	case Absences:
		return "historique d'absences (CSV)"
	case Calendar:
		return "calendrier scolaire officiel (vacances, CSV ou JSON)"
	}
	return string(k)
}

// ParseKind reads a kind as the command line writes it.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", model.Invalid("type d'import %q inconnu (siecle, responsables, sts, timetable, calendrier, absences)", s)
}

// Source is a file to import: its name (for messages) and its bytes.
type Source struct {
	Name string
	Data []byte
}

// Options tune an import.
type Options struct {
	// Force accepts a file whose UAJ names another school, or whose year is
	// another school year.
	Force bool
	// SlotsFromFile replaces the school's bell grid by the one a timetable's
	// start times imply (EDT, emp_sts) when they match no slot of it.
	SlotsFromFile bool
	// From dates the changes of division and groups, the arrivals and the
	// departures that a SIECLE re-import records (zero: the file's date of
	// export, else today).
	From model.Date
	// Progress, when set, is told how far the import has gone.
	Progress func(Progress)
}

// Progress is a step of an import and how far it went.
type Progress struct {
	// Step is « lecture », « comparaison » or « écriture ».
	Step        string
	Done, Total int
}

// Report is what Run did.
type Report struct {
	*Plan
	// Applied is set once the plan is committed.
	Applied bool
	// Written counts the audited changes of the transaction.
	Written int
}

// Check plans the import of src and writes nothing. A refused plan is
// returned with its error (Plan.Err).
func Check(svc *model.Service, kind Kind, src Source, opt Options) (*Plan, error) {
	in, err := read(svc, kind, src, opt)
	if err != nil {
		return nil, err
	}
	var plan *Plan
	err = svc.SetupView(func(dir *model.Directory, tx model.ReadTx) error {
		plan = in.plan(newEnv(svc, dir, tx, src.Name, opt))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plan, plan.Err()
}

// Run plans the import of src and applies it in one transaction, unless a
// row is refused: then nothing is written and the plan comes back with its
// error.
func Run(svc *model.Service, kind Kind, src Source, opt Options) (*Report, error) {
	in, err := read(svc, kind, src, opt)
	if err != nil {
		return nil, err
	}
	var plan *Plan
	receipt, err := svc.SetupUpdate(fmt.Sprintf("import %s : %s", kind, src.Name), func(dir *model.Directory, tx model.Tx) error {
		plan = in.plan(newEnv(svc, dir, tx, src.Name, opt))
		if err := plan.Err(); err != nil {
			return err
		}
		return plan.apply(tx, opt.Progress)
	})
	if plan == nil {
		return nil, err
	}
	rep := &Report{Plan: plan, Applied: err == nil, Written: len(receipt.Entries)}
	return rep, err
}

// input is a parsed file, ready to be planned against the school.
type input interface {
	plan(e *env) *Plan
}

// read parses src; a file that cannot be read gives a plan with one refusal.
func read(svc *model.Service, kind Kind, src Source, opt Options) (input, error) {
	dir, err := svc.Directory()
	if err != nil {
		return nil, err
	}
	report(opt.Progress, "lecture", 0, 1)
	defer report(opt.Progress, "lecture", 1, 1)
	in, err := parse(kind, src, dir)
	if err != nil {
		var fe *formats.Error
		if errors.As(err, &fe) {
			return refused{kind: kind, r: Refusal{File: fe.File, Line: fe.Line, Column: fe.Column, Reason: fe.What}}, nil
		}
		return refused{kind: kind, r: Refusal{File: src.Name, Reason: model.UserMessage(err)}}, nil
	}
	return in, nil
}

func parse(kind Kind, src Source, dir *model.Directory) (input, error) {
	switch kind {
	case Siecle:
		return parseSiecle(src)
	case Responsables:
		return parseResponsables(src)
	case STS:
		return parseSTS(src)
	case Timetable:
		return parseTimetable(src, dir.School)
	case Absences:
		return parseAbsences(src)
	case Calendar:
		return parseCalendar(src)
	}
	_, err := ParseKind(string(kind))
	return nil, err
}

// refused is a file the parser refused.
type refused struct {
	kind Kind
	r    Refusal
}

func (f refused) plan(e *env) *Plan {
	e.p.Kind = f.kind
	e.p.File = f.r.File
	e.p.Refused = append(e.p.Refused, f.r)
	return e.p
}

func report(fn func(Progress), step string, done, total int) {
	if fn != nil {
		fn(Progress{Step: step, Done: done, Total: total})
	}
}

// apply runs the plan's writes through tx.
func (p *Plan) apply(tx model.Tx, progress func(Progress)) error {
	every := max(len(p.ops)/100, 1)
	for i, op := range p.ops {
		if err := op(tx); err != nil {
			return err
		}
		if i%every == 0 {
			report(progress, "écriture", i, len(p.ops))
		}
	}
	report(progress, "écriture", len(p.ops), len(p.ops))
	return nil
}

// env is what planners read and gather: the school as it is, the clock, who
// imports, and the plan being built.
type env struct {
	dir      *model.Directory
	tx       model.ReadTx
	today    model.Date
	now      time.Time
	login    string
	force    bool
	slots    bool
	from     model.Date
	progress func(Progress)
	p        *Plan
}

func newEnv(svc *model.Service, dir *model.Directory, tx model.ReadTx, file string, opt Options) *env {
	now := svc.Now()
	return &env{
		dir: dir, tx: tx, today: model.DateOf(now), now: now, login: svc.Actor().Login,
		force: opt.Force, slots: opt.SlotsFromFile, from: opt.From, progress: opt.Progress, p: &Plan{File: file},
	}
}
