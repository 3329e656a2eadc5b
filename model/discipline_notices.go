package model

import (
	"slices"
	"time"
)

// The texts that ship for the notices of a punishment and of a sanction.
const (
	DefaultPunishmentTemplate = `Punition de {{.Eleve}} ({{.Classe}})

Madame, Monsieur,

Le {{.Date}}, {{.Eleve}} ({{.Classe}}) a reçu la punition suivante : {{.Mesure}}.
{{if .Faits}}Motif : {{.Faits}}
{{end}}
Nous vous remercions d'en parler avec votre enfant. La vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}} se tient à votre disposition.

{{if .CPE}}{{.CPE}}, conseiller principal d'éducation
{{end}}{{.Etablissement}}`
	DefaultSanctionTemplate = `Sanction disciplinaire : {{.Eleve}} ({{.Classe}})

Madame, Monsieur,

Le {{.Date}}, le chef d'établissement a prononcé à l'encontre de {{.Eleve}} ({{.Classe}}) la sanction suivante : {{.Mesure}}.
Faits reprochés : {{.Faits}}

Cette sanction figure au dossier administratif de l'élève pour la durée fixée par l'article R511-13 du code de l'éducation. Vous pouvez la contester auprès du recteur d'académie dans un délai de huit jours. La vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}} se tient à votre disposition.

{{.Etablissement}}`
)

// TellFamily queues, for each household of the pupil, a notice of the
// punishment or sanction whose identifier is record (an e-mail, or a letter
// to print, or « injoignable »), on record like every notice. A household
// already told of that record is not told twice. The vie scolaire and the
// direction may do it.
func (s *Service) TellFamily(record string) ([]FamilyNotice, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermDiscipline); err != nil {
		return nil, err
	}
	now := s.now().In(dir.Location())
	var out []FamilyNotice
	_, err = s.update("avis aux familles : discipline", func(tx Tx) error {
		out = nil
		n, err := disciplineNotice(tx, dir, record)
		if err != nil {
			return err
		}
		guardians, err := tx.Guardians(n.Pupils[0])
		if err != nil {
			return err
		}
		households := HouseholdsOf(n.Pupils[0], guardians)
		if len(households) == 0 {
			households = []Household{{ID: "sans-responsable-" + string(n.Pupils[0])}}
		}
		for _, h := range households {
			x, err := tellHousehold(tx, n, h, now, s.actor.Login)
			if err != nil {
				return err
			}
			if x != nil {
				out = append(out, *x)
			}
		}
		return nil
	})
	return out, err
}

func tellHousehold(tx Tx, n FamilyNotice, h Household, now time.Time, by string) (*FamilyNotice, error) {
	id := FamilyNoticeID(n.Kind+"-"+n.Record, n.Date, Morning, h.ID)
	if _, exists, err := tx.FamilyNotice(id); err != nil || exists {
		return nil, err
	}
	x := newFamilyNotice(id, n.Kind, absenceKey{pupil: n.Pupils[0], date: n.Date, half: Morning}, h, nil, now, by)
	x.Record, x.Measure, x.Facts = n.Record, n.Measure, n.Facts
	return &x, tx.PutFamilyNotice(x)
}

