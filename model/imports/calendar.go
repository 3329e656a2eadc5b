package imports

import (
	"appel/model"
	"appel/model/calendar"
	"appel/model/formats/schoolcal"
)

// entityPeriod names a period without classes in an import's report.
const entityPeriod = "période"

func init() { feminine[entityPeriod] = true }

// calendarInput is a parsed open-data school calendar.
type calendarInput struct{ f *schoolcal.File }

func parseCalendar(src Source) (input, error) {
	f, err := schoolcal.Parse(src.Name, src.Data)
	return calendarInput{f}, err
}

// plan replaces the vacations of the school's year and zone with the file's:
// the jours fériés stay, the rentrée and the end of classes follow the file
// when it gives them, the trimestres follow the Christmas holidays, and the
// A/B weeks are drawn again while there is no timetable.
func (in calendarInput) plan(e *env) *Plan {
	s := e.dir.School
	e.p.Kind, e.p.File, e.p.Format = Calendar, in.f.Name, "calendrier scolaire (fr-en-calendrier-scolaire)"
	y := in.f.Vacations(s.YearLabel(), s.Zone)
	if len(y.Vacations) == 0 {
		e.refuse(0, "le fichier n'a aucune période de l'année %s pour la zone %s : rien n'est importé", s.YearLabel(), s.Zone)
		return e.p
	}
	next := s
	e.bound("rentrée", &next.YearStart, y.Rentree)
	e.bound("fin des cours", &next.YearEnd, y.End)
	old := map[string]model.Holiday{}
	for _, h := range s.Holidays {
		old[model.FoldAccents(h.Name)] = h
	}
	var vacations []model.Holiday
	for _, h := range y.Vacations {
		vacations = append(vacations, h)
		was, had := old[model.FoldAccents(h.Name)]
		it := Item{Entity: entityPeriod, Key: h.Name, Action: putOrKeep(had, was, h)}
		it.Detail = "du " + h.From.French() + " au " + h.To.French()
		e.add(it, nil)
	}
	next.Holidays = calendar.WithVacations(next, vacations)
	next.Periods = calendar.PeriodsAfterHolidays(next)
	if len(e.dir.Courses) == 0 {
		next.WeekTypes = calendar.WeekTypes(next)
	} else {
		e.note("l'emploi du temps est déjà importé : les semaines A et B restent celles qu'il a données")
	}
	if !same(s, next) {
		e.p.ops = append(e.p.ops, func(tx model.Tx) error { return tx.PutSchool(next) })
	}
	return e.p
}

// bound sets a bound of the year from the file, and says so when it moves.
func (e *env) bound(what string, d *model.Date, from model.Date) {
	if from.IsZero() || from == *d {
		return
	}
	e.note("%s : le %s (au lieu du %s)", what, from.French(), d.French())
	*d = from
}
