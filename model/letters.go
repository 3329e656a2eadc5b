package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// DefaultLetterTemplate is the letter that ships: its first line is the
// subject (« Objet : »), the rest the text above the table of absences.
const DefaultLetterTemplate = `Absences de {{.Eleve}} ({{.Classe}}) : motif attendu
Madame, Monsieur,

Nous avons relevé, {{.Date}}, les absences de {{.Eleve}} indiquées dans le tableau ci-dessous, pour lesquelles nous n'avons reçu aucun motif.

Le code de l'éducation (article R131-5) demande que toute absence soit justifiée par la famille. Merci de nous faire connaître par écrit le motif de chacune de ces absences dans les meilleurs délais{{if .Telephone}}, ou de prendre contact avec la vie scolaire au {{.Telephone}}{{end}}.`

// LetterLine is one half-day of absence in a letter's table.
type LetterLine struct {
	Pupil   Pupil
	Date    Date
	Half    HalfDay
	Seances []string
	// IDs are the séances' identifiers, for the record.
	IDs []SeanceID
	// State: « non justifiée » or « annoncée, sans motif ».
	State string
}

// Letter is the page for one household: its guardians and the absences of
// its pupils.
type Letter struct {
	Household Household
	Pupils    []Pupil
	Lines     []LetterLine
}

// Unreachable is a household (or a pupil without guardian) that no letter
// can reach, and why.
type Unreachable struct {
	Pupil     Pupil
	Household Household
	Why       string
}

// LetterBatch is what appel letters prints: one letter per household with
// a postal address, and the families it cannot reach.
type LetterBatch struct {
	From, To    Date
	School      School
	Settings    SettingValues
	Letters     []Letter
	Unreachable []Unreachable
}

// Data returns what the template of a letter may show.
func (b LetterBatch) Data(l Letter) NoticeData {
	var names, divisions []string
	for _, p := range l.Pupils {
		names = append(names, p.FirstName+" "+strings.ToUpper(p.LastName))
		if !slices.Contains(divisions, p.Division) {
			divisions = append(divisions, p.Division)
		}
	}
	return NoticeData{Eleve: strings.Join(names, " et "), Classe: strings.Join(divisions, ", "),
		Date: "du " + b.From.French() + " au " + b.To.French(), Responsables: l.Household.Names(),
		Etablissement: b.School.Name, Telephone: b.Settings.Text(SettingSchoolPhone), CPE: b.Settings.Text(SettingCPEName)}
}

// Letters gathers, for the absences without a motive from from to to (of
// one division, or all), one letter per household with a postal address;
// households without one, and pupils without guardians, are listed as
// unreachable.
func (s *Service) Letters(from, to Date, division string) (LetterBatch, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return LetterBatch{}, err
	}
	if err := pol.Require(PermFamilies); err != nil {
		return LetterBatch{}, err
	}
	if to.Before(from) {
		return LetterBatch{}, Invalid("période vide : du %s au %s", from.French(), to.French())
	}
	if division != "" {
		if _, ok := dir.Division(division); !ok {
			return LetterBatch{}, NotFound("division %s introuvable", division)
		}
	}
	b := LetterBatch{From: from, To: to, School: dir.School}
	now := s.now().In(dir.Location())
	err = s.store.View(func(tx ReadTx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		b.Settings = NewSettingValues(set)
		lines, err := unjustifiedLines(tx, dir, from, to, now, division)
		if err != nil {
			return err
		}
		return b.gather(tx, lines)
	})
	return b, err
}

// unjustifiedLines are the half-days with an absence without motive, by pupil.
func unjustifiedLines(tx ReadTx, dir *Directory, from, to Date, now time.Time, division string) (map[PupilID][]LetterLine, error) {
	marks, err := tx.MarksBetween(from, to)
	if err != nil {
		return nil, err
	}
	loc := dir.Location()
	out := map[PupilID][]LetterLine{}
	notices := map[PupilID][]Notice{}
	for i := range marks {
		m := &marks[i]
		p, ok := dir.Pupil(m.Pupil)
		if m.Kind != KindAbsent || m.Justification != nil || !ok || division != "" && p.Division != division {
			continue
		}
		se, ok := dir.Seance(m.Seance)
		if !ok {
			continue
		}
		if _, seen := notices[p.ID]; !seen {
			if notices[p.ID], err = tx.NoticesOfPupil(p.ID); err != nil {
				return nil, err
			}
		}
		a := Resolve(se, p.ID, m, notices[p.ID], loc).At(now, loc)
		if !a.IsAbsence() || a.Justified() {
			continue
		}
		state := "non justifiée"
		if a.Notice != nil {
			state = "annoncée, sans motif"
		}
		out[p.ID] = addLetterLine(out[p.ID], LetterLine{Pupil: p, Date: se.Date, Half: se.HalfDay, State: state},
			se.TimeRange()+" "+se.Subject, se.ID)
	}
	return out, nil
}

