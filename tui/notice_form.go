package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The fields of the announced-absence form.
const (
	fieldPupil = iota
	fieldFrom
	fieldTo
	fieldMotive
	noticeFieldCount
)

// noticeForm announces an absence (or edits one) in a few keys: the pupil by
// a few letters of his name, from and to (default: the day at 08:00 →
// the next day at 18:00; + and - move by a day, > to the end of the week),
// then the motive's key, which saves.
type noticeForm struct {
	env    *env
	keys   announceKeys
	edit   *model.NoticeLine
	pupil  *model.Pupil
	finder pupilFinder
	dates  [2]lineEdit
	fresh  [2]bool
	motive *model.Motive
	// motives returns the motives offered now (they may arrive after the form opens).
	motives func() []model.Motive
	field   int
	busy    bool
	closed  bool
	err     string
	// preview is what the announced absence would count now, for the span
	// previewed; asking holds a motive key waiting for o/n because it would
	// replace the motive the announced absence already has.
	preview   *model.NoticePreview
	previewed previewSpan
	previews  requests
	asking    *askedMotive
}

// announceKeys are the form's keys: the keys of every form (formKeys), the
// moves of a date, and the motives' own keys, which save.
type announceKeys struct {
	formKeys
	Later, Earlier, WeekEnd, Motive, NoMotive key.Binding
}

func defaultAnnounceKeys() announceKeys {
	k := announceKeys{formKeys: defaultFormKeys(),
		Later:    newKey("+", "un jour plus tard", "+"),
		Earlier:  newKey("-", "un jour plus tôt", "-"),
		WeekEnd:  newKey(">", "fin de semaine", ">"),
		Motive:   newKey("m r f…", "motif, et enregistrer"),
		NoMotive: newKey("⌫", "sans motif (champ Motif)", "backspace"),
	}
	k.Save.SetHelp("↵", "enregistrer sans motif (Élève : choisir)")
	return k
}

// previewSpan is the pupil and span a preview was asked for.
type previewSpan struct {
	pupil    model.PupilID
	from, to time.Time
}

// askedMotive is the motive (nil: none) the user chose while the form asks
// whether to replace the announced absence's own.
type askedMotive struct{ motive *model.Motive }

type noticePreviewMsg struct {
	form    *noticeForm
	gen     int
	preview model.NoticePreview
	err     error
}

type formDoneMsg struct {
	form *noticeForm
	text string
	err  error
}

func newNoticeForm(e *env, day model.Date, msg formRequest, motives func() []model.Motive) *noticeForm {
	f := &noticeForm{env: e, keys: defaultAnnounceKeys(), pupil: msg.pupil, motives: motives, field: fieldTo, fresh: [2]bool{true, true},
		finder: pupilFinder{limit: 6}}
	loc := e.svc.Now().Location()
	from, to := day.Time(8*60, loc), day.AddDays(1).Time(18*60, loc)
	if n := msg.notice; n != nil {
		f.edit, f.pupil = n, &n.Pupil
		from, to = n.Notice.From.In(loc), n.Notice.To.In(loc)
		if j := n.Notice.Justification; j != nil {
			if m, ok := model.MotiveByLabel(motives(), j.Motive); ok {
				f.motive = &m
			}
		}
	}
	if f.pupil == nil {
		f.field = fieldPupil
	}
	f.setDate(0, from)
	f.setDate(1, to)
	return f
}

const formLayout = "02/01/2006 15:04"

func (f *noticeForm) setDate(i int, t time.Time) {
	f.dates[i].value = []rune(t.Format(formLayout))
}

func (f *noticeForm) date(i int) (time.Time, error) {
	loc := f.env.svc.Now().Location()
	t, err := time.ParseInLocation(formLayout, strings.TrimSpace(f.dates[i].String()), loc)
	if err != nil {
		return time.Time{}, model.Invalid("date « %s » illisible : JJ/MM/AAAA HH:MM", f.dates[i].String())
	}
	return t, nil
}

func (f *noticeForm) update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(noticePreviewMsg); ok {
		if m.form == f && f.previews.take(m.gen) {
			f.preview = nil
			if m.err == nil {
				f.preview = &m.preview
			}
		}
		return nil
	}
	cmd, _ := f.finder.update(msg)
	return cmd
}

