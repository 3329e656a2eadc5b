package demo

import (
	"fmt"
	"math/rand/v2"

	"appel/model"
)

// ProfLogin is the well-known teacher account of the demo: it has a séance
// at 08:00 every weekday, in week A and in week B.
const ProfLogin = "prof"

// teacherCounts is the number of teachers of each subject (45 in all, prof
// among the teachers of Français). LAT is taught by a teacher of Français.
var teacherCounts = []struct {
	subject string
	n       int
}{
	{"FRA", 7}, {"MAT", 6}, {"HG", 5}, {"ANG", 5}, {"ESP", 2}, {"ALL", 1}, {"ITA", 1},
	{"EPS", 4}, {"AP", 2}, {"EM", 2}, {"SVT", 4}, {"PC", 4}, {"TEC", 2},
}

// teacher is a member of the teaching staff with his subject and room.
type teacher struct {
	login, name, subject, room string
}

// staffAccounts returns the well-known accounts other than the teachers.
func staffAccounts() []model.Account {
	acc := func(login string, roles ...model.Role) model.Account {
		return model.Account{Login: login, Name: staffNames[login], Roles: roles}
	}
	return []model.Account{
		acc("cpe", model.RoleCPE),
		acc("cpe2", model.RoleCPE),
		acc("aed", model.RoleAED),
		acc("direction", model.RoleDirection),
		acc("admin", model.RoleAdmin),
	}
}

// buildTeachers draws the teaching staff; prof is the first teacher of Français.
func buildTeachers(r *rand.Rand) []teacher {
	used := map[string]bool{}
	for _, l := range []string{"prof", "cpe", "cpe2", "aed", "direction", "admin"} {
		used[l] = true
	}
	rooms := roomNamer{}
	var out []teacher
	for _, tc := range teacherCounts {
		for i := range tc.n {
			t := teacher{subject: tc.subject, room: rooms.next(tc.subject)}
			if tc.subject == "FRA" && i == 0 {
				t.login, t.name = ProfLogin, staffNames[ProfLogin]
			} else {
				first, last := pick(r, teacherFirstNames), pick(r, lastNames)
				t.login, t.name = uniqueLogin(used, first, last), first+" "+last
			}
			out = append(out, t)
		}
	}
	return out
}

// uniqueLogin derives a login from a name (Mathilde Lefèvre → mlefevre),
// numbered when taken (mlefevre2).
func uniqueLogin(used map[string]bool, first, last string) string {
	base := slug(first)[:1] + slug(last)
	login := base
	for n := 2; used[login]; n++ {
		login = fmt.Sprintf("%s%d", base, n)
	}
	used[login] = true
	return login
}

// roomNamer gives each teacher a room suited to the subject.
type roomNamer map[string]int

func (rn roomNamer) next(subject string) string {
	rn[subject]++
	n := rn[subject]
	switch subject {
	case "EPS":
		return []string{"Gymnase", "Gymnase", "Stade", "Salle de danse"}[(n-1)%4]
	case "SVT":
		return fmt.Sprintf("Labo SVT %d", n)
	case "PC":
		return fmt.Sprintf("Labo PC %d", n)
	case "TEC":
		return fmt.Sprintf("Techno %d", n)
	case "AP":
		return fmt.Sprintf("Arts plastiques %d", n)
	case "EM":
		return fmt.Sprintf("Musique %d", n)
	}
	rn["general"]++
	g := rn["general"]
	return fmt.Sprintf("Salle %d%02d", 1+(g-1)/12, 1+(g-1)%12)
}

// teacherAccounts turns the teaching staff into accounts.
func teacherAccounts(ts []teacher) []model.Account {
	out := make([]model.Account, len(ts))
	for i, t := range ts {
		out[i] = model.Account{Login: t.login, Name: t.name, Roles: []model.Role{model.RoleTeacher}}
	}
	return out
}
