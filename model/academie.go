package model

import (
	"fmt"
	"strings"
)

// Academie is a holiday zone of the ministry's school calendar (zones A, B,
// C of metropolitan France, Corse, each overseas académie) with the time
// zone its schools keep.
type Academie struct {
	// Zone is written as the ministry's open-data calendar writes it.
	Zone     string
	TimeZone string
}

// Academies are the zones a school may set, in the order menus show them.
var Academies = []Academie{
	{"A", "Europe/Paris"}, {"B", "Europe/Paris"}, {"C", "Europe/Paris"}, {"Corse", "Europe/Paris"},
	{"Guadeloupe", "America/Guadeloupe"}, {"Martinique", "America/Martinique"}, {"Guyane", "America/Cayenne"},
	{"La Réunion", "Indian/Reunion"}, {"Mayotte", "Indian/Mayotte"},
	{"Saint Pierre et Miquelon", "America/Miquelon"}, {"Nouvelle Calédonie", "Pacific/Noumea"},
	{"Polynésie", "Pacific/Tahiti"}, {"Wallis et Futuna", "Pacific/Wallis"},
}

// LookupAcademie finds a zone by name, case, accents, hyphens and a leading
// « zone » ignored (« zone a », « la-reunion »).
func LookupAcademie(name string) (Academie, bool) {
	key := academieKey(name)
	for _, a := range Academies {
		if academieKey(a.Zone) == key {
			return a, true
		}
	}
	return Academie{}, false
}

func academieKey(s string) string {
	s = strings.TrimPrefix(FoldAccents(strings.TrimSpace(s)), "zone ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }), " ")
}

// AcademieNames lists the zones for messages: « A, B, C, Corse, … ».
func AcademieNames() string {
	names := make([]string, len(Academies))
	for i, a := range Academies {
		names[i] = a.Zone
	}
	return strings.Join(names, ", ")
}

// SetAcademie sets the school's holiday zone and time zone (administrator),
// audited with the school (« académie »). Séances keep their dates and
// times; the vacations of the new zone come from the ministry's calendar
// (appel import calendar). It returns the zone before.
func (s *Service) SetAcademie(name string) (Academie, error) {
	a, ok := LookupAcademie(name)
	if !ok {
		return Academie{}, invalid("académie ou zone %q inconnue (%s)", Visible(name), AcademieNames())
	}
	if _, err := s.requireSetup(); err != nil {
		return Academie{}, err
	}
	var before Academie
	_, err := s.updateSchool("académie", func(school School) (School, error) {
		before = Academie{Zone: school.Zone, TimeZone: school.Location().String()}
		school.Zone, school.TimeZone = a.Zone, a.TimeZone
		return school, nil
	})
	return before, err
}

// String says the zone and its time zone in French.
func (a Academie) String() string {
	zone := a.Zone
	if len(zone) == 1 {
		zone = "zone " + zone
	}
	return fmt.Sprintf("%s (fuseau %s)", zone, a.TimeZone)
}
