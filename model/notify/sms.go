package notify

import (
	"fmt"
	"io"
	"strings"

	"appel/model"
	"appel/model/formats/export"
)

// SMSHeader is the header of the CSV of the text messages due, for the
// upload page of the school's SMS provider (appel never calls a vendor).
var SMSHeader = []string{"eleve", "responsable", "portable", "message"}

// WriteSMS writes, for each notice, one row per guardian of its household
// who accepts text messages (SIECLE's ACCEPTE_SMS) and has a mobile phone
// (06, 07, +33 6, +33 7): the pupil, the guardian, the number and a message
// of at most 160 characters. It returns the number of rows.
func WriteSMS(w io.Writer, svc *model.Service, notices []model.FamilyNotice) (int, error) {
	t, err := export.NewTable(w, export.CSV, "SMS", SMSHeader)
	if err != nil {
		return 0, err
	}
	rows := 0
	for _, n := range notices {
		d, err := svc.NoticeData(n)
		if err != nil {
			return rows, err
		}
		text := smsText(n, d)
		for _, id := range n.Guardians {
			g, err := svc.Guardian(id)
			if err != nil || !g.SMS || !Mobile(g.Phone) {
				continue
			}
			if err := t.Row(export.Text(d.Eleve), export.Text(g.DisplayName()), export.Text(g.Phone), export.Text(text)); err != nil {
				return rows, err
			}
			rows++
		}
	}
	return rows, t.Close()
}

// Mobile reports whether a French number is a mobile's.
func Mobile(phone string) bool {
	p := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(phone)
	p = strings.TrimPrefix(strings.TrimPrefix(p, "+33"), "0033")
	if !strings.HasPrefix(p, "0") {
		p = "0" + p
	}
	return len(p) == 10 && (strings.HasPrefix(p, "06") || strings.HasPrefix(p, "07"))
}

// smsText is the message: « Collège X : Léa DUPONT absent(e) lundi 23/11 matin, sans motif. Merci de contacter la vie scolaire (tél). »
func smsText(n model.FamilyNotice, d model.NoticeData) string {
	what := "absent(e)"
	switch n.Kind {
	case model.FamilyRelance:
		what = "absence sans motif"
	case model.FamilyLateness:
		what = "en retard"
	}
	text := fmt.Sprintf("%s : %s %s le %s %s. Merci de contacter la vie scolaire", d.Etablissement, d.Eleve, what, n.Date.French(), n.Half)
	if n.Record != "" {
		// A punishment's or a sanction's notice tells of its measure.
		text = fmt.Sprintf("%s : %s, %s le %s (%s). Merci de contacter la vie scolaire", d.Etablissement, d.Eleve, n.Kind, n.Date.French(), d.Mesure)
	}
	if d.Telephone != "" {
		text += " (" + d.Telephone + ")"
	}
	text += "."
	if r := []rune(text); len(r) > 160 {
		text = string(r[:159]) + "…"
	}
	return text
}