// refresh asks for the preview of the pupil and span typed, when they changed.
func (f *noticeForm) refresh() tea.Cmd {
	from, err1 := f.date(0)
	to, err2 := f.date(1)
	if f.pupil == nil || err1 != nil || err2 != nil || !to.After(from) {
		f.preview, f.previewed = nil, previewSpan{}
		return nil
	}
	span := previewSpan{f.pupil.ID, from, to}
	if span == f.previewed {
		return nil
	}
	f.previewed, f.preview = span, nil
	svc, gen, replacing := f.env.svc, f.previews.next(), ""
	if f.edit != nil {
		replacing = f.edit.Notice.ID
	}
	return func() tea.Msg {
		pv, err := svc.PreviewNotice(span.pupil, span.from, span.to, replacing)
		return noticePreviewMsg{form: f, gen: gen, preview: pv, err: err}
	}
}

func (f *noticeForm) key(msg tea.KeyMsg) tea.Cmd {
	if f.asking != nil {
		return f.answer(msg)
	}
	cmd := f.handle(msg)
	return tea.Batch(cmd, f.refresh())
}

// answer handles o/n while the form asks before replacing the announced
// absence's motive: o saves with the new motive, n or esc goes back to the form.
func (f *noticeForm) answer(msg tea.KeyMsg) tea.Cmd {
	asked := f.asking
	f.asking = nil
	switch msg.String() {
	case "o", "O", "y", "Y":
		f.motive = asked.motive
		return f.save(true)
	}
	f.err = "motif laissé tel quel"
	return nil
}

func (f *noticeForm) handle(msg tea.KeyMsg) tea.Cmd {
	k := f.keys
	switch {
	case key.Matches(msg, k.Cancel):
		f.closed = true
		return nil
	case f.field == fieldPupil && key.Matches(msg, f.env.nav.Up, f.env.nav.Down) && msg.Type != tea.KeyRunes:
		return f.pupilKey(msg)
	case key.Matches(msg, k.Next):
		f.move(1)
		return nil
	case key.Matches(msg, k.Prev):
		f.move(-1)
		return nil
	case key.Matches(msg, k.Save):
		if f.field == fieldPupil {
			f.choose()
			return nil
		}
		return f.submit()
	}
	f.err = ""
	switch f.field {
	case fieldPupil:
		return f.pupilKey(msg)
	case fieldFrom, fieldTo:
		return f.dateKey(msg, f.field-fieldFrom)
	}
	return f.motiveKey(msg)
}

func (f *noticeForm) move(delta int) {
	f.field = (f.field + delta + noticeFieldCount) % noticeFieldCount
}

func (f *noticeForm) pupilKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyUp:
		f.finder.list.moveTo(f.finder.list.cursor - 1)
		return nil
	case tea.KeyDown:
		f.finder.list.moveTo(f.finder.list.cursor + 1)
		return nil
	}
	cmd, _ := f.finder.key(f.env.svc, msg)
	return cmd
}

// choose takes the pupil under the cursor of the search and moves to the end date.
func (f *noticeForm) choose() {
	if p, ok := f.finder.selected(); ok {
		f.pupil, f.field = &p, fieldTo
	}
}

func (f *noticeForm) dateKey(msg tea.KeyMsg, i int) tea.Cmd {
	switch {
	case key.Matches(msg, f.keys.Later, f.keys.Earlier, f.keys.WeekEnd):
		f.shift(i, msg.String())
		return nil
	case msg.Type == tea.KeyRunes && isLetter(msg.Runes):
		return f.motiveKey(msg)
	}
	if f.fresh[i] && msg.Type == tea.KeyRunes {
		f.dates[i].value = nil
	}
	f.fresh[i] = false
	f.dates[i].handle(msg)
	return nil
}

func isLetter(rs []rune) bool {
	return len(rs) == 1 && (rs[0] >= 'a' && rs[0] <= 'z' || rs[0] >= 'A' && rs[0] <= 'Z')
}

