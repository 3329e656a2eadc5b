package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Settings of the notices to families.
const (
	SettingNoticesOn    = "notices.on"
	SettingNoticesDelay = "notices.delay"
	SettingQuietHours   = "notices.quiet"
	SettingLatenessOn   = "notices.lateness"
	SettingRelanceDays  = "notices.relance"
	SettingSMTPAddr     = "smtp.addr"
	SettingSMTPTLS      = "smtp.tls"
	SettingSMTPUser     = "smtp.user"
	SettingSMTPFrom     = "smtp.from"
	SettingSMTPTries    = "smtp.tries"
	SettingSMTPBackoff  = "smtp.backoff"
	SettingSMTPTimeout  = "smtp.timeout"
	SettingSchoolPhone  = "school.phone"
	SettingSchoolAddr   = "school.address"
	SettingCPEName      = "school.cpe"
	SettingLettersDir   = "letters.dir"
)

// SMTPPasswordEnv is the environment variable holding the relay's password:
// it is never stored in the db nor written to an export.
const SMTPPasswordEnv = "APPEL_SMTP_PASSWORD"

func init() {
	RegisterSettings(
		SettingDef{Key: SettingNoticesOn, Label: "avis aux familles décidés et envoyés", Kind: SettingBool, Default: "non",
			Help: "oui : appel serve (et appel notify) décident les avis d'absence et les relances et les envoient"},
		SettingDef{Key: SettingNoticesDelay, Label: "minutes entre la marque d'absence et l'avis d'absence", Kind: SettingInt,
			Default: "15", Min: 0, Max: 240, Help: "une marque corrigée avant ce délai ne part jamais"},
		SettingDef{Key: SettingQuietHours, Label: "aucun envoi de 20:00 à 07:00 ni du vendredi 20:00 au lundi 07:00",
			Kind: SettingBool, Default: "oui", Help: "circulaire du 10 juillet 2025 : un avis dû pendant ces heures attend le matin"},
		SettingDef{Key: SettingLatenessOn, Label: "avis de retard aux familles", Kind: SettingBool, Default: "non",
			Help: "oui : un retard sans motif vaut un avis au foyer, une fois par demi-journée"},
		SettingDef{Key: SettingRelanceDays, Label: "jours sans motif avant une relance (0 : aucune)", Kind: SettingInt,
			Default: "3", Min: 0, Max: 60},
		SettingDef{Key: SettingSMTPAddr, Label: "relais SMTP de l'établissement (HÔTE:PORT)", Kind: SettingAddr},
		SettingDef{Key: SettingSMTPTLS, Label: "chiffrement vers le relais", Kind: SettingChoice, Default: "starttls",
			Choices: []string{"none", "starttls", "tls"}},
		SettingDef{Key: SettingSMTPUser, Label: "identifiant auprès du relais (mot de passe : variable " + SMTPPasswordEnv + ")",
			Kind: SettingText},
		SettingDef{Key: SettingSMTPFrom, Label: "expéditeur des avis (adresse de la vie scolaire)", Kind: SettingEmail},
		SettingDef{Key: SettingSMTPTries, Label: "essais d'envoi avant « en échec »", Kind: SettingInt, Default: "5", Min: 1, Max: 20},
		SettingDef{Key: SettingSMTPBackoff, Label: "attente avant le deuxième essai (doublée ensuite)", Kind: SettingDuration,
			Default: "1m"},
		SettingDef{Key: SettingSMTPTimeout, Label: "temps laissé au relais pour un envoi", Kind: SettingDuration, Default: "30s"},
		SettingDef{Key: SettingSchoolPhone, Label: "téléphone de la vie scolaire (avis, courriers)", Kind: SettingText},
		SettingDef{Key: SettingSchoolAddr, Label: "adresse postale de l'établissement, lignes séparées par /", Kind: SettingText},
		SettingDef{Key: SettingCPEName, Label: "nom du CPE qui signe les courriers", Kind: SettingText},
		SettingDef{Key: SettingLettersDir, Label: "dossier du serveur où l'écran Familles écrit les courriers (PDF)", Kind: SettingPath},
	)
}

// FamilyNotices returns the notices to families, newest half-day first;
// pupil "" gives every pupil's.
func (s *Service) FamilyNotices(pupil PupilID) ([]FamilyNotice, error) {
	if err := s.Require(PermContacts); err != nil {
		return nil, err
	}
	var all []FamilyNotice
	err := s.store.View(func(tx ReadTx) error {
		var err error
		all, err = tx.AllFamilyNotices()
		return err
	})
	if pupil != "" {
		all = slices.DeleteFunc(all, func(n FamilyNotice) bool { return !slices.Contains(n.Pupils, pupil) })
	}
	slices.Reverse(all)
	return all, err
}

