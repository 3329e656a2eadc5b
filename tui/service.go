package tui

import (
	"context"
	"errors"
	"strings"
	"time"

	"appel/model"
	"appel/model/letters"
	"appel/model/notify"
)

// service is the session's model.Service as the screens read it: every read
// that returns text of the store returns it through shown, so that text
// stored before appel checked its input (a terminal escape, a bidi override)
// is shown as visible escapes; writes and the rest pass through. A read added
// to model.Service and used by a screen gets its method here
// (TestServiceShowsEveryRead lists them).
type service struct{ *model.Service }

// Account returns the actor's account, shown.
func (s service) Account() (model.Account, error) { return shownErr(s.Service.Account()) }

// Messages returns the messages to the actor not yet read, shown.
func (s service) Messages() ([]model.Notification, error) { return shownErr(s.Service.Messages()) }

// ReadMessages records that the actor read his messages up to upTo.
func (s service) ReadMessages(upTo uint64) error { return s.Service.ReadMessages(upTo) }

// SetupChecklist returns what the school still lacks, shown.
func (s service) SetupChecklist() ([]model.SetupItem, error) {
	return shownErr(s.Service.SetupChecklist())
}

// InviteMe gives the actor a code for a new computer (the code is appel's).
func (s service) InviteMe(days int) (string, time.Time, error) { return s.Service.InviteMe(days) }

// RemoveMyKey withdraws one of the actor's own keys.
func (s service) RemoveMyKey(fingerprint string) error { return s.Service.RemoveMyKey(fingerprint) }

// MyKeys returns the actor's own keys, shown.
func (s service) MyKeys() ([]model.PublicKey, error) { return shownErr(s.Service.MyKeys()) }

// Accounts returns every account, shown.
func (s service) Accounts() ([]model.Account, error) { return shownErr(s.Service.Accounts()) }

// AddCall logs a call; the call comes back shown.
func (s service) AddCall(c model.FamilyCall) (model.FamilyCall, error) {
	return shownErr(s.Service.AddCall(c))
}

// AddKey authorises a key; the key comes back shown.
func (s service) AddKey(login, line string) (model.PublicKey, error) {
	return shownErr(s.Service.AddKey(login, line))
}

// Announce records an announced absence; the notice comes back shown.
func (s service) Announce(pupil model.PupilID, from, to time.Time, code, note string) (model.Notice, error) {
	return shownErr(s.Service.Announce(pupil, from, to, code, note))
}

// Audiences returns the day's audiences, shown.
func (s service) Audiences(day model.Date, lines []model.DeskLine) ([]model.AudienceShare, error) {
	return shownErr(s.Service.Audiences(day, lines))
}

// Audit returns the audit log, shown.
func (s service) Audit(q model.AuditQuery) ([]model.AuditEntry, error) {
	return shownErr(s.Service.Audit(q))
}

// ClassGrid returns a class's grid, shown.
func (s service) ClassGrid(t model.Target, day model.Date) (model.Grid, error) {
	return shownErr(s.Service.ClassGrid(t, day))
}

// Dashboard returns the dashboard, shown.
func (s service) Dashboard() (model.Dashboard, error) { return shownErr(s.Service.Dashboard()) }

// DayAbsences returns the desk's lines, shown.
func (s service) DayAbsences(day model.Date, f model.DeskFilter) ([]model.DeskLine, error) {
	return shownErr(s.Service.DayAbsences(day, f))
}

// DaySeances returns the day's séances, shown.
func (s service) DaySeances(day model.Date) ([]model.SeanceStatus, error) {
	return shownErr(s.Service.DaySeances(day))
}

// Discordances returns the day's discordances, shown.
func (s service) Discordances(day model.Date) ([]model.Discordance, error) {
	return shownErr(s.Service.Discordances(day))
}

// EditAccount changes an account; the account comes back shown.
func (s service) EditAccount(login string, fn func(*model.Account) error) (model.Account, error) {
	return shownErr(s.Service.EditAccount(login, fn))
}

// EditNotice changes an announced absence as it was shown; the notice comes back shown.
func (s service) EditNotice(seen model.Notice, from, to time.Time, code string, replace bool) (model.Notice, error) {
	return shownErr(s.Service.EditNotice(seen, from, to, code, replace))
}

