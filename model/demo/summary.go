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
	fmt.Fprintf(&b, "%s dont %s ; %s par semaine, %s\n", count(len(d.Accounts), "compte", "comptes"),
		count(teachers, "enseignant", "enseignants"), count(len(d.Courses), "cours", "cours"),
		count(len(d.Changes), "séance annulée", "séances annulées"))
	fmt.Fprintf(&b, "Historique : %s, %s (%s)\n", count(len(d.RollCalls), "appel fait", "appels faits"),
		count(len(d.Marks), "marque", "marques"), markCounts(d.Marks))
	fmt.Fprintf(&b, "%s, %s, %s, %s\n", count(justified(d.Marks), "absence justifiée", "absences justifiées"),
		count(len(d.Notices), "absence annoncée", "absences annoncées"),
		count(len(d.Calls), "appel aux familles", "appels aux familles"),
		count(len(d.Reports), "signalement", "signalements"))
	return b.String()
}

// count writes n with the singular (0 and 1, as in French) or the plural.
func count(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
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
