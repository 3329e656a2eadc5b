// Package timetable reads the timetables that schools already have, whatever
// tool made them, recognised by their content: STS-Web's emp_sts XML (root
// EDT_STS), EDT's EXP_COURS (XML with root TABLE, or its `;` CSV), UDT's CSV
// export, and appel's own CSV (docs/CONTRACT.md).
//
// The result is a list of model.Course values with stable identifiers (a
// re-import updates courses in place), the week calendar when the file has one
// (A/B week types, named week sets), references to teachers for the importer
// to resolve, and notes about what was skipped. A row that cannot be read is
// refused with its line; nothing is written anywhere.
package timetable

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// Format names the kind of file a timetable came from.
type Format string

// The formats Parse recognises.
const (
	FormatSTS    Format = "emp_sts"
	FormatEDTXML Format = "edt-xml"
	FormatEDTCSV Format = "edt-csv"
	FormatUDT    Format = "udt"
	FormatAppel  Format = "appel"
)

// Label returns the format's French description.
func (f Format) Label() string {
	switch f {
	case FormatSTS:
		return "emploi du temps STS-Web (emp_sts, EDT_STS)"
	case FormatEDTXML:
		return "export EDT EXP_COURS (XML)"
	case FormatEDTCSV:
		return "export EDT EXP_COURS (CSV)"
	case FormatUDT:
		return "export UDT (CSV)"
	case FormatAppel:
		return "CSV d'appel"
	}
	return string(f)
}

// TeacherRef designates a teacher the way the file does; the importer resolves
// it to an account login.
type TeacherRef struct {
	// STSID is STS-Web's INDIVIDU @ID (emp_sts).
	STSID string
	// Login is an appel login (appel's CSV).
	Login string
	// LastName and FirstName come from EDT's PROF_NOM and PROF_PRENOM.
	LastName, FirstName string
	// Name is UDT's « NOM Prénom », as written.
	Name string
}

// String returns the reference as the file wrote it, for messages.
func (r TeacherRef) String() string {
	switch {
	case r.STSID != "":
		return "ID STS " + r.STSID
	case r.Login != "":
		return r.Login
	case r.Name != "":
		return r.Name
	}
	return strings.TrimSpace(r.LastName + " " + r.FirstName)
}

// MatchesName reports whether a by-name reference designates the person
// called last, first: case, accents, hyphens and spaces ignored, names in
// either order; a reference without first name matches on the last name.
func (r TeacherRef) MatchesName(last, first string) bool {
	l, f := nameKey(last), nameKey(first)
	switch {
	case r.Name != "":
		n := nameKey(r.Name)
		return n == l+f || n == f+l || n == l
	case r.LastName != "" && r.FirstName == "":
		return nameKey(r.LastName) == l
	case r.LastName != "":
		return nameKey(r.LastName) == l && nameKey(r.FirstName) == f
	}
	return false
}

func nameKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\'' || r == '.' {
			return -1
		}
		return r
	}, model.FoldAccents(s))
}

// Entry is one course of the timetable.
type Entry struct {
	// Course has its ID, day, times, target, subject, room and weeks set;
	// Course.Teachers is left empty for the importer to fill from Teachers.
	Course   model.Course
	Teachers []TeacherRef
	// SubjectCode is the file's code for the subject, when it has one.
	SubjectCode string
	// TargetGuessed is set when the file does not say whether the code is a
	// division or a group (EDT's CLASSE): Kind is then TargetDivision and the
	// importer looks the code up among groups too (then calls CourseID again).
	TargetGuessed bool
	// Line is the line of the first row or element that gave the course.
	Line int
}

// Timetable is what a timetable file holds.
type Timetable struct {
	File    string
	Format  Format
	Entries []Entry
	// WeekTypes maps Mondays to « A » or « B », when the file's alternations say so.
	WeekTypes map[model.Date]string
	// WeekSets are the file's other alternations: code → Mondays.
	WeekSets map[string][]model.Date
	// TeachingWeeks are the Mondays of the weeks with courses, when the file
	// lists them (emp_sts's every-week alternation); nil when it does not.
	TeachingWeeks []model.Date
	Notes         formats.Notes
}

