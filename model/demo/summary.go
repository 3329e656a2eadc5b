package demo

import (
	"fmt"
	"strings"

	"appel/model"
)

// Summary describes a dataset in a few French lines (what `appel init
// --demo` prints): the school, its structure and the size of its history.
func Summary(d model.Dataset) string {
	var b strings.Builder
	s := d.School
	fmt.Fprintf(&b, "%s (UAI %s), zone %s, année %s\n", s.Name, s.UAI, s.Zone, s.YearLabel())
	fmt.Fprintf(&b, "%d divisions, %d groupes, %d élèves, %d responsables\n",
		len(d.Divisions), len(d.Groups), len(d.Pupils), len(d.Guardians))
	teachers := 0
	for _, a := range d.Accounts {
		if a.Has(model.RoleTeacher) {
			teachers++
		}
	}
	fmt.Fprintf(&b, "%d comptes dont %d enseignants ; %d cours par semaine, %d séances annulées\n",
		len(d.Accounts), teachers, len(d.Courses), len(d.Changes))
	fmt.Fprintf(&b, "Historique : %d appels faits, %d marques (%s)\n", len(d.RollCalls), len(d.Marks), markCounts(d.Marks))
	fmt.Fprintf(&b, "%d absences justifiées, %d absences annoncées, %d appels aux familles, %d signalements\n",
		justified(d.Marks), len(d.Notices), len(d.Calls), len(d.Reports))
	return b.String()
}

func markCounts(ms []model.Mark) string {
	count := map[model.MarkKind]int{}
	for _, m := range ms {
		count[m.Kind]++
	}
	var parts []string
	for _, k := range model.MarkKinds {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k.Export(), count[k]))
		}
	}
	if len(parts) == 0 {
		return "aucune"
	}
	return strings.Join(parts, ", ")
}

func justified(ms []model.Mark) int {
	n := 0
	for _, m := range ms {
		if m.Kind == model.KindAbsent && m.Justification != nil {
			n++
		}
	}
	return n
}
