package model

import (
	"sort"
	"strings"
)

// Role is what an account may do (DOMAIN.md, "People and roles").
type Role string

// The roles of DOMAIN.md.
const (
	RoleTeacher   Role = "teacher"
	RoleAED       Role = "aed"
	RoleCPE       Role = "cpe"
	RoleDirection Role = "direction"
	RoleAdmin     Role = "admin"
)

// AllRoles lists the roles in the order the interface shows them.
var AllRoles = []Role{RoleTeacher, RoleAED, RoleCPE, RoleDirection, RoleAdmin}

// Label returns the role's French name.
func (r Role) Label() string {
	switch r {
	case RoleTeacher:
		return "Enseignant"
	case RoleAED:
		return "Assistant d'éducation"
	case RoleCPE:
		return "CPE"
	case RoleDirection:
		return "Direction"
	case RoleAdmin:
		return "Administrateur"
	}
	return string(r)
}

// Word returns the role's French word as the interface and the command line
// write and read it: enseignant, aed, cpe, direction, administrateur.
func (r Role) Word() string {
	switch r {
	case RoleTeacher:
		return "enseignant"
	case RoleAdmin:
		return "administrateur"
	}
	return string(r)
}

// ParseRoles reads "cpe,enseignant" into roles, refusing unknown names and
// empty lists. Each role is its French word, its label or its stored code
// (teacher, admin), in any case.
func ParseRoles(s string) ([]Role, error) {
	var roles []Role
	for _, part := range strings.Split(s, ",") {
		name := strings.TrimSpace(part)
		if name == "" {
			continue
		}
		r, ok := roleNamed(name)
		if !ok {
			return nil, invalid("rôle inconnu « %s » (attendu : enseignant, aed, cpe, direction, administrateur)", Visible(name))
		}
		roles = append(roles, r)
	}
	if len(roles) == 0 {
		return nil, invalid("au moins un rôle est nécessaire")
	}
	return normalizeRoles(roles), nil
}

// roleNamed finds the role whose code, French word or label is name.
func roleNamed(name string) (Role, bool) {
	for _, r := range AllRoles {
		if strings.EqualFold(name, string(r)) || strings.EqualFold(name, r.Word()) || strings.EqualFold(name, r.Label()) {
			return r, true
		}
	}
	return "", false
}

func (r Role) known() bool {
	for _, x := range AllRoles {
		if x == r {
			return true
		}
	}
	return false
}

func normalizeRoles(rs []Role) []Role {
	rank := func(r Role) int {
		for i, x := range AllRoles {
			if x == r {
				return i
			}
		}
		return len(AllRoles)
	}
	out := make([]Role, 0, len(rs))
	for _, r := range rs {
		dup := false
		for _, o := range out {
			dup = dup || o == r
		}
		if !dup {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// PublicKey is an OpenSSH public key authorised for an account.
type PublicKey struct {
	// Fingerprint is the SHA256 fingerprint as OpenSSH prints it (SHA256:…).
	Fingerprint string `json:"fingerprint"`
	// Line is the authorized_keys line (type, base64 key, comment).
	Line    string `json:"line"`
	Comment string `json:"comment,omitempty"`
	AddedAt string `json:"added_at,omitempty"`
}

// Account is a person who may use appel.
type Account struct {
	Login string      `json:"login"`
	Name  string      `json:"name"`
	Roles []Role      `json:"roles"`
	Keys  []PublicKey `json:"keys,omitempty"`
	// Disabled accounts keep their history but cannot log in.
	Disabled bool `json:"disabled,omitempty"`
	// STSID is STS-Web's INDIVIDU @ID for a teacher created by an STS import:
	// the stable key that re-imports and timetables use.
	STSID string `json:"sts_id,omitempty"`
	// Invitation, while pending, lets a key the server does not know yet
	// enrol itself with a one-time code (appel user invite).
	Invitation *Invitation `json:"invitation,omitempty"`
}

// Has reports whether the account holds the role.
func (a Account) Has(r Role) bool {
	for _, x := range a.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// RolesString returns the roles' French words comma-separated
// (enseignant,cpe), as the interface shows them and ParseRoles reads them.
func (a Account) RolesString() string {
	parts := make([]string, len(a.Roles))
	for i, r := range a.Roles {
		parts[i] = r.Word()
	}
	return strings.Join(parts, ",")
}

// RoleCodes returns the roles' stored codes comma-separated (teacher,cpe),
// as the school's files carry them.
func (a Account) RoleCodes() string {
	parts := make([]string, len(a.Roles))
	for i, r := range a.Roles {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

// ValidateLogin checks that a login is usable as an SSH user name.
func ValidateLogin(login string) error {
	if login == "" || len(login) > 64 {
		return invalid("identifiant vide ou trop long")
	}
	for i, r := range login {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || (i > 0 && (r == '.' || r == '-' || r == '_'))
		if !ok {
			return invalid("identifiant %q : lettres minuscules, chiffres, « . », « - » et « _ » seulement", login)
		}
	}
	return nil
}

// Validate checks an account before it is stored.
func (a Account) Validate() error {
	if err := ValidateLogin(a.Login); err != nil {
		return err
	}
	if strings.TrimSpace(a.Name) == "" {
		return invalid("nom affiché manquant pour %s", a.Login)
	}
	if err := CheckField("nom affiché", a.Name, Plain); err != nil {
		return err
	}
	if len(a.Roles) == 0 {
		return invalid("aucun rôle pour %s", a.Login)
	}
	for _, r := range a.Roles {
		if !r.known() {
			return invalid("rôle inconnu %q", r)
		}
	}
	return nil
}

// CompareAccounts orders accounts for choosers: the vie scolaire, direction
// and administration first (they are few), then the teachers, each by login.
func CompareAccounts(a, b Account) int {
	rank := func(x Account) int {
		if len(x.Roles) == 1 && x.Roles[0] == RoleTeacher {
			return 1
		}
		return 0
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	return strings.Compare(a.Login, b.Login)
}
