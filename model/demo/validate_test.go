package demo

import (
	"regexp"
	"slices"
	"testing"

	"appel/model"
)

func TestStructureReferences(t *testing.T) {
	d := reference(t)
	if err := d.School.Validate(); err != nil {
		t.Fatalf("school: %v", err)
	}
	if err := model.ValidateMotives(d.Motives); err != nil {
		t.Fatalf("motives: %v", err)
	}
	divs := codes(d.Divisions, func(x model.Division) string { return x.Code })
	groups := map[string]model.Group{}
	for _, g := range d.Groups {
		if _, dup := groups[g.Code]; dup {
			t.Errorf("group %s twice", g.Code)
		}
		groups[g.Code] = g
		for _, div := range g.Divisions {
			if !divs[div] {
				t.Errorf("group %s: unknown division %s", g.Code, div)
			}
		}
	}
	if len(divs) != 24 || len(d.Pupils) < 570 || len(d.Pupils) > 630 {
		t.Errorf("%d divisions, %d pupils", len(divs), len(d.Pupils))
	}
	checkPupils(t, d, divs, groups)
	checkGuardians(t, d)
}

func codes[T any](xs []T, code func(T) string) map[string]bool {
	out := map[string]bool{}
	for _, x := range xs {
		out[code(x)] = true
	}
	return out
}

var (
	ineRe     = regexp.MustCompile(`^[0-9]{10}[A-Z]$`)
	eleveIDRe = regexp.MustCompile(`^[0-9]{7}$`)
	phoneRe   = regexp.MustCompile(`^0[1-9]( [0-9]{2}){4}$`)
)

func checkPupils(t *testing.T, d model.Dataset, divs map[string]bool, groups map[string]model.Group) {
	ids, ines := map[model.PupilID]bool{}, map[string]bool{}
	for _, p := range d.Pupils {
		switch {
		case ids[p.ID] || ines[p.INE]:
			t.Errorf("pupil %s / INE %s twice", p.ID, p.INE)
		case !ineRe.MatchString(p.INE) || !eleveIDRe.MatchString(string(p.ID)):
			t.Errorf("pupil %s: bad INE %q or ELEVE_ID", p.ID, p.INE)
		case !divs[p.Division] || p.LastName == "" || p.FirstName == "":
			t.Errorf("pupil %s: division %q, name %q %q", p.ID, p.Division, p.LastName, p.FirstName)
		}
		ids[p.ID], ines[p.INE] = true, true
		age := d.School.YearStart.Year - p.BirthDate.Year
		if want := 11 + int('6'-p.Division[0]); age != want && age != want+1 {
			t.Errorf("pupil %s in %s born %s", p.ID, p.Division, p.BirthDate)
		}
		for _, g := range p.Groups {
			if !slices.Contains(groups[g].Divisions, p.Division) {
				t.Errorf("pupil %s of %s in group %s (%v)", p.ID, p.Division, g, groups[g].Divisions)
			}
		}
	}
}

func checkGuardians(t *testing.T, d model.Dataset) {
	count := map[model.PupilID]int{}
	for _, g := range d.Guardians {
		if g.LastName == "" || !phoneRe.MatchString(g.Phone) || len(g.Address) < 2 || len(g.Links) == 0 {
			t.Errorf("guardian %s: %+v", g.ID, g)
		}
		for _, l := range g.Links {
			count[l.Pupil]++
		}
	}
	for _, p := range d.Pupils {
		if n := count[p.ID]; n < 1 || n > 2 {
			t.Errorf("pupil %s has %d guardians", p.ID, n)
		}
	}
}

func TestAccounts(t *testing.T) {
	d := reference(t)
	byLogin := map[string]model.Account{}
	for _, a := range d.Accounts {
		if err := a.Validate(); err != nil {
			t.Errorf("account %s: %v", a.Login, err)
		}
		if _, dup := byLogin[a.Login]; dup {
			t.Errorf("login %s twice", a.Login)
		}
		byLogin[a.Login] = a
	}
	want := map[string]model.Role{"prof": model.RoleTeacher, "cpe": model.RoleCPE, "cpe2": model.RoleCPE,
		"aed": model.RoleAED, "direction": model.RoleDirection, "admin": model.RoleAdmin}
	for login, role := range want {
		if !byLogin[login].Has(role) {
			t.Errorf("account %s lacks role %s", login, role)
		}
	}
	teachers := 0
	for _, a := range d.Accounts {
		if a.Has(model.RoleTeacher) {
			teachers++
		}
	}
	if teachers < 40 || teachers > 50 {
		t.Errorf("%d teachers", teachers)
	}
}

func TestCourseReferences(t *testing.T) {
	d := reference(t)
	divs := codes(d.Divisions, func(x model.Division) string { return x.Code })
	groups := codes(d.Groups, func(x model.Group) string { return x.Code })
	teachers := map[string]bool{}
	for _, a := range d.Accounts {
		teachers[a.Login] = a.Has(model.RoleTeacher)
	}
	ids := map[string]bool{}
	for _, c := range d.Courses {
		if err := c.Validate(); err != nil {
			t.Errorf("%v", err)
		}
		exists := c.Target.Kind == model.TargetDivision && divs[c.Target.Code] ||
			c.Target.Kind == model.TargetGroup && groups[c.Target.Code]
		if !exists || ids[c.ID] || len(c.Teachers) != 1 || !teachers[c.Teachers[0]] {
			t.Errorf("course %s: target %v, teachers %v", c.ID, c.Target, c.Teachers)
		}
		if !slices.Contains([]string{"", "A", "B"}, c.Weeks) || c.Room == "" || c.Subject == "" {
			t.Errorf("course %s: weeks %q, room %q, subject %q", c.ID, c.Weeks, c.Room, c.Subject)
		}
		ids[c.ID] = true
	}
}
