package calendar

import "appel/model"

// WeekTypes alternates A and B over the weeks of s's year that have at least
// one school day (s.IsSchoolDay), starting with A in the week of the rentrée.
// Weeks without class (holidays) get no type and do not break the
// alternation. The map is keyed by the Monday of each week.
func WeekTypes(s model.School) map[model.Date]string {
	out := map[model.Date]string{}
	if s.YearStart.IsZero() || s.YearEnd.Before(s.YearStart) {
		return out
	}
	types := [2]string{"A", "B"}
	n := 0
	for monday := s.YearStart.Monday(); !monday.After(s.YearEnd); monday = monday.AddDays(7) {
		if !hasSchoolDay(s, monday) {
			continue
		}
		out[monday] = types[n%2]
		n++
	}
	return out
}

func hasSchoolDay(s model.School, monday model.Date) bool {
	for i := range 7 {
		if s.IsSchoolDay(monday.AddDays(i)) {
			return true
		}
	}
	return false
}
