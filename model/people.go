package model

import (
	"sort"
	"strings"
)

// PupilID identifies a pupil: SIECLE's ELEVE_ID, or an identifier given by appel.
type PupilID string

// Division is a class (4B, 3 A, 301).
type Division struct {
	Code  string `json:"code"`
	Label string `json:"label,omitempty"`
	Level string `json:"level,omitempty"`
}

// Group is a set of pupils taught together: half a class, or a cross-class group.
type Group struct {
	Code      string   `json:"code"`
	Label     string   `json:"label,omitempty"`
	Divisions []string `json:"divisions,omitempty"`
}

// Pupil is an élève.
type Pupil struct {
	ID        PupilID `json:"id"`
	INE       string  `json:"ine,omitempty"`
	LastName  string  `json:"last_name"`
	FirstName string  `json:"first_name"`
	BirthDate Date    `json:"birth_date,omitempty"`
	Sex       string  `json:"sex,omitempty"`
	// Division and Groups are the pupil's current enrolment, since Since.
	Division string   `json:"division,omitempty"`
	Groups   []string `json:"groups,omitempty"`
	// Left is the day the pupil left the school (DATE_SORTIE); zero while enrolled.
	Left Date `json:"left,omitempty"`
	// Arrived is the day the pupil came to the school during the year; zero
	// when he was there from its start.
	Arrived Date `json:"arrived,omitempty"`
	// Since is the day his current Division and Groups began; zero when he
	// has been in them since he came.
	Since Date `json:"since,omitempty"`
	// Before are his earlier enrolments of the year, oldest first, each until
	// the next one begins (the last one until Since). See enrolment.go.
	Before []Enrolment `json:"before,omitempty"`
}

// FullName returns "NOM Prénom".
func (p Pupil) FullName() string { return strings.ToUpper(p.LastName) + " " + p.FirstName }

// InGroup reports whether the pupil belongs to the group.
func (p Pupil) InGroup(code string) bool {
	for _, g := range p.Groups {
		if g == code {
			return true
		}
	}
	return false
}

// EnrolledOn reports whether the pupil is in the school on d: arrived, not yet left.
func (p Pupil) EnrolledOn(d Date) bool {
	return (p.Left.IsZero() || d.Before(p.Left)) && (p.Arrived.IsZero() || !d.Before(p.Arrived))
}

// Gone reports whether the pupil has left the school by d.
func (p Pupil) Gone(d Date) bool { return !p.Left.IsZero() && !d.Before(p.Left) }

// Guardian is a responsable légal (or a person in charge, or to contact).
type Guardian struct {
	ID        string    `json:"id"`
	Civility  string    `json:"civility,omitempty"`
	LastName  string    `json:"last_name"`
	FirstName string    `json:"first_name"`
	Phone     string    `json:"phone,omitempty"`
	HomePhone string    `json:"home_phone,omitempty"`
	WorkPhone string    `json:"work_phone,omitempty"`
	Email     string    `json:"email,omitempty"`
	Address   []string  `json:"address,omitempty"`
	Links     []Kinship `json:"links,omitempty"`
	// SMS: the guardian accepts text messages (SIECLE's ACCEPTE_SMS).
	SMS bool `json:"sms,omitempty"`
}

// Kinship links a guardian to a pupil.
type Kinship struct {
	Pupil PupilID `json:"pupil"`
	// Level: 1 légal, 2 en charge, 3 à contacter.
	Level    int    `json:"level"`
	Relation string `json:"relation,omitempty"`
}

// ComparePupils orders pupils by last name, first name, then identifier, the way
// a registre d'appel lists them.
func ComparePupils(a, b Pupil) int {
	if c := compareFold(a.LastName, b.LastName); c != 0 {
		return c
	}
	if c := compareFold(a.FirstName, b.FirstName); c != 0 {
		return c
	}
	return strings.Compare(string(a.ID), string(b.ID))
}

// SortPupils sorts pupils in registre order.
func SortPupils(ps []Pupil) {
	sort.SliceStable(ps, func(i, j int) bool { return ComparePupils(ps[i], ps[j]) < 0 })
}

func compareFold(a, b string) int { return strings.Compare(FoldAccents(a), FoldAccents(b)) }

// FoldAccents lower-cases s and removes French diacritics, for sorting and searching
// ("Éloïse" and "eloise" match).
func FoldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if f, ok := accentFold[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var accentFold = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'ÿ': "y", 'ñ': "n",
	'œ': "oe", 'æ': "ae", 'ł': "l", 'ś': "s", 'ż': "z", 'ź': "z", 'ń': "n", 'ć': "c",
	'ę': "e", 'ą': "a", 'ș': "s", 'ț': "t", 'ă': "a", 'ß': "ss",
}