// Options are what some formats need beside the file.
type Options struct {
	// Slots is the school's daily grid: UDT gives slot labels (« M1 », « 8H »), not times.
	Slots []model.Slot
	// Subjects maps subject codes to labels (STS-Web's nomenclature); emp_sts
	// gives codes only.
	Subjects map[string]string
}

// Parse reads a timetable file, recognising its format by its content.
func Parse(file string, data []byte, opt Options) (*Timetable, error) {
	file, data, err := xmlin.Unwrap(file, data)
	if err != nil {
		return nil, err
	}
	if !xmlin.LooksLikeXML(data) {
		return parseCSV(file, data, opt)
	}
	root, err := xmlin.Root(file, data)
	if err != nil {
		return nil, err
	}
	switch strings.ToUpper(root) {
	case "EDT_STS":
		return parseEmpSTS(file, data, opt)
	case "TABLE":
		return parseEDTXML(file, data)
	}
	return nil, formats.WrongRoot(file, root, formats.KindTimetable)
}

// CourseID derives a course's identifier from what makes it that course: its
// audience, weekday, start and weeks. Teachers, room, subject and end may
// change between two imports without changing the identifier, so that the
// séances (and their marks) stay attached.
func CourseID(c model.Course) string {
	key := fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%s", c.Target.Kind, c.Target.Code, c.Weekday, c.Start.Compact(), c.Weeks)
	sum := sha256.Sum256([]byte(key))
	return "c" + hex.EncodeToString(sum[:8])
}

// builder collects entries, merging those that are the same course.
type builder struct {
	tt   *Timetable
	byID map[string]int
}

func newBuilder(file string, f Format) *builder {
	return &builder{tt: &Timetable{File: file, Format: f}, byID: map[string]int{}}
}

// add adds an entry, or merges its teachers into the same course met before;
// the same slot with another subject or end is a contradiction.
func (b *builder) add(e Entry) error {
	if e.Course.End <= e.Course.Start {
		return formats.Errorf(b.tt.File, e.Line, "cours de durée nulle ou négative (%s–%s)", e.Course.Start, e.Course.End)
	}
	e.Course.ID = CourseID(e.Course)
	i, seen := b.byID[e.Course.ID]
	if !seen {
		b.byID[e.Course.ID] = len(b.tt.Entries)
		b.tt.Entries = append(b.tt.Entries, e)
		return nil
	}
	prev := &b.tt.Entries[i]
	if prev.Course.Subject != e.Course.Subject || prev.Course.End != e.Course.End {
		return formats.Errorf(b.tt.File, e.Line, "%s le %s à %s (%s) : déjà un cours ligne %d (%s, fin %s), ici %s fin %s",
			e.Course.Target.Code, model.FrenchWeekday(e.Course.Weekday), e.Course.Start, weeksLabel(e.Course.Weeks), prev.Line,
			prev.Course.Subject, prev.Course.End, e.Course.Subject, e.Course.End)
	}
	for _, t := range e.Teachers {
		if !slices.Contains(prev.Teachers, t) {
			prev.Teachers = append(prev.Teachers, t)
		}
	}
	if prev.Course.Room == "" {
		prev.Course.Room = e.Course.Room
	}
	return nil
}

func weeksLabel(w string) string {
	if w == "" {
		return "toutes les semaines"
	}
	return "semaines " + w
}

// finish notes, when courses alternate A/B and the file gives no calendar,
// that the school's own A/B calendar applies.
func (b *builder) finish() *Timetable {
	if len(b.tt.WeekTypes) > 0 {
		return b.tt
	}
	for _, e := range b.tt.Entries {
		if e.Course.Weeks == "A" || e.Course.Weeks == "B" {
			b.tt.Notes.Add(0, "des cours n'ont lieu qu'en semaine A ou B et le fichier ne dit pas quelles semaines sont A ou B : le calendrier A/B de l'établissement s'appliquera")
			break
		}
	}
	return b.tt
}