// shift moves a date by a day (+, -) or to the Friday of the start's week
// at 18:00 (>).
func (f *noticeForm) shift(i int, how string) {
	t, err := f.date(i)
	if err != nil {
		f.err = model.UserMessage(err)
		return
	}
	switch how {
	case "+":
		t = t.AddDate(0, 0, 1)
	case "-":
		t = t.AddDate(0, 0, -1)
	default:
		t = endOfWeek(f, t)
	}
	f.setDate(i, t)
	f.fresh[i] = true
}

func endOfWeek(f *noticeForm, t time.Time) time.Time {
	if from, err := f.date(0); err == nil {
		t = from
	}
	day := model.DateOf(t)
	friday := day.Monday().AddDays(4)
	if friday.Before(day) {
		friday = friday.AddDays(7)
	}
	return friday.Time(18*60, t.Location())
}

func (f *noticeForm) motiveKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, f.keys.NoMotive) {
		f.motive = nil
		return nil
	}
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 {
		return nil
	}
	m, ok := model.MotiveByKey(f.motives(), string(msg.Runes))
	if !ok {
		f.err = fmt.Sprintf("aucun motif sur la touche « %s »", string(msg.Runes))
		return nil
	}
	if f.replaces(&m) {
		f.asking = &askedMotive{motive: &m}
		return nil
	}
	f.motive = &m
	return f.submit()
}

// replaces reports whether saving with motive m (nil: none) would replace
// the motive that the announced absence being edited already has.
func (f *noticeForm) replaces(m *model.Motive) bool {
	if f.edit == nil {
		return false
	}
	code := ""
	if m != nil {
		code = m.Code
	}
	return model.NoticeReplaces(f.edit.Notice, code)
}

// submit saves the notice: Announce for a new one, EditNotice otherwise; it
// asks first when that would replace (or remove) the motive given before.
func (f *noticeForm) submit() tea.Cmd {
	if f.replaces(f.motive) && f.asking == nil {
		f.asking = &askedMotive{motive: f.motive}
		return nil
	}
	return f.save(false)
}

// save writes the notice; replace replaces the motive given before.
func (f *noticeForm) save(replace bool) tea.Cmd {
	from, err1 := f.date(0)
	to, err2 := f.date(1)
	switch {
	case f.pupil == nil:
		f.err, f.field = "choisissez d'abord l'élève", fieldPupil
		return nil
	case err1 != nil || err2 != nil:
		f.err = model.UserMessage(firstError(err1, err2))
		return nil
	case f.busy:
		return nil
	}
	f.busy = true
	svc, pupil, code, edit := f.env.svc, *f.pupil, "", f.edit
	if f.motive != nil {
		code = f.motive.Code
	}
	return f.env.act(func() tea.Msg {
		var err error
		if edit != nil {
			_, err = svc.EditNotice(edit.Notice, from, to, code, replace)
		} else {
			_, err = svc.Announce(pupil.ID, from, to, code, "")
		}
		text := fmt.Sprintf("✓ Absence annoncée : %s du %s au %s (u pour annuler).", pupil.FullName(),
			from.Format("02/01 15:04"), to.Format("02/01 15:04"))
		return formDoneMsg{form: f, text: text, err: err}
	})
}

