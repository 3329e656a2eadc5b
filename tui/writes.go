package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// markWrites keeps a session's marks in order: at most one write per
// (séance, pupil) is in flight; a newer wish waits for it and is sent when it
// is acknowledged, so the last key typed is the one stored.
type markWrites struct {
	desired  map[model.MarkKey]model.MarkKind
	inflight map[model.MarkKey]bool
}

func newMarkWrites() markWrites {
	return markWrites{desired: map[model.MarkKey]model.MarkKind{}, inflight: map[model.MarkKey]bool{}}
}

// markDoneMsg is the commit (or failure) of one mark.
type markDoneMsg struct {
	key  model.MarkKey
	kind model.MarkKind
	att  model.Attendance
	err  error
	// exclusion is the exclusion from the lesson that an e mark opened.
	exclusion *model.Punishment
}

// want records a wish and returns the write to start, if none is in flight.
func (w markWrites) want(svc service, k model.MarkKey, kind model.MarkKind) tea.Cmd {
	w.desired[k] = kind
	if w.inflight[k] {
		return nil
	}
	w.inflight[k] = true
	return setMarkCmd(svc, k, kind)
}

func setMarkCmd(svc service, k model.MarkKey, kind model.MarkKind) tea.Cmd {
	if kind == model.KindExcluded {
		return func() tea.Msg {
			p, att, err := svc.ExcludeFromLesson(k.Seance, k.Pupil)
			return markDoneMsg{key: k, kind: kind, att: att, err: err, exclusion: &p}
		}
	}
	return func() tea.Msg {
		att, err := svc.SetMark(k.Seance, k.Pupil, kind)
		return markDoneMsg{key: k, kind: kind, att: att, err: err}
	}
}

// done settles an acknowledgement and returns the next write, if the wish
// changed meanwhile.
func (w markWrites) done(svc service, msg markDoneMsg) tea.Cmd {
	delete(w.inflight, msg.key)
	want, ok := w.desired[msg.key]
	if msg.err != nil || !ok || want == msg.kind {
		delete(w.desired, msg.key)
		return nil
	}
	w.inflight[msg.key] = true
	return setMarkCmd(svc, msg.key, want)
}

// pendingKind returns the kind wished for k and not yet committed.
func (w markWrites) pendingKind(k model.MarkKey) (model.MarkKind, bool) {
	kind, ok := w.desired[k]
	return kind, ok
}

func (w markWrites) pending() int { return len(w.desired) }