// QuietHours reports whether t falls in the hours when no message goes to
// families: 20:00 to 07:00, and Friday 20:00 to Monday 07:00 (t in the
// school's time zone).
func QuietHours(t time.Time) bool {
	if w := t.Weekday(); w == time.Saturday || w == time.Sunday {
		return true
	}
	return t.Hour() < 7 || t.Hour() >= 20
}

// OutboxDue returns the e-mail notices that the sender may try at the clock:
// queued, due for another try, or cut by a crash while sending; none during
// the quiet hours (notices.quiet), when they wait for the morning.
func (s *Service) OutboxDue() ([]FamilyNotice, error) {
	set, err := s.Settings()
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if set.Bool(SettingQuietHours) && QuietHours(now) {
		return nil, nil
	}
	all, err := s.FamilyNotices("")
	all = slices.DeleteFunc(all, func(n FamilyNotice) bool {
		return n.Channel != ChannelMail || !n.Pending() || n.NextTry.After(now)
	})
	slices.Reverse(all)
	return all, err
}

// ClaimFamilyNotice marks a notice as being sent, before the relay is
// called, and gives it its Message-ID (kept for every later try). A notice
// found « envoi en cours » was cut by a crash: it is sent again with the same
// Message-ID and the record says so. An avis or a relance whose absences
// have since been corrected, announced or given a motive is « annulé » and
// not sent (check Status). domain is the sender's mail domain.
func (s *Service) ClaimFamilyNotice(id, domain string) (FamilyNotice, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return FamilyNotice{}, err
	}
	if err := pol.Require(PermFamilies); err != nil {
		return FamilyNotice{}, err
	}
	now := s.now().In(dir.Location())
	set, err := s.Settings()
	if err != nil {
		return FamilyNotice{}, err
	}
	var out FamilyNotice
	_, err = s.update("avis aux familles : envoi", func(tx Tx) error {
		n, ok, err := tx.FamilyNotice(id)
		if err != nil || !ok {
			return firstErr(err, NotFound("avis %s introuvable", id))
		}
		if !n.Pending() {
			return Conflict("avis %s : %s, rien à envoyer", id, n.Status)
		}
		if n.Status == StatusSending && now.Before(n.ClaimedAt.Add(set.Duration(SettingSMTPTimeout)+claimMargin)) {
			return Conflict("avis %s : un envoi est en cours (depuis %s)", id, n.ClaimedAt.In(dir.Location()).Format("15:04:05"))
		}
		still, err := stillUnexcused(tx, dir, n, now)
		if err != nil {
			return err
		}
		if n.Record != "" {
			// A discipline notice tells of its record, not of absences.
			still = n.Seances
		} else if len(still) == 0 {
			n.Status, n.NextTry = StatusCancelled, time.Time{}
			n.Reply = "plus d'absence sans motif à signaler (corrigée, annoncée ou justifiée) : rien n'est envoyé"
			out = n
			return tx.PutFamilyNotice(n)
		}
		n.Seances = still
		if n.Status == StatusSending {
			n.Resent = true
		}
		if n.MessageID == "" {
			n.MessageID = fmt.Sprintf("<%s.%d@%s>", strings.ReplaceAll(n.ID, "+", "."), s.now().UnixNano(), domain)
		}
		n.Status, n.Attempts, n.ClaimedAt = StatusSending, n.Attempts+1, now
		out = n
		return tx.PutFamilyNotice(n)
	})
	return out, err
}

// claimMargin is added to smtp.timeout before a notice found « envoi en
// cours » counts as cut by a crash (rather than being sent by another
// sender right now: the server's pass, a « send now » on a screen).
const claimMargin = 5 * time.Second

// stillUnexcused returns the séances of the notice in which one of its
// pupils is still absent at now without motive nor announced absence.
func stillUnexcused(tx ReadTx, dir *Directory, n FamilyNotice, now time.Time) ([]SeanceID, error) {
	loc := dir.Location()
	var out []SeanceID
	for _, id := range n.Seances {
		se, ok := dir.Seance(id)
		if !ok {
			continue
		}
		for _, p := range n.Pupils {
			m, had, err := tx.Mark(MarkKey{id, p})
			if err != nil {
				return nil, err
			}
			notices, err := tx.NoticesOfPupil(p)
			if err != nil {
				return nil, err
			}
			kind := KindAbsent
			if n.Kind == FamilyLateness {
				kind = KindLate
			}
			if owed(Resolve(se, p, ptrIf(m, had), notices, loc).At(now, loc), kind) {
				out = append(out, id)
				break
			}
		}
	}
	return out, nil
}