func firstError(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func (f *noticeForm) view(width, height int) string {
	st := f.env.styles
	title := "Annoncer une absence"
	if f.edit != nil {
		title = "Modifier l'absence annoncée"
	}
	lines := []string{st.Title.Render(title), ""}
	lines = append(lines, f.fieldLine(fieldPupil, "Élève", f.pupilText()))
	if f.field == fieldPupil {
		lines = append(lines, f.foundLines()...)
	}
	lines = append(lines, f.fieldLine(fieldFrom, "Du", f.dates[0].String()), f.fieldLine(fieldTo, "Au", f.dates[1].String()))
	lines = append(lines, f.fieldLine(fieldMotive, "Motif", f.motiveText()), "")
	for _, text := range f.previewLines() {
		lines = append(lines, st.Selected.Render(truncate(text, width)))
	}
	if f.asking != nil {
		lines = append(lines, st.Warn.Render(truncate(f.question(), width)))
	}
	if f.err != "" {
		lines = append(lines, st.Error.Render("✗ "+f.err))
	}
	lines = append(lines, st.Muted.Render(truncate(bindingsText(f.shortHelp()), width)))
	if ms := f.motives(); len(ms) > 0 {
		lines = append(lines, motiveLines(st, ms, width)...)
	}
	return strings.Join(columnize(lines, height, width), "\n")
}

func (f *noticeForm) fieldLine(field int, label, value string) string {
	marker := "  "
	if f.field == field {
		marker = "› "
		value = f.env.styles.Cursor.Render(value + "▏")
	}
	return marker + padRight(label, 7) + value
}

func (f *noticeForm) pupilText() string {
	switch {
	case f.field == fieldPupil:
		return f.finder.query.String()
	case f.pupil != nil:
		return f.pupil.FullName() + " (" + f.pupil.Division + ")"
	}
	return "—"
}

func (f *noticeForm) foundLines() []string {
	var out []string
	for i, p := range f.finder.found {
		marker := "         "
		if i == f.finder.list.cursor {
			marker = "       › "
		}
		out = append(out, marker+p.FullName()+" ("+p.Division+")")
	}
	if len(out) == 0 && f.finder.query.String() != "" {
		out = append(out, f.env.styles.Muted.Render("         aucun élève"))
	}
	return out
}

func (f *noticeForm) motiveText() string {
	if f.motive == nil {
		return "sans motif (tapez sa touche)"
	}
	return justificationText(model.Attendance{Justification: f.motive.Justify("", time.Time{})})
}

func (f *noticeForm) shortHelp() []key.Binding {
	k := f.keys
	return []key.Binding{k.Motive, k.Save, k.Next, k.Later, k.Earlier, k.WeekEnd, k.Cancel}
}

func (f *noticeForm) fullHelp() []HelpSection {
	k := f.keys
	return []HelpSection{
		{Title: "Absence annoncée", Keys: []key.Binding{k.Motive, k.Save, k.NoMotive, k.Cancel}},
		{Title: "Champs", Keys: []key.Binding{k.Next, k.Prev, k.Later, k.Earlier, k.WeekEnd}},
	}
}

// previewLines say what the announced absence counts now and what a
// valable and a non valable motive would make of it:
//
//	Maintenant : 6 séances, 2 commencées (les 4 autres compteront à mesure qu'elles commencent)
//	  motif valable : 1 → 1 demi-journées, non valables 1 → 0
//	  motif non valable : 1 → 1 demi-journées, non valables 1 → 1
func (f *noticeForm) previewLines() []string {
	pv := f.preview
	if pv == nil {
		return nil
	}
	head := fmt.Sprintf("Maintenant : %s, %s", plural(pv.Seances, "séance", "séances"), plural(pv.Begun, "commencée", "commencées"))
	switch rest := pv.Seances - pv.Begun; {
	case rest == 1:
		head += " (l'autre comptera quand elle commencera)"
	case rest > 1:
		head += fmt.Sprintf(" (les %d autres compteront à mesure qu'elles commencent)", rest)
	}
	lines := []string{head}
	if pv.Valid != nil {
		lines = append(lines, "  motif valable : "+noticeEffect(pv.Before, *pv.Valid))
	}
	if pv.Invalid != nil {
		lines = append(lines, "  motif non valable : "+noticeEffect(pv.Before, *pv.Invalid))
	}
	if pv.Own > 0 {
		lines = append(lines, "  "+plural(pv.Own, "séance garde son propre motif", "séances gardent leur propre motif"))
	}
	return lines
}

// noticeEffect is « 1 → 2 demi-journées, non valables 1 → 1 ».
func noticeEffect(before, after model.Figures) string {
	return fmt.Sprintf("%d → %d demi-journées, non valables %d → %d", before.HalfDays(), after.HalfDays(),
		before.InvalidHalfDays, after.InvalidHalfDays)
}

// question asks before replacing the announced absence's motive.
func (f *noticeForm) question() string {
	j := f.edit.Notice.Justification
	what := "retirer le motif"
	if f.asking.motive != nil {
		what = "le remplacer par « " + shortLabel(f.asking.motive.Label) + " »"
	}
	return fmt.Sprintf("Absence annoncée déjà justifiée par %s (%s) : %s ? o/n", j.By, shortLabel(j.Label), what)
}
