package sts

import (
	"slices"
	"strconv"
	"strings"

	"appel/model"
)

// maxLogin leaves room for a numeric suffix under model.ValidateLogin's 64.
const maxLogin = 40

// LoginBase proposes a login from a name: the first letter of the first name
// then the last name, lower case, without accents, letters and digits only
// (« Jean-Éric » « DE LA FONTAINE » gives jdelafontaine). It returns "" when
// the name has no letter or digit.
func LoginBase(first, last string) string {
	f, l := asciiAlnum(first), asciiAlnum(last)
	base := l
	if f != "" {
		base = f[:1] + l
	}
	return clip(base)
}

func clip(s string) string {
	if len(s) > maxLogin {
		return s[:maxLogin]
	}
	return s
}

// asciiAlnum folds s to lower-case ASCII letters and digits.
func asciiAlnum(s string) string {
	var b strings.Builder
	for _, r := range model.FoldAccents(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// AssignLogins sets the Login of every teacher: LoginBase, made unique by a
// numeric suffix (mdurand, mdurand2, …). Teachers are served in the order of
// their base then their STS ID, so the result does not depend on the order of
// the file. taken, when not nil, reports logins already used by other
// accounts; they are skipped. A teacher whose name gives no base gets
// « ens » and his ID.
func AssignLogins(ts []Teacher, taken func(string) bool) {
	order := make([]int, len(ts))
	bases := make([]string, len(ts))
	for i, t := range ts {
		order[i] = i
		bases[i] = LoginBase(t.FirstName, t.LastName)
		if bases[i] == "" {
			bases[i] = clip("ens" + asciiAlnum(t.ID))
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := strings.Compare(bases[a], bases[b]); c != 0 {
			return c
		}
		return strings.Compare(ts[a].ID, ts[b].ID)
	})
	used := map[string]bool{}
	for _, i := range order {
		login := bases[i]
		for n := 2; used[login] || taken != nil && taken(login); n++ {
			login = bases[i] + strconv.Itoa(n)
		}
		used[login] = true
		ts[i].Login = login
	}
}
