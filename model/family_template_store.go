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
)

// TemplateKinds lists the kinds of template, in the order the editor offers them.
var TemplateKinds = []string{TemplateAvis, TemplateRelance, TemplateLate, TemplateLetter}

// PermTemplates: edit the texts of the notices and letters to families.
const PermTemplates Permission = "modeles"

func init() { grants[PermTemplates] = []Role{RoleCPE, RoleAdmin} }

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
	if kind == TemplateLetter {
		return DefaultLetterTemplate
	}
	return DefaultTemplate(kind)
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