// disciplineNotice is the part of a notice that the record gives: kind,
// day, pupil, measure and facts.
func disciplineNotice(tx ReadTx, dir *Directory, record string) (FamilyNotice, error) {
	puns, err := tx.Punishments()
	if err != nil {
		return FamilyNotice{}, err
	}
	if i := slices.IndexFunc(puns, func(p Punishment) bool { return p.ID == record }); i >= 0 {
		p := puns[i]
		kinds, err := disciplineList(tx, ListPunishmentKinds)
		if err != nil {
			return FamilyNotice{}, err
		}
		measure := KindLabel(kinds, p.Kind)
		if p.Kind == PunishDetention {
			if d, ok := detentionOf(tx, p.Detention); ok {
				measure += " le " + frenchDay(d.Date) + " de " + d.Start.String() + " à " + d.End.String()
				if d.Room != "" {
					measure += " (" + d.Room + ")"
				}
			}
		}
		facts := p.Reason
		if p.Kind == PunishExclusion {
			facts = p.Report
		}
		return FamilyNotice{Kind: FamilyPunishment, Record: p.ID, Date: p.Date, Pupils: []PupilID{p.Pupil}, Measure: measure, Facts: facts}, nil
	}
	sans, err := tx.Sanctions()
	if err != nil {
		return FamilyNotice{}, err
	}
	if i := slices.IndexFunc(sans, func(x Sanction) bool { return x.ID == record }); i >= 0 {
		x := sans[i]
		measure := x.Kind.Label()
		if m := x.Measure(); m != "" {
			measure += ", " + m
		}
		return FamilyNotice{Kind: FamilySanction, Record: x.ID, Date: x.Date, Pupils: []PupilID{x.Pupil}, Measure: measure, Facts: x.Facts}, nil
	}
	return FamilyNotice{}, NotFound("punition ou sanction %s introuvable", Visible(record))
}

func detentionOf(tx ReadTx, id string) (DetentionSession, bool) {
	all, err := tx.Detentions()
	if err != nil {
		return DetentionSession{}, false
	}
	i := slices.IndexFunc(all, func(d DetentionSession) bool { return d.ID == id })
	if i < 0 {
		return DetentionSession{}, false
	}
	return all[i], true
}

// DisciplineLetter is a discipline notice to print: the household it goes
// to and its text.
type DisciplineLetter struct {
	Notice    FamilyNotice
	Household Household
	Pupils    []Pupil
	Message   Message
}

// DisciplineLetters returns the notices of punishments and sanctions that
// wait to be printed (« à imprimer »), each rendered with its template, and
// the school and settings their letterhead needs.
func (s *Service) DisciplineLetters() ([]DisciplineLetter, School, SettingValues, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, School{}, SettingValues{}, err
	}
	if err := pol.Require(PermDiscipline); err != nil {
		return nil, School{}, SettingValues{}, err
	}
	set, err := s.Settings()
	if err != nil {
		return nil, School{}, SettingValues{}, err
	}
	var out []DisciplineLetter
	err = s.store.View(func(tx ReadTx) error {
		all, err := tx.AllFamilyNotices()
		if err != nil {
			return err
		}
		for _, n := range all {
			if n.Record == "" || n.Status != StatusToPrint {
				continue
			}
			l, err := s.disciplineLetter(tx, dir, set, n)
			if err != nil {
				return err
			}
			out = append(out, l)
		}
		return nil
	})
	return out, dir.School, set, err
}

func (s *Service) disciplineLetter(tx ReadTx, dir *Directory, set SettingValues, n FamilyNotice) (DisciplineLetter, error) {
	l := DisciplineLetter{Notice: n, Household: Household{ID: n.Household}}
	for _, id := range n.Pupils {
		guardians, err := tx.Guardians(id)
		if err != nil {
			return l, err
		}
		for _, h := range HouseholdsOf(id, guardians) {
			if h.ID == n.Household {
				l.Household = h
			}
		}
		if p, ok := dir.Pupil(id); ok {
			l.Pupils = append(l.Pupils, p)
		}
	}
	t, err := s.TemplateFor(n.Kind)
	if err != nil {
		return l, err
	}
	l.Message, err = Render(t, noticeData(dir, set, n))
	return l, err
}

// MarkPrinted records that the discipline letters were printed (« imprimé »).
func (s *Service) MarkPrinted(letters []DisciplineLetter) error {
	if err := s.Require(PermDiscipline); err != nil {
		return err
	}
	now := s.now()
	_, err := s.update("courriers aux familles : discipline", func(tx Tx) error {
		for _, l := range letters {
			n, ok, err := tx.FamilyNotice(l.Notice.ID)
			if err != nil || !ok || n.Status != StatusToPrint {
				continue
			}
			n.Status, n.SentAt = StatusPrinted, now
			if err := tx.PutFamilyNotice(n); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