// ExplainPupil returns a pupil's counts explained, shown.
func (s service) ExplainPupil(id model.PupilID, from, to model.Date) (model.PupilFigures, error) {
	return shownErr(s.Service.ExplainPupil(id, from, to))
}

// FindPupils returns the pupils found, shown.
func (s service) FindPupils(query string, limit int) ([]model.Pupil, error) {
	return shownErr(s.Service.FindPupils(query, limit))
}

// GateSearch returns the arrivals found, shown.
func (s service) GateSearch(query string, limit int) ([]model.Arrival, error) {
	return shownErr(s.Service.GateSearch(query, limit))
}

// GridTargets returns the grids the actor may open, shown.
func (s service) GridTargets() ([]model.Target, model.Target, error) {
	targets, first, err := s.Service.GridTargets()
	return shown(targets), shown(first), err
}

// ApplyMotive applies a motive to what was shown; the outcome comes back shown.
func (s service) ApplyMotive(req model.MotiveRequest) (model.BulkOutcome, error) {
	return shownErr(s.Service.ApplyMotive(req))
}

// MissingRollCalls returns the roll calls not done, shown.
func (s service) MissingRollCalls(day model.Date) ([]model.SeanceStatus, error) {
	return shownErr(s.Service.MissingRollCalls(day))
}

// Motives returns the motive list, shown.
func (s service) Motives() ([]model.Motive, error) { return shownErr(s.Service.Motives()) }

// MySeances returns the actor's séances, shown.
func (s service) MySeances(day model.Date) ([]model.SeanceStatus, error) {
	return shownErr(s.Service.MySeances(day))
}

// Notices returns the announced absences, shown.
func (s service) Notices(day model.Date) ([]model.NoticeLine, error) {
	return shownErr(s.Service.Notices(day))
}

// Preview returns what a motive key would change, shown.
func (s service) Preview(req model.MotiveRequest) (model.Preview, error) {
	return shownErr(s.Service.Preview(req))
}

// PreviewKinds returns what a valable and a non valable motive would change, shown.
func (s service) PreviewKinds(seen []model.Shown) (model.KindsPreview, error) {
	return shownErr(s.Service.PreviewKinds(seen))
}

// PreviewNotice returns what an announced absence would count now, shown.
func (s service) PreviewNotice(pupil model.PupilID, from, to time.Time, replacing string) (model.NoticePreview, error) {
	return shownErr(s.Service.PreviewNotice(pupil, from, to, replacing))
}

// PupilAbsences returns a pupil's absences, shown.
func (s service) PupilAbsences(pupil model.PupilID, from, to model.Date) ([]model.Attendance, error) {
	return shownErr(s.Service.PupilAbsences(pupil, from, to))
}

// PupilFile returns a pupil's file, shown.
func (s service) PupilFile(id model.PupilID, period model.Period, week model.Date) (model.PupilFile, error) {
	return shownErr(s.Service.PupilFile(id, period, week))
}

// PupilGrid returns a pupil's grid, shown.
func (s service) PupilGrid(id model.PupilID, from, to model.Date) (model.Grid, error) {
	return shownErr(s.Service.PupilGrid(id, from, to))
}

// RecordArrival records a late arrival; the arrival comes back shown.
func (s service) RecordArrival(pupil model.PupilID, code string) (model.Arrival, error) {
	return shownErr(s.Service.RecordArrival(pupil, code))
}

// RecordReport records a report; it comes back shown.
func (s service) RecordReport(pupil model.PupilID, month, note string) (model.Report, error) {
	return shownErr(s.Service.RecordReport(pupil, month, note))
}

// Redo replays an undone action; what it did comes back shown.
func (s service) Redo() (model.Replay, error) { return shownErr(s.Service.Redo()) }

// Remind reminds the teachers of a séance; their names come back shown.
func (s service) Remind(id model.SeanceID) ([]string, error) { return shownErr(s.Service.Remind(id)) }

// Requalify changes the kind of the absences shown; the outcome comes back shown.
func (s service) Requalify(seen []model.Shown, kind model.MarkKind) (model.BulkOutcome, error) {
	return shownErr(s.Service.Requalify(seen, kind))
}

