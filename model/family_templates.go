package model

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/template"
)

// NoticeData is what a template of a notice or letter may use, as
// {{.Eleve}}, {{.Date}}, {{range .Seances}}…{{end}}.
type NoticeData struct {
	Eleve         string
	Classe        string
	Date          string
	DemiJournee   string
	Seances       []string
	Responsables  string
	Etablissement string
	Telephone     string
	CPE           string
	// Mesure and Faits are a punishment's or a sanction's (discipline notices).
	Mesure string
	Faits  string
}

// TemplateFields lists the fields of NoticeData, for the refusal of an unknown one.
var TemplateFields = []string{"Eleve", "Classe", "Date", "DemiJournee", "Seances", "Responsables", "Etablissement", "Telephone", "CPE", "Mesure", "Faits"}

// The default texts: a subject line, a blank line, the body.
const (
	DefaultAvisTemplate = `Absence de {{.Eleve}} le {{.Date}} ({{.DemiJournee}})

Madame, Monsieur,

{{.Eleve}} ({{.Classe}}) a été noté(e) absent(e) le {{.Date}} ({{.DemiJournee}}) :
{{range .Seances}}- {{.}}
{{end}}
Cette absence ne nous a pas été signalée. Merci d'en faire connaître le motif à la vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}}, par écrit, dans les meilleurs délais.

{{if .CPE}}{{.CPE}}, conseiller principal d'éducation
{{end}}{{.Etablissement}}`
	DefaultRelanceTemplate = `Absence de {{.Eleve}} le {{.Date}} : motif attendu

Madame, Monsieur,

Nous n'avons pas reçu le motif de l'absence de {{.Eleve}} ({{.Classe}}) le {{.Date}} ({{.DemiJournee}}) :
{{range .Seances}}- {{.}}
{{end}}
Le code de l'éducation (article R131-5) demande que toute absence soit justifiée par la famille. Merci de transmettre ce motif par écrit à la vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}}.

{{if .CPE}}{{.CPE}}, conseiller principal d'éducation
{{end}}{{.Etablissement}}`
)

// DefaultLatenessTemplate is the avis de retard that ships.
const DefaultLatenessTemplate = `Retard de {{.Eleve}} le {{.Date}} ({{.DemiJournee}})

Madame, Monsieur,

{{.Eleve}} ({{.Classe}}) est arrivé(e) en retard le {{.Date}} ({{.DemiJournee}}) :
{{range .Seances}}- {{.}}
{{end}}
Merci d'en faire connaître le motif à la vie scolaire{{if .Telephone}} ({{.Telephone}}){{end}}, par écrit. La ponctualité fait partie de l'assiduité.

{{if .CPE}}{{.CPE}}, conseiller principal d'éducation
{{end}}{{.Etablissement}}`

// DefaultTemplate returns the text that ships for a kind of notice.
func DefaultTemplate(kind string) string {
	switch kind {
	case FamilyRelance:
		return DefaultRelanceTemplate
	case FamilyLateness:
		return DefaultLatenessTemplate
	case FamilyPunishment:
		return DefaultPunishmentTemplate
	case FamilySanction:
		return DefaultSanctionTemplate
	}
	return DefaultAvisTemplate
}

var (
	unknownField = regexp.MustCompile(`can't evaluate field (\w+)`)
	templateErr  = regexp.MustCompile(`^template: [^:]*:(\d+):(\d+:)? ?`)
)

// ParseTemplate checks a template on sample data and returns it; a field
// that NoticeData does not have is refused by name.
func ParseTemplate(text string) (*template.Template, error) {
	for i, line := range strings.Split(text, "\n") {
		if err := CheckField(fmt.Sprintf("modèle, ligne %d", i+1), line, Note); err != nil {
			return nil, err
		}
	}
	t, err := template.New("modèle").Option("missingkey=error").Parse(text)
	if err != nil {
		return nil, templateError(err)
	}
	sample := NoticeData{Eleve: "Élise ÉTIENNE", Seances: []string{"08:00–08:55 Mathématiques"}}
	if err := t.Execute(io.Discard, sample); err != nil {
		return nil, templateError(err)
	}
	return t, nil
}