func addLetterLine(lines []LetterLine, l LetterLine, seance string, id SeanceID) []LetterLine {
	i := slices.IndexFunc(lines, func(x LetterLine) bool { return x.Date == l.Date && x.Half == l.Half })
	if i < 0 {
		lines, i = append(lines, l), len(lines)
	}
	lines[i].Seances = append(lines[i].Seances, seance)
	lines[i].IDs = append(lines[i].IDs, id)
	return lines
}

// gather sorts the lines into households' letters and the unreachable list.
func (b *LetterBatch) gather(tx ReadTx, lines map[PupilID][]LetterLine) error {
	var pupils []Pupil
	for _, ls := range lines {
		pupils = append(pupils, ls[0].Pupil)
	}
	SortPupils(pupils)
	index := map[string]int{}
	for _, p := range pupils {
		ls := lines[p.ID]
		slices.SortFunc(ls, func(a, c LetterLine) int { return cmp.Or(a.Date.Compare(c.Date), cmp.Compare(a.Half, c.Half)) })
		for i := range ls {
			slices.Sort(ls[i].Seances)
		}
		gs, err := tx.Guardians(p.ID)
		if err != nil {
			return err
		}
		hs := HouseholdsOf(p.ID, gs)
		if len(hs) == 0 {
			b.Unreachable = append(b.Unreachable, Unreachable{Pupil: p, Why: "aucun responsable légal importé"})
		}
		for _, h := range hs {
			if !h.HasAddress() {
				b.Unreachable = append(b.Unreachable, Unreachable{Pupil: p, Household: h, Why: unreachableWhy(h)})
				continue
			}
			i, ok := index[h.ID]
			if !ok {
				i = len(b.Letters)
				index[h.ID] = i
				b.Letters = append(b.Letters, Letter{Household: h})
			}
			b.Letters[i].Pupils = append(b.Letters[i].Pupils, p)
			b.Letters[i].Lines = append(b.Letters[i].Lines, ls...)
		}
	}
	return nil
}

func unreachableWhy(h Household) string {
	if e := h.Emails(); len(e) > 0 {
		return "sans adresse postale (mél : " + strings.Join(e, ", ") + ")"
	}
	return "ni adresse postale ni mél"
}

// StatusPrinted is the state of a letter printed by appel letters.
const StatusPrinted = "imprimé"

// LetterID names the record of a household's letter of a kind for a range:
// it starts with the range's last day, so that the day's notices find it.
func LetterID(kind string, from, to Date, household string) string {
	return fmt.Sprintf("%s-L-%s-%s-%s", to.Compact(), kind, from.Compact(), household)
}

// RecordLetters puts every letter of the batch on record (pupil's file,
// audit, export all) as a notice of the letter's kind, « imprimé », once the
// PDF is written; printing the same range again updates the same records.
func (s *Service) RecordLetters(b LetterBatch, kind string) error {
	if !slices.Contains(LetterKinds, kind) {
		return NotFound("courrier %q inconnu (%s)", Visible(kind), strings.Join(LetterKinds, ", "))
	}
	if err := s.Require(PermFamilies); err != nil {
		return err
	}
	now := s.now()
	_, err := s.update("courriers aux familles", func(tx Tx) error {
		for _, l := range b.Letters {
			n := FamilyNotice{ID: LetterID(kind, b.From, b.To, l.Household.ID), Kind: kind, Channel: ChannelLetter,
				Date: b.To, Household: l.Household.ID, Names: l.Household.Names(), Status: StatusPrinted, Due: now,
				SentAt: now, By: s.actor.Login}
			for _, g := range l.Household.Guardians {
				n.Guardians = append(n.Guardians, g.ID)
			}
			for _, p := range l.Pupils {
				n.Pupils = append(n.Pupils, p.ID)
			}
			for _, line := range l.Lines {
				n.Seances = append(n.Seances, line.IDs...)
			}
			slices.Sort(n.Seances)
			if err := tx.PutFamilyNotice(n); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