// RollSheet returns a séance's roll call, shown.
func (s service) RollSheet(id model.SeanceID) (model.RollSheet, error) {
	return shownErr(s.Service.RollSheet(id))
}

// SaveMotive saves a motive; it comes back shown.
func (s service) SaveMotive(m model.Motive) (model.Motive, error) {
	return shownErr(s.Service.SaveMotive(m))
}

// SeanceLog returns the séances of a range, shown.
func (s service) SeanceLog(from, to model.Date) ([]model.SeanceStatus, error) {
	return shownErr(s.Service.SeanceLog(from, to))
}

// SetMark records a mark; the attendance comes back shown.
func (s service) SetMark(id model.SeanceID, pupil model.PupilID, kind model.MarkKind) (model.Attendance, error) {
	return shownErr(s.Service.SetMark(id, pupil, kind))
}

// SetLateMinutes corrects a lateness's minutes; the attendance comes back shown.
func (s service) SetLateMinutes(id model.SeanceID, pupil model.PupilID, minutes int) (model.Attendance, error) {
	return shownErr(s.Service.SetLateMinutes(id, pupil, minutes))
}

// SetValidity overrules the validity of what was shown; the outcome comes back shown.
func (s service) SetValidity(seen []model.Shown, valid bool) (model.BulkOutcome, error) {
	return shownErr(s.Service.SetValidity(seen, valid))
}

// Statistics returns the counts of a period, shown.
func (s service) Statistics(from, to model.Date) (model.Statistics, error) {
	return shownErr(s.Service.Statistics(from, to))
}

// Undo takes back an action; what it did comes back shown.
func (s service) Undo() (model.Replay, error) { return shownErr(s.Service.Undo()) }

// ValidateRollCall validates a roll call; it comes back shown.
func (s service) ValidateRollCall(id model.SeanceID) (model.RollCall, error) {
	return shownErr(s.Service.ValidateRollCall(id))
}

func shownErr[T any](v T, err error) (T, error) { return shown(v), err }

// EditGuardian changes a guardian's contacts; the guardian comes back shown.
func (s service) EditGuardian(id string, c model.GuardianContacts) (model.Guardian, error) {
	return shownErr(s.Service.EditGuardian(id, c))
}

// FamilyOutbox returns the notices to families, shown.
func (s service) FamilyOutbox() ([]model.FamilyNoticeLine, error) {
	return shownErr(s.Service.FamilyOutbox())
}

// NoticeMessage renders a notice: its subject and each line of its text
// shown (its line breaks kept), without the HTML.
func (s service) NoticeMessage(n model.FamilyNotice) (model.Message, error) {
	m, err := s.Service.NoticeMessage(n)
	return model.Message{Subject: shown(m.Subject), Text: shownLines(m.Text)}, err
}

// HoldFamilyNotice holds a notice or queues it again; it comes back shown.
func (s service) HoldFamilyNotice(id string, hold bool) (model.FamilyNotice, error) {
	return shownErr(s.Service.HoldFamilyNotice(id, hold))
}

// shownLines shows each line of a text, its line breaks kept.
func shownLines(text string) string {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = shown(lines[i])
	}
	return strings.Join(lines, "\n")
}

// TemplateText returns the text of a template, each line shown.
func (s service) TemplateText(kind string) (string, bool, error) {
	text, custom, err := s.Service.TemplateText(kind)
	return shownLines(text), custom, err
}

// PreviewTemplate renders a text on a real pupil, each line shown.
func (s service) PreviewTemplate(text string) (model.Message, error) {
	m, err := s.Service.PreviewTemplate(text)
	return model.Message{Subject: shown(m.Subject), Text: shownLines(m.Text)}, err
}

// SetTemplate stores a template (it returns no text of the store).
func (s service) SetTemplate(kind, text string) error { return s.Service.SetTemplate(kind, text) }

// ResetTemplate brings back a default template (it returns no text of the store).
func (s service) ResetTemplate(kind string) error { return s.Service.ResetTemplate(kind) }

