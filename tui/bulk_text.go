package tui

import (
	"fmt"
	"slices"
	"strings"

	"appel/model"
)

// selectionText is « 3 absences et 2 retards »: the numbers that the
// selection, the preview and the result of a mass action all write.
func selectionText(s model.Selection) string {
	var parts []string
	if s.Absences > 0 || s.Lates == 0 {
		parts = append(parts, plural(s.Absences, "absence", "absences"))
	}
	if s.Lates > 0 {
		parts = append(parts, plural(s.Lates, "retard", "retards"))
	}
	return strings.Join(parts, " et ")
}

// upcomingText is « 2 séances à venir laissées à l'absence annoncée », or "".
func upcomingText(n int) string {
	if n == 0 {
		return ""
	}
	return plural(n, "séance à venir laissée", "séances à venir laissées") + " à l'absence annoncée"
}

// givenText is « 2 absences déjà justifiées par cpe (Maladie) »; the
// participle agrees with what it counts (a lateness makes it masculine).
func givenText(g model.Given, already bool) string {
	word := "justifiée"
	if g.Lates > 0 {
		word = "justifié"
	}
	if g.Absences+g.Lates > 1 {
		word += "s"
	}
	if already {
		word = "déjà " + word
	}
	by := g.By
	if by == "" {
		by = "?"
	}
	return fmt.Sprintf("%s %s par %s (%s)", selectionText(model.Selection{Absences: g.Absences, Lates: g.Lates}), word, by, shortLabel(g.Label))
}

// givenList joins groups of motives already given.
func givenList(gs []model.Given, already bool) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = givenText(g, already && i == 0)
	}
	return strings.Join(parts, ", ")
}

// questionText asks before replacing (or removing) motives already given:
// « 2 absences déjà justifiées par cpe (Maladie) : remplacer ? o/n ».
func questionText(q *barQuestion) string {
	others := model.SelectionOf(q.shown).Total() - countGiven(q.replaced)
	if q.motive == nil {
		return fmt.Sprintf("Retirer le motif de %s ? o/n", givenList(q.replaced, false))
	}
	text := givenList(q.replaced, true) + " : remplacer ? o/n"
	switch {
	case others == 1:
		text += " (n : seulement l'autre)"
	case others > 1:
		text += fmt.Sprintf(" (n : seulement les %d autres)", others)
	}
	return text
}

func countGiven(gs []model.Given) int {
	n := 0
	for _, g := range gs {
		n += g.Absences + g.Lates
	}
	return n
}

// outcomeText says what a mass action did, in the selection's numbers: what
// it did (« ✓ head : 3 absences done »), what it left (« 1 retard left »), the
// motives it did not replace, and what someone changed since the screen showed it.
func outcomeText(head, done string, out model.BulkOutcome, left string) string {
	var parts []string
	if out.Done.Total() > 0 {
		parts = append(parts, fmt.Sprintf("✓ %s : %s%s", head, selectionText(out.Done), done))
	} else {
		parts = append(parts, head+" : rien de changé")
	}
	if n := out.Left.Total(); n > 0 && left != "" {
		parts = append(parts, fmt.Sprintf("%s %s", selectionText(out.Left), left))
	}
	if len(out.Kept) > 0 {
		parts = append(parts, "laissé tel quel : "+givenList(out.Kept, false))
	}
	if t := upcomingText(out.Left.Upcoming); t != "" {
		parts = append(parts, t)
	}
	if len(out.Changed) > 0 {
		parts = append(parts, changedText(out.Changed))
	}
	text := strings.Join(parts, " · ")
	if out.Action.Size() > 0 {
		text += " (u pour annuler)"
	}
	return text + "."
}

// changedText is « ⚠ modifié entre-temps, laissé tel quel : 1 absence (cpe2 : Maladie) ».
func changedText(atts []model.Attendance) string {
	var s model.Selection
	var who []string
	for _, a := range atts {
		s.Add(a.Kind)
		if w := changedBy(a); w != "" && !slices.Contains(who, w) {
			who = append(who, w)
		}
	}
	text := "⚠ modifié entre-temps, laissé tel quel : " + selectionText(s)
	if len(who) > 0 {
		text += " (" + strings.Join(who, ", ") + ")"
	}
	return text
}

// changedBy is « cpe2 : Maladie » or « prof : présent »: who made a record
// what it is now.
func changedBy(a model.Attendance) string {
	if j := a.Justification; j != nil {
		return fmt.Sprintf("%s : %s", j.By, shortLabel(j.Label))
	}
	by, _ := a.EnteredBy()
	if by == "" {
		return ""
	}
	return fmt.Sprintf("%s : %s", by, a.Kind.Label())
}

// kindsText says what each kind of motive key would do to the selection:
// « 3 absences · Noé B. · valable : non valables 3 → 0 · non valable : 3 → 3 »
// (valable: a motive key whose motive is valable).
func kindsText(kp model.KindsPreview, sel model.Selection, pupils int) string {
	parts := []string{selectionText(sel)}
	if who := previewWho(kp, pupils); who != "" {
		parts = append(parts, who)
	}
	changes := false
	if pv := kp.Valid; pv != nil && pv.Touched() > 0 {
		before, after := pv.Totals()
		parts = append(parts, fmt.Sprintf("valable : non valables %d → %d%s", before.InvalidHalfDays, after.InvalidHalfDays, thresholdText(*pv)))
		changes = true
	}
	if pv := kp.Invalid; pv != nil && pv.Touched() > 0 {
		before, after := pv.Totals()
		name := "non valable : "
		if !changes {
			name = "non valable : non valables "
		}
		parts = append(parts, fmt.Sprintf("%s%d → %d%s", name, before.InvalidHalfDays, after.InvalidHalfDays, thresholdText(*pv)))
		changes = true
	}
	if !changes {
		parts = append(parts, "rien à changer sans remplacer un motif")
	}
	return strings.Join(parts, " · ")
}

// justifiedNote is « (1 déjà justifiée) »: the selected absences that a
// motive key will ask about before replacing their motive.
func justifiedNote(shown []model.Shown) string {
	n := countGiven(model.Replaced(shown, ""))
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d déjà %s)", n, pluralWord(n, "justifiée", "justifiées"))
}

// distinctShown counts the pupils of a selection.
func distinctShown(shown []model.Shown) int {
	seen := map[model.PupilID]bool{}
	for _, x := range shown {
		seen[x.Key.Pupil] = true
	}
	return len(seen)
}

// previewWho is « Noé B. » for one pupil, « 3 élèves » for several.
func previewWho(kp model.KindsPreview, pupils int) string {
	if pupils > 1 {
		return fmt.Sprintf("%d élèves", pupils)
	}
	for _, pv := range []*model.Preview{kp.Valid, kp.Invalid} {
		if pv != nil && len(pv.Pupils) > 0 {
			return shortName(pv.Pupils[0].Pupil)
		}
	}
	return ""
}

func pluralWord(n int, one, many string) string {
	if n <= 1 {
		return one
	}
	return many
}

// keyPreviewText is what the key pressed would do with the motives replaced:
// « o : Maladie, non valables 2 → 0 ».
func keyPreviewText(pv model.Preview) string {
	before, after := pv.Totals()
	label := "sans motif"
	if pv.Motive != nil {
		label = shortLabel(pv.Motive.Label)
	}
	return fmt.Sprintf("o : %s, non valables %d → %d%s", label, before.InvalidHalfDays, after.InvalidHalfDays, thresholdText(pv))
}
