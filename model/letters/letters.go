// Package letters prints the letters to families as one PDF: one A4 page
// per household, the guardians' names and address placed for a window
// envelope (DL, window on the right), the school's letterhead, the text of
// the template, the table of absences and the CPE's signature; a last page
// lists the families that no letter can reach. Text is real text (not
// images) in the Go fonts, embedded as UTF-8 TrueType, so that every name of
// the SIECLE files prints (Œ, Ł, Ş, Ő, Ğ) and pdftotext reads it back.
package letters

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"appel/internal/atomicfile"
	"appel/model"
)

// Page geometry, in millimetres (A4, DL window envelope: window 100×45 mm
// at 110 mm from the left and 45 mm from the top, as La Poste's NF EN ISO
// 269 envelopes have it).
const (
	margin      = 20.0
	windowX     = 110.0
	windowY     = 50.0
	windowWidth = 85.0
	lineHeight  = 5.0
	bodyWidth   = 210 - 2*margin
)

// Write prints the batch to w with the template (nil: the default letter),
// dated at the clock. It returns the first error of the PDF writer.
func Write(w io.Writer, b model.LetterBatch, tpl *template.Template, at time.Time) error {
	if tpl == nil {
		var err error
		if tpl, err = model.ParseTemplate(model.DefaultLetterTemplate); err != nil {
			return err
		}
	}
	pdf := newDocument("Courriers aux familles "+b.From.French()+" – "+b.To.French(), at)
	for _, l := range b.Letters {
		msg, err := model.Render(tpl, b.Data(l))
		if err != nil {
			return err
		}
		page(pdf, b, l, msg, at)
	}
	unreachable(pdf, b)
	if len(b.Letters) == 0 && len(b.Unreachable) == 0 {
		pdf.AddPage()
		text(pdf, "", 11, "Aucune absence sans motif du "+b.From.French()+" au "+b.To.French()+" : aucun courrier.")
	}
	return pdf.Output(w)
}

// WriteDiscipline prints the letters of punishments and sanctions
// (model.DisciplineLetters), one page each, dated at the clock.
func WriteDiscipline(w io.Writer, school model.School, set model.SettingValues, ls []model.DisciplineLetter, at time.Time) error {
	pdf := newDocument("Courriers aux familles : punitions et sanctions", at)
	b := model.LetterBatch{School: school, Settings: set}
	for _, l := range ls {
		page(pdf, b, model.Letter{Household: l.Household, Pupils: l.Pupils}, l.Message, at)
	}
	if len(ls) == 0 {
		pdf.AddPage()
		text(pdf, "", 11, "Aucun courrier de punition ou de sanction à imprimer.")
	}
	return pdf.Output(w)
}

// newDocument is an A4 document in the Go fonts (UTF-8), with appel's
// margins, its title and its date: what every PDF appel prints starts from.
func newDocument(title string, at time.Time) *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.SetTitle(title, true)
	pdf.SetCreator("appel", true)
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	return pdf
}

func text(pdf *fpdf.Fpdf, style string, size float64, s string) {
	pdf.SetFont("Go", style, size)
	pdf.MultiCell(bodyWidth, lineHeight, s, "", "L", false)
}

// page draws one household's letter.
func page(pdf *fpdf.Fpdf, b model.LetterBatch, l model.Letter, msg model.Message, at time.Time) {
	pdf.AddPage()
	letterhead(pdf, b)
	pdf.SetXY(windowX, windowY)
	pdf.SetFont("Go", "", 11)
	recipient := append(guardianNames(l.Household), l.Household.Address...)
	pdf.MultiCell(windowWidth, lineHeight, strings.Join(recipient, "\n"), "", "L", false)
	pdf.SetXY(windowX, 95)
	pdf.SetFont("Go", "", 10)
	pdf.CellFormat(windowWidth, lineHeight, "Le "+model.DateOf(at).French(), "", 1, "L", false, 0, "")
	pdf.SetXY(margin, 105)
	text(pdf, "B", 11, "Objet : "+msg.Subject)
	pdf.Ln(3)
	text(pdf, "", 10.5, strings.TrimSpace(msg.Text))
	pdf.Ln(4)
	if len(l.Lines) > 0 {
		table(pdf, l)
		pdf.Ln(6)
	}
	signature(pdf, b)
}

func guardianNames(h model.Household) []string {
	names := make([]string, len(h.Guardians))
	for i, g := range h.Guardians {
		names[i] = g.DisplayName()
	}
	return names
}

func letterhead(pdf *fpdf.Fpdf, b model.LetterBatch) {
	pdf.SetXY(margin, margin)
	pdf.SetFont("Go", "B", 12)
	pdf.MultiCell(85, 5.5, b.School.Name, "", "L", false)
	pdf.SetFont("Go", "", 9)
	var lines []string
	for _, l := range strings.Split(b.Settings.Text(model.SettingSchoolAddr), "/") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if phone := b.Settings.Text(model.SettingSchoolPhone); phone != "" {
		lines = append(lines, "Vie scolaire : "+phone)
	}
	if b.School.UAI != "" {
		lines = append(lines, "UAI "+b.School.UAI)
	}
	pdf.MultiCell(85, 4.5, strings.Join(lines, "\n"), "", "L", false)
}