func templateError(err error) error {
	msg := err.Error()
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return Invalid("modèle refusé : champ inconnu {{.%s}} (champs possibles : %s)", m[1], fieldList())
	}
	if m := templateErr.FindStringSubmatch(msg); m != nil {
		return Invalid("modèle refusé, ligne %s : %s", m[1], frenchTemplateError(msg[len(m[0]):]))
	}
	return Invalid("modèle refusé : %s", msg)
}

// templateFaults translate the template parser's usual complaints.
var templateFaults = []struct{ prefix, french string }{
	{"bad character", "caractère inattendu entre {{ et }}"},
	{"unclosed action", "{{ sans }}"},
	{"unexpected EOF", "texte inachevé ({{ sans }}, ou {{range}}/{{if}} sans {{end}})"},
	{"unexpected \"}\" in operand", "} en trop"},
	{"unexpected {{end}}", "{{end}} sans {{range}} ni {{if}}"},
	{"function ", "fonction inconnue"},
	{"missing value for", "{{range}} ou {{if}} sans valeur"},
	{"unexpected", "élément inattendu"},
}

// frenchTemplateError says a parser complaint in French.
func frenchTemplateError(s string) string {
	for _, f := range templateFaults {
		if strings.HasPrefix(s, f.prefix) {
			return f.french
		}
	}
	return "texte illisible (vérifiez les {{ }})"
}

func fieldList() string {
	out := make([]string, len(TemplateFields))
	for i, f := range TemplateFields {
		out[i] = "{{." + f + "}}"
	}
	return strings.Join(out, ", ")
}

// Message is a notice rendered: its subject, plain text and HTML.
type Message struct {
	Subject string
	Text    string
	HTML    string
}

// Render fills a template: its first line is the subject, the rest the body.
func Render(t *template.Template, d NoticeData) (Message, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return Message{}, templateError(err)
	}
	subject, body, _ := strings.Cut(b.String(), "\n")
	body = strings.TrimSpace(body) + "\n"
	return Message{Subject: strings.TrimSpace(subject), Text: body, HTML: toHTML(body)}, nil
}

// toHTML writes the text as escaped paragraphs.
func toHTML(text string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>\n")
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		lines := strings.Split(para, "\n")
		for i, l := range lines {
			lines[i] = html.EscapeString(l)
		}
		b.WriteString("<p>" + strings.Join(lines, "<br>\n") + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// NoticeData gathers what a notice's template may show.
func (s *Service) NoticeData(n FamilyNotice) (NoticeData, error) {
	dir, err := s.store.Directory()
	if err != nil {
		return NoticeData{}, err
	}
	set, err := s.Settings()
	if err != nil {
		return NoticeData{}, err
	}
	return noticeData(dir, set, n), nil
}

func noticeData(dir *Directory, set SettingValues, n FamilyNotice) NoticeData {
	d := NoticeData{Date: frenchDay(n.Date), DemiJournee: n.Half.String(), Responsables: n.Names,
		Etablissement: dir.School.Name, Telephone: set.Text(SettingSchoolPhone), CPE: set.Text(SettingCPEName),
		Mesure: n.Measure, Faits: n.Facts}
	var names, divisions []string
	for _, id := range n.Pupils {
		if p, ok := dir.Pupil(id); ok {
			names = append(names, p.FirstName+" "+strings.ToUpper(p.LastName))
			if !slices.Contains(divisions, p.Division) {
				divisions = append(divisions, p.Division)
			}
		}
	}
	d.Eleve, d.Classe = strings.Join(names, " et "), strings.Join(divisions, ", ")
	for _, id := range n.Seances {
		if se, ok := dir.Seance(id); ok {
			d.Seances = append(d.Seances, se.TimeRange()+" "+se.Subject)
		}
	}
	return d
}

var frenchWeekdays = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

// frenchDay writes « jeudi 03/12/2026 ».
func frenchDay(d Date) string { return frenchWeekdays[d.Weekday()] + " " + d.French() }