// WriteLetters prints the letters of a range into the school's letters
// folder and puts them on record; the path comes back shown.
func (s service) WriteLetters(from, to model.Date) (letters.Written, error) {
	w, err := letters.WriteFolder(s.Service, from, to)
	w.Path = shown(w.Path)
	return w, err
}

// SendNoticeNow queues a notice again if it was held or failed, then hands
// it to the school's relay at once (outside the quiet hours); without a
// relay set, it stays queued for the server's next pass and the error says
// why. The notice comes back shown.
func (s service) SendNoticeNow(ctx context.Context, id string) (model.FamilyNotice, error) {
	n, err := s.Service.HoldFamilyNotice(id, false)
	if err != nil && !errors.Is(err, model.ErrConflict) {
		return shown(n), err
	}
	set, err := s.Service.Settings()
	if err != nil {
		return shown(n), err
	}
	if set.Bool(model.SettingQuietHours) && model.QuietHours(s.Service.Now()) {
		return shown(n), model.Invalid("heures sans envoi (20:00–07:00, week-end) : l'avis partira au premier passage après 07:00")
	}
	mailer, err := notify.NewSMTP(set)
	if err != nil {
		return shown(n), model.Invalid("%s : l'avis attend le prochain passage du serveur", model.UserMessage(err))
	}
	n, err = notify.Send(ctx, s.Service, mailer, id)
	return shown(n), err
}

// Incidents returns the incidents the actor may see, shown.
func (s service) Incidents(q model.DisciplineQuery) ([]model.Incident, error) {
	return shownErr(s.Service.Incidents(q))
}

// Punishments returns the punishments the actor may see, shown.
func (s service) Punishments(q model.DisciplineQuery) ([]model.Punishment, error) {
	return shownErr(s.Service.Punishments(q))
}

// Sanctions returns the sanctions not erased, shown.
func (s service) Sanctions(q model.DisciplineQuery, withErased bool) ([]model.Sanction, error) {
	return shownErr(s.Service.Sanctions(q, withErased))
}

// Detentions returns the detention sessions with their pupils, shown.
func (s service) Detentions(from model.Date) ([]model.DetentionSheet, error) {
	return shownErr(s.Service.Detentions(from))
}

// DisciplineKinds returns a list of kinds, shown.
func (s service) DisciplineKinds(name string) ([]model.DisciplineKind, error) {
	return shownErr(s.Service.DisciplineKinds(name))
}

// MissingReports returns the exclusions from a lesson without a report, shown.
func (s service) MissingReports() ([]model.Punishment, error) {
	return shownErr(s.Service.MissingReports())
}

// PupilDiscipline returns the discipline pane of a pupil's file, shown.
func (s service) PupilDiscipline(id model.PupilID) (model.PupilDiscipline, error) {
	return shownErr(s.Service.PupilDiscipline(id))
}

// ReportIncident records an incident; it comes back shown.
func (s service) ReportIncident(i model.Incident) (model.Incident, error) {
	return shownErr(s.Service.ReportIncident(i))
}

// Punish gives a punishment; it comes back shown.
func (s service) Punish(p model.Punishment) (model.Punishment, error) {
	return shownErr(s.Service.Punish(p))
}

// SetPunishmentState records a punishment done or not; it comes back shown.
func (s service) SetPunishmentState(id string, st model.PunishmentState) (model.Punishment, error) {
	return shownErr(s.Service.SetPunishmentState(id, st))
}

// WriteExclusionReport records an exclusion's report; it comes back shown.
func (s service) WriteExclusionReport(id, report string) (model.Punishment, error) {
	return shownErr(s.Service.WriteExclusionReport(id, report))
}

// ExcludeFromLesson marks e and opens the exclusion; both come back shown.
func (s service) ExcludeFromLesson(id model.SeanceID, pupil model.PupilID) (model.Punishment, model.Attendance, error) {
	p, a, err := s.Service.ExcludeFromLesson(id, pupil)
	return shown(p), shown(a), err
}

// PlanDetention plans a detention session; it comes back shown.
func (s service) PlanDetention(d model.DetentionSession) (model.DetentionSession, error) {
	return shownErr(s.Service.PlanDetention(d))
}