// table lists the half-days: date, pupil (when the household has several), séances, state.
func table(pdf *fpdf.Fpdf, l model.Letter) {
	several := len(l.Pupils) > 1
	widths := []float64{30, 98, 42}
	heads := []string{"Date", "Séances", "État"}
	if several {
		widths = []float64{26, 46, 56, 42}
		heads = []string{"Date", "Élève", "Séances", "État"}
	}
	pdf.SetFont("Go", "B", 9.5)
	pdf.SetFillColor(230, 230, 230)
	for i, h := range heads {
		pdf.CellFormat(widths[i], 6, h, "1", 0, "L", true, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetFont("Go", "", 9.5)
	for _, line := range l.Lines {
		cells := []string{fmt.Sprintf("%s %s", line.Date.French(), line.Half), strings.Join(line.Seances, "\n"), line.State}
		if several {
			cells = []string{cells[0], line.Pupil.FirstName + " " + strings.ToUpper(line.Pupil.LastName), cells[1], cells[2]}
		}
		row(pdf, widths, cells)
	}
}

// row draws cells of the same height, each wrapped in its width.
func row(pdf *fpdf.Fpdf, widths []float64, cells []string) {
	height := 0.0
	for i, c := range cells {
		n := 0
		for _, part := range strings.Split(c, "\n") {
			n += max(len(pdf.SplitText(part, widths[i]-2)), 1)
		}
		height = max(height, float64(n)*4.5)
	}
	if pdf.GetY()+height+2 > 297-margin {
		pdf.AddPage()
	}
	x, y := pdf.GetXY()
	for i, c := range cells {
		pdf.Rect(x, y, widths[i], height+1, "D")
		pdf.SetXY(x+1, y+0.5)
		pdf.MultiCell(widths[i]-2, 4.5, c, "", "L", false)
		x += widths[i]
	}
	pdf.SetXY(margin, y+height+1)
}

func signature(pdf *fpdf.Fpdf, b model.LetterBatch) {
	text(pdf, "", 10.5, "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")
	pdf.Ln(6)
	pdf.SetX(windowX)
	pdf.SetFont("Go", "", 10)
	lines := []string{"Le conseiller principal d'éducation,"}
	if cpe := b.Settings.Text(model.SettingCPEName); cpe != "" {
		lines = append(lines, cpe)
	}
	pdf.MultiCell(windowWidth, lineHeight, strings.Join(lines, "\n"), "", "L", false)
}

// unreachable adds the page of the families no letter can reach.
func unreachable(pdf *fpdf.Fpdf, b model.LetterBatch) {
	if len(b.Unreachable) == 0 {
		return
	}
	pdf.AddPage()
	text(pdf, "B", 13, "Familles injoignables par courrier")
	pdf.Ln(2)
	text(pdf, "", 10, fmt.Sprintf("Absences sans motif du %s au %s : ces familles n'ont pas reçu de courrier ; "+
		"à joindre autrement (téléphone, mél, remise en main propre).", b.From.French(), b.To.French()))
	pdf.Ln(3)
	for _, u := range b.Unreachable {
		who := u.Household.Names()
		if who == "" {
			who = "—"
		}
		text(pdf, "", 10, fmt.Sprintf("• %s (%s) : %s — %s", u.Pupil.FullName(), u.Pupil.Division, who, u.Why))
	}
}

// Written says what WriteFolder wrote.
type Written struct {
	Path        string
	Letters     int
	Unreachable int
}

// WriteFolder prints the letters of the absences without a motive from
// from to to into the school's letters folder (setting letters.dir), with
// the school's template, then puts them on record; the file is complete or
// absent (written aside, then renamed).
func WriteFolder(svc *model.Service, from, to model.Date) (Written, error) {
	set, err := svc.Settings()
	if err != nil {
		return Written{}, err
	}
	dir := set.Text(model.SettingLettersDir)
	if dir == "" {
		return Written{}, model.Invalid("dossier des courriers non réglé : appel settings set %s DOSSIER (un dossier du serveur)", model.SettingLettersDir)
	}
	b, err := svc.Letters(from, to, "")
	if err != nil {
		return Written{}, err
	}
	tpl, err := svc.TemplateFor(model.TemplateLetter)
	if err != nil {
		return Written{}, err
	}
	path := filepath.Join(dir, fmt.Sprintf("courriers-%s-%s.pdf", from.Compact(), to.Compact()))
	if err := atomicfile.Write(path, func(w io.Writer) error { return Write(w, b, tpl, svc.Now()) }); err != nil {
		if _, ok := errors.AsType[*model.Error](err); ok {
			return Written{}, err
		}
		return Written{}, model.Invalid("dossier des courriers %s : écriture impossible", dir)
	}
	return Written{Path: path, Letters: len(b.Letters), Unreachable: len(b.Unreachable)}, svc.RecordLetters(b, model.TemplateLetter)
}