// FamilyNoticeOutcome records how a sending went: sent; or the relay's
// reply, with another try after the backoff (doubled at each try) until
// smtp.tries, then « en échec ». permanent failures (a refused address)
// fail at once.
func (s *Service) FamilyNoticeOutcome(id string, sendErr error, permanent bool) (FamilyNotice, error) {
	if err := s.Require(PermFamilies); err != nil {
		return FamilyNotice{}, err
	}
	set, err := s.Settings()
	if err != nil {
		return FamilyNotice{}, err
	}
	now := s.now()
	var out FamilyNotice
	_, err = s.update("avis aux familles : résultat", func(tx Tx) error {
		n, ok, err := tx.FamilyNotice(id)
		if err != nil || !ok {
			return firstErr(err, NotFound("avis %s introuvable", id))
		}
		n.settle(sendErr, permanent, now, set)
		out = n
		return tx.PutFamilyNotice(n)
	})
	return out, err
}

func (n *FamilyNotice) settle(sendErr error, permanent bool, now time.Time, set SettingValues) {
	if sendErr == nil {
		n.Status, n.SentAt, n.Reply, n.NextTry = StatusSent, now, "", time.Time{}
		return
	}
	n.Reply = Visible(sendErr.Error())
	if permanent || n.Attempts >= set.Int(SettingSMTPTries) {
		n.Status, n.NextTry = StatusFailed, time.Time{}
		return
	}
	n.Status, n.NextTry = StatusRetry, now.Add(Backoff(set.Duration(SettingSMTPBackoff), n.Attempts))
}

// Backoff is the wait after the attempts-th failed try: base, doubled at
// each try, at most an hour.
func Backoff(base time.Duration, attempts int) time.Duration {
	d := base
	for i := 1; i < attempts && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// HoldFamilyNotice holds a queued notice (hold) or queues a held or failed
// one again to be sent at once.
func (s *Service) HoldFamilyNotice(id string, hold bool) (FamilyNotice, error) {
	if err := s.Require(PermFamilies); err != nil {
		return FamilyNotice{}, err
	}
	var out FamilyNotice
	verb := "avis aux familles remis en envoi"
	if hold {
		verb = "avis aux familles retenu"
	}
	_, err := s.update(verb, func(tx Tx) error {
		n, ok, err := tx.FamilyNotice(id)
		if err != nil || !ok {
			return firstErr(err, NotFound("avis %s introuvable", id))
		}
		switch {
		case hold && (n.Status == StatusQueued || n.Status == StatusRetry):
			n.Status = StatusHeld
		case !hold && (n.Status == StatusHeld || n.Status == StatusFailed || n.Status == StatusRetry):
			n.Status, n.NextTry, n.Attempts = StatusQueued, time.Time{}, 0
		default:
			return Conflict("avis %s : %s, rien à changer", id, n.Status)
		}
		out = n
		return tx.PutFamilyNotice(n)
	})
	return out, err
}

// FamilyNoticeLine is a notice as the Familles screen lists it, with its
// pupils' names.
type FamilyNoticeLine struct {
	Notice FamilyNotice
	Pupils string
}

// FamilyOutbox returns every notice to families, newest half-day first,
// with the pupils' names, for the vie scolaire.
func (s *Service) FamilyOutbox() ([]FamilyNoticeLine, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermFamilies); err != nil {
		return nil, err
	}
	all, err := s.FamilyNotices("")
	out := make([]FamilyNoticeLine, len(all))
	for i, n := range all {
		var names []string
		for _, id := range n.Pupils {
			if p, ok := dir.Pupil(id); ok {
				names = append(names, p.FullName())
			}
		}
		out[i] = FamilyNoticeLine{Notice: n, Pupils: strings.Join(names, ", ")}
	}
	return out, err
}

// NoticeMessage renders a notice as it is (or was) sent: subject, text, HTML.
func (s *Service) NoticeMessage(n FamilyNotice) (Message, error) {
	if err := s.Require(PermContacts); err != nil {
		return Message{}, err
	}
	t, err := s.TemplateFor(n.Kind)
	if err != nil {
		return Message{}, err
	}
	d, err := s.NoticeData(n)
	if err != nil {
		return Message{}, err
	}
	return Render(t, d)
}
