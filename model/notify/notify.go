// Package notify sends the notices to families that the model queues in its
// outbox: one pass (appel notify) or a loop in the background of appel serve.
// The relay is called outside any transaction, so a slow or absent relay
// never holds a roll call; every step is recorded before and after the call,
// so that a crash loses nothing and a cut sending goes again with the same
// Message-ID.
package notify

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"appel/model"
)

// Mail is one message to send.
type Mail struct {
	MessageID string
	To        []string
	Message   model.Message
}

// Mailer hands a message to the school's relay.
type Mailer interface {
	// Send returns nil once the relay accepted the message; permanent
	// reports a refusal that trying again will not change (5xx).
	Send(ctx context.Context, m Mail) (permanent bool, err error)
	// Domain is the sender's mail domain, for the Message-IDs.
	Domain() string
}

// Outcome is one notice as a pass left it.
type Outcome struct {
	Notice model.FamilyNotice
	// Pupils are the pupils' names, for the report line.
	Pupils string
}

// Pass decides the notices due at the service's clock, then tries every
// e-mail notice that may be tried (mailer nil: none is sent, for a relay not
// set). It returns the notices it queued or tried.
func Pass(ctx context.Context, svc *model.Service, mailer Mailer) ([]model.FamilyNotice, error) {
	plan, err := svc.PlanFamilyNotices(false)
	if err != nil {
		return nil, err
	}
	out := append(plan.New, plan.Grown...)
	if mailer == nil {
		return out, nil
	}
	due, err := svc.OutboxDue()
	if err != nil {
		return out, err
	}
	tried := map[string]int{}
	for i, n := range out {
		tried[n.ID] = i
	}
	for _, n := range due {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		// A notice begun is finished even if ctx ends meanwhile (a server
		// stopping): its outcome is recorded, nothing is left half-sent.
		res, err := Send(context.WithoutCancel(ctx), svc, mailer, n.ID)
		if errors.Is(err, model.ErrConflict) {
			continue // another sender has it right now
		}
		if err != nil {
			return out, err
		}
		if i, ok := tried[n.ID]; ok {
			out[i] = res
		} else {
			out = append(out, res)
		}
	}
	return out, nil
}

// Send claims one notice, renders it, hands it to the relay and records the outcome.
func Send(ctx context.Context, svc *model.Service, mailer Mailer, id string) (model.FamilyNotice, error) {
	n, err := svc.ClaimFamilyNotice(id, mailer.Domain())
	if err != nil || n.Status == model.StatusCancelled {
		return n, err
	}
	msg, err := render(svc, n)
	if err != nil {
		return svc.FamilyNoticeOutcome(id, err, true)
	}
	permanent, sendErr := mailer.Send(ctx, Mail{MessageID: n.MessageID, To: n.To, Message: msg})
	if errors.Is(sendErr, context.Canceled) {
		return n, sendErr
	}
	return svc.FamilyNoticeOutcome(id, sendErr, permanent)
}

func render(svc *model.Service, n model.FamilyNotice) (model.Message, error) {
	t, err := svc.TemplateFor(n.Kind)
	if err != nil {
		return model.Message{}, err
	}
	d, err := svc.NoticeData(n)
	if err != nil {
		return model.Message{}, err
	}
	return model.Render(t, d)
}

// Run makes a pass every interval until ctx ends, with a mailer built
// afresh from the settings each time (nil while the relay is not set, or
// notices are off). Errors are logged, never fatal. When ctx ends, the
// notice being sent is finished and recorded before Run returns.
func Run(ctx context.Context, svc *model.Service, every time.Duration, mailer func(model.SettingValues) (Mailer, error), log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		set, err := svc.Settings()
		if err == nil && set.Bool(model.SettingNoticesOn) {
			var m Mailer
			if m, err = mailer(set); err == nil {
				var done []model.FamilyNotice
				done, err = Pass(ctx, svc, m)
				logPass(log, done)
			}
		}
		if err != nil && ctx.Err() == nil {
			log.Warn("avis aux familles", "erreur", model.UserMessage(err))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// logPass says, when a pass did something, how many notices it left in each state.
func logPass(log *slog.Logger, done []model.FamilyNotice) {
	if len(done) == 0 {
		return
	}
	counts := map[string]int{}
	for _, n := range done {
		counts[n.Status]++
	}
	args := []any{"avis", len(done)}
	for _, st := range []string{model.StatusSent, model.StatusRetry, model.StatusFailed, model.StatusQueued,
		model.StatusToPrint, model.StatusUnreachable, model.StatusCancelled} {
		if counts[st] > 0 {
			args = append(args, st, counts[st])
		}
	}
	log.Info("avis aux familles", args...)
}

// Line is the report line of a notice: eleve;responsable;canal;adresse;statut.
func Line(svc *model.Service, n model.FamilyNotice) string {
	d, _ := svc.NoticeData(n)
	addr := strings.Join(n.To, ", ")
	status := n.Status
	if n.Reply != "" && n.Status != model.StatusSent {
		status += " (" + n.Reply + ")"
	}
	if n.Resent {
		status += " (renvoyé après interruption, même Message-ID)"
	}
	fields := []string{d.Eleve, n.Names, n.Channel, addr, status}
	for i, f := range fields {
		fields[i] = strings.ReplaceAll(model.Visible(f), ";", ",")
	}
	return strings.Join(fields, ";")
}
