package model

import (
	"slices"
	"strings"
	"text/template"
)

// The kinds of template the school may edit.
const (
	TemplateAvis    = FamilyAvis
	TemplateRelance = FamilyRelance
	TemplateLetter  = "courrier"
	TemplateLate    = FamilyLateness
	// The letters of the steps of R131-7 and L131-8.
	TemplateMeeting    = "convocation"
	TemplateCommission = "commission"
	TemplateDASEN      = "dasen"
	// The notices of a punishment and of a sanction.
	TemplatePunishment = FamilyPunishment
	TemplateSanction   = FamilySanction
)

// LetterKinds are the kinds of letter appel letters prints.
var LetterKinds = []string{TemplateLetter, TemplateMeeting, TemplateCommission, TemplateDASEN}

// TemplateKinds lists the kinds of template, in the order the editor offers them.
var TemplateKinds = []string{TemplateAvis, TemplateRelance, TemplateLate, TemplateLetter, TemplateMeeting, TemplateCommission, TemplateDASEN,
	TemplatePunishment, TemplateSanction}

// TemplateLabel names a kind of template in French.
func TemplateLabel(kind string) string {
	switch kind {
	case TemplateAvis:
		return "avis d'absence (mél)"
	case TemplateRelance:
		return "relance (mél)"
	case TemplateLetter:
		return "courrier (PDF)"
	case TemplateLate:
		return "avis de retard (mél)"
	case TemplateMeeting:
		return "courrier : invitation à un entretien (R131-7)"
	case TemplateCommission:
		return "courrier : commission éducative"
	case TemplateDASEN:
		return "courrier : signalement au DASEN (L131-8)"
	case TemplatePunishment:
		return "punition (mél ou courrier)"
	case TemplateSanction:
		return "sanction disciplinaire (mél ou courrier)"
	}
	return kind
}

func checkTemplateKind(kind string) error {
	if !slices.Contains(TemplateKinds, kind) {
		return NotFound("modèle %q inconnu (%s)", Visible(kind), strings.Join(TemplateKinds, ", "))
	}
	return nil
}

// builtinTemplate is the text that ships for a kind.
func builtinTemplate(kind string) string {
	if t, ok := letterTemplates[kind]; ok {
		return t
	}
	return DefaultTemplate(kind)
}

var letterTemplates = map[string]string{
	TemplateLetter: DefaultLetterTemplate,
	TemplateMeeting: `Invitation à un entretien : assiduité de {{.Eleve}} ({{.Classe}})
Madame, Monsieur,

Malgré nos précédents messages, {{.Eleve}} a manqué la classe sans motif légitime ni excuse valable, {{.Date}}, comme l'indique le tableau ci-dessous.

Conformément à l'article R131-7 du code de l'éducation, nous vous invitons à un entretien avec le chef d'établissement ou son représentant, afin d'examiner la situation de {{.Eleve}} et de rechercher ensemble les moyens d'y remédier. Merci de prendre rendez-vous auprès de la vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}} dans les meilleurs délais.`,
	TemplateCommission: `Commission éducative : assiduité de {{.Eleve}} ({{.Classe}})
Madame, Monsieur,

Les absences de {{.Eleve}} sans motif légitime ni excuse valable, {{.Date}}, indiquées dans le tableau ci-dessous, se poursuivent malgré nos échanges.

La situation de {{.Eleve}} sera examinée par la commission éducative de l'établissement, qui recherche avec l'élève et sa famille une réponse éducative. Vous y serez invités ; la vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}} vous en communiquera la date.`,
	TemplateDASEN: `Signalement de l'absentéisme de {{.Eleve}} ({{.Classe}})
Madame, Monsieur,

{{.Eleve}} a manqué la classe sans motif légitime ni excuse valable au moins quatre demi-journées dans le mois ; les absences {{.Date}} figurent dans le tableau ci-dessous.

Conformément à l'article L131-8 du code de l'éducation, le chef d'établissement en informe le directeur académique des services de l'éducation nationale (DASEN), qui peut vous adresser un avertissement et vous rappeler vos obligations. Nous restons à votre disposition pour en parler{{if .Telephone}} ({{.Telephone}}){{end}}.`,
}

// TemplateText returns the text in force for a kind: the school's, or the
// default (custom false).
func (s *Service) TemplateText(kind string) (text string, custom bool, err error) {
	if err := checkTemplateKind(kind); err != nil {
		return "", false, err
	}
	var stored map[string]string
	err = s.store.View(func(tx ReadTx) error {
		stored, err = tx.Templates()
		return err
	})
	if t, ok := stored[kind]; ok {
		return t, true, err
	}
	return builtinTemplate(kind), false, err
}

// TemplateFor returns the parsed template in force for a kind.
func (s *Service) TemplateFor(kind string) (*template.Template, error) {
	text, _, err := s.TemplateText(kind)
	if err != nil {
		return nil, err
	}
	return ParseTemplate(text)
}

// SetTemplate stores the school's text for a kind (CPE, administrator),
// audited as « modèle »; a text that does not parse, or names an unknown
// field, is refused by name and nothing is stored.
func (s *Service) SetTemplate(kind, text string) error {
	if err := s.Require(PermTemplates); err != nil {
		return err
	}
	if err := checkTemplateKind(kind); err != nil {
		return err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if _, err := ParseTemplate(text); err != nil {
		return err
	}
	_, err := s.update("modèle", func(tx Tx) error { return tx.PutTemplate(kind, text) })
	return err
}

// ResetTemplate brings back the default text of a kind.
func (s *Service) ResetTemplate(kind string) error {
	if err := s.Require(PermTemplates); err != nil {
		return err
	}
	if err := checkTemplateKind(kind); err != nil {
		return err
	}
	_, err := s.update("modèle remis par défaut", func(tx Tx) error { return tx.DeleteTemplate(kind) })
	return err
}

// PreviewTemplate renders text on sample data taken from a real pupil of
// the school (the first absent one of the last days, else the first pupil),
// for the editor's live preview.
func (s *Service) PreviewTemplate(text string) (Message, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Message{}, err
	}
	if err := pol.Require(PermTemplates); err != nil {
		return Message{}, err
	}
	t, err := ParseTemplate(text)
	if err != nil {
		return Message{}, err
	}
	set, err := s.Settings()
	if err != nil {
		return Message{}, err
	}
	return Render(t, samplePupilData(dir, set, DateOf(s.Now())))
}

func samplePupilData(dir *Directory, set SettingValues, today Date) NoticeData {
	n := FamilyNotice{Date: today, Half: Morning}
	if len(dir.Pupils) > 0 {
		p := dir.Pupils[0]
		n.Pupils = []PupilID{p.ID}
		for _, se := range dir.PupilSeances(p, today, today) {
			if se.HalfDay == Morning && len(n.Seances) < 2 {
				n.Seances = append(n.Seances, se.ID)
			}
		}
	}
	return noticeData(dir, set, n)
}