// SetDetentionMark marks a pupil at a detention; the sheet comes back shown.
func (s service) SetDetentionMark(id string, pupil model.PupilID, kind model.MarkKind) (model.DetentionSheet, error) {
	return shownErr(s.Service.SetDetentionMark(id, pupil, kind))
}

// TakeDetentionRoll validates a detention's roll call; the sheet comes back shown.
func (s service) TakeDetentionRoll(id string) (model.DetentionSheet, error) {
	return shownErr(s.Service.TakeDetentionRoll(id))
}

// Pronounce records a sanction; it comes back shown.
func (s service) Pronounce(x model.Sanction) (model.Sanction, error) {
	return shownErr(s.Service.Pronounce(x))
}

// TellFamily queues the notices of a punishment or a sanction; they come back shown.
func (s service) TellFamily(record string) ([]model.FamilyNotice, error) {
	return shownErr(s.Service.TellFamily(record))
}

// DisciplineStats returns the discipline's counts, shown.
func (s service) DisciplineStats(from, to model.Date) ([]model.DisciplineCount, error) {
	return shownErr(s.Service.DisciplineStats(from, to))
}

// PlaceInDetention places a retenue in a session; it comes back shown.
func (s service) PlaceInDetention(punishment, session string) (model.Punishment, error) {
	return shownErr(s.Service.PlaceInDetention(punishment, session))
}

// CancelSanction withdraws a sanction (it returns no text of the store).
func (s service) CancelSanction(id, reason string) error { return s.Service.CancelSanction(id, reason) }

// CountingPreview says how many pupils' figures new counting rules change (no text of the store).
func (s service) CountingPreview(next model.Settings) (model.CountingChange, error) {
	return s.Service.CountingPreview(next)
}

// SetCounting applies new counting rules (no text of the store).
func (s service) SetCounting(next model.Settings) (model.CountingChange, error) {
	return s.Service.SetCounting(next)
}

// SlotGridPreview says what a new bell grid does to the timetable, shown.
func (s service) SlotGridPreview(slots []model.Slot, from model.Date) (model.SlotGridChange, error) {
	return shownErr(s.Service.SlotGridPreview(slots, from))
}

// SetSlots replaces the bell grid from a date; what it did comes back shown.
func (s service) SetSlots(slots []model.Slot, from model.Date) (model.SlotGridChange, error) {
	return shownErr(s.Service.SetSlots(slots, from))
}

// WeekPreview says what a new usual week does to the timetable, shown.
func (s service) WeekPreview(days []time.Weekday, closed []model.WeekHalfDay, from model.Date) (model.WeekChange, error) {
	return shownErr(s.Service.WeekPreview(days, closed, from))
}

// SetWeek changes the usual week from a date; what it did comes back shown.
func (s service) SetWeek(days []time.Weekday, closed []model.WeekHalfDay, from model.Date) (model.WeekChange, error) {
	return shownErr(s.Service.SetWeek(days, closed, from))
}

// SetPeriods replaces the year's periods (a write).
func (s service) SetPeriods(periods []model.Period) error { return s.Service.SetPeriods(periods) }

// ExtraDaySeances lists the séances an extra day would have, shown.
func (s service) ExtraDaySeances(x model.ExtraDay) ([]model.Seance, error) {
	return shownErr(s.Service.ExtraDaySeances(x))
}

// AddExtraDay adds a day with courses (a write).
func (s service) AddExtraDay(x model.ExtraDay) error { return s.Service.AddExtraDay(x) }

// RemoveExtraDay takes an extra day off the calendar (a write).
func (s service) RemoveExtraDay(d model.Date) error { return s.Service.RemoveExtraDay(d) }

// ClosurePreview counts the séances a closure would cancel (no text).
func (s service) ClosurePreview(h model.Holiday) (int, error) { return s.Service.ClosurePreview(h) }

// AddClosure adds a closure (a write).
func (s service) AddClosure(h model.Holiday) error { return s.Service.AddClosure(h) }

// RemoveClosure takes a closure off the calendar (a write).
func (s service) RemoveClosure(name string) error { return s.Service.RemoveClosure(name) }

// SetAcademie sets the school's zone and time zone (a write).
func (s service) SetAcademie(name string) (model.Academie, error) { return s.Service.SetAcademie(name) }
