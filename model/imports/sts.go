package imports

import (
	"maps"
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats/sts"
)

// stsInput is a parsed STS_EDT export.
type stsInput struct{ f *sts.File }

func parseSTS(src Source) (input, error) {
	f, err := sts.Parse(src.Name, src.Data)
	return stsInput{f}, err
}

func (in stsInput) plan(e *env) *Plan {
	f := in.f
	e.p.Kind, e.p.File, e.p.Format = STS, f.File, "STS-Web (STS_EDT)"
	e.checkSchool(f.UAJ)
	e.checkYear(f.Year)
	e.notes(f.Notes)
	e.teachers(f.Teachers)
	e.staff(f.Staff)
	for _, d := range f.Divisions {
		e.division(d, 0)
	}
	for _, g := range f.Groups {
		e.group(g, 0)
	}
	e.subjects(f.Subjects)
	if len(f.Services) > 0 {
		e.note("%d services lus (qui enseigne quelle matière à quelle division ou groupe) : les séances viennent de l'emploi du temps (appel import timetable)", len(f.Services))
	}
	return e.p
}

// teachers plans the accounts: a teacher known by his STS identifier keeps
// his account (name updated); an account without STS identifier that bears
// his name is adopted; the others get a new account, role teacher, with a
// login that no other account uses.
func (e *env) teachers(ts []sts.Teacher) {
	bySTS := map[string]model.Account{}
	for _, a := range e.dir.Accounts {
		if a.STSID != "" {
			bySTS[a.STSID] = a
		}
	}
	var fresh []sts.Teacher
	for i, t := range ts {
		if a, ok := bySTS[t.ID]; ok {
			delete(bySTS, t.ID)
			e.teacherAccount(t, a, true)
		} else if a, ok := e.accountNamed(t); ok {
			e.teacherAccount(t, a, false)
		} else {
			fresh = append(fresh, t)
		}
		e.tick(i+1, len(ts))
	}
	for _, id := range sortedKeys(bySTS) {
		a := bySTS[id]
		e.add(Item{Entity: model.EntityAccount, Key: a.Login, Name: a.Name, Action: Skipped,
			Detail: "identifiant STS " + id + " absent du fichier : compte laissé tel quel"}, nil)
	}
	sts.AssignLogins(fresh, func(login string) bool { _, taken := e.dir.Account(login); return taken })
	for _, t := range fresh {
		a := t.Account()
		a.STSID = t.ID
		it := Item{Entity: model.EntityAccount, Key: a.Login, Name: a.Name, Line: t.Line, Action: Created,
			Detail: "enseignant, identifiant STS " + t.ID}
		e.add(it, func(tx model.Tx) error { return tx.PutAccount(a) })
	}
}

// accountNamed finds the one account without STS identifier whose display
// name is the teacher's (case and accents ignored).
func (e *env) accountNamed(t sts.Teacher) (model.Account, bool) {
	var found []model.Account
	want := model.FoldAccents(t.DisplayName())
	for _, a := range e.dir.Accounts {
		if a.STSID == "" && model.FoldAccents(strings.TrimSpace(a.Name)) == want {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		return model.Account{}, false
	}
	return found[0], true
}

func (e *env) teacherAccount(t sts.Teacher, old model.Account, known bool) {
	a := old
	a.STSID = t.ID
	if known {
		a.Name = t.DisplayName()
	}
	a.Roles = withRole(a.Roles, model.RoleTeacher)
	it := Item{Entity: model.EntityAccount, Key: a.Login, Name: a.Name, Line: t.Line, Action: putOrKeep(true, old, a)}
	if !known {
		it.Detail = "compte existant rattaché à l'identifiant STS " + t.ID
	} else if it.Action == Updated {
		it.Detail = "nom « " + old.Name + " » → « " + a.Name + " »"
	}
	e.add(it, func(tx model.Tx) error { return tx.PutAccount(a) })
}

// subjects keeps the nomenclature's labels in the school, for timetables that
// give subject codes only.
func (e *env) subjects(subjects map[string]sts.Subject) {
	if len(subjects) == 0 {
		return
	}
	school := e.dir.School
	merged := maps.Clone(school.Subjects)
	if merged == nil {
		merged = map[string]string{}
	}
	for code, s := range subjects {
		merged[code] = s.Label()
	}
	if maps.Equal(merged, school.Subjects) {
		return
	}
	school.Subjects = merged
	it := Item{Entity: model.EntitySchool, Key: school.UAI, Name: school.Name, Action: Updated, Detail: "libellés des matières"}
	e.add(it, func(tx model.Tx) error { return tx.PutSchool(school) })
}

// withRole returns roles with r added, in the order of model.AllRoles.
func withRole(roles []model.Role, r model.Role) []model.Role {
	var out []model.Role
	for _, x := range model.AllRoles {
		if x == r || slices.Contains(roles, x) {
			out = append(out, x)
		}
	}
	return out
}

// staff lists the people without teaching (CPE, direction, surveillance)
// who have no account yet, each with the command that creates it: STS-Web
// does not say enough (their roles) for appel to create them unasked.
func (e *env) staff(people []sts.Teacher) {
	var fresh []sts.Teacher
	for _, t := range people {
		if _, ok := e.accountNamed(t); !ok {
			fresh = append(fresh, t)
		}
	}
	if len(fresh) == 0 {
		return
	}
	planned := map[string]bool{}
	for _, it := range e.p.Items {
		if it.Entity == model.EntityAccount {
			planned[it.Key] = true
		}
	}
	sts.AssignLogins(fresh, func(login string) bool {
		_, taken := e.dir.Account(login)
		return taken || planned[login]
	})
	for _, t := range fresh {
		e.note("%s (%s, sans enseignement) n'a pas de compte : appel user add %s --role %s --name %q",
			t.DisplayName(), t.Function, t.Login, sts.StaffRole(t.Function), t.DisplayName())
	}
}
