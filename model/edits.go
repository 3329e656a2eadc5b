package model

import (
	"encoding/json"
	"sync"
	"time"
)

// MarkEdit is one mark changed by an action: nil Before is a creation, nil
// After a deletion.
type MarkEdit struct {
	Key    MarkKey
	Before *Mark
	After  *Mark
}

// NoticeEdit is one announced absence changed by an action.
type NoticeEdit struct {
	ID     string
	Before *Notice
	After  *Notice
}

// Action is what one user action changed, kept so that the user can undo it.
type Action struct {
	Verb    string
	Marks   []MarkEdit
	Notices []NoticeEdit
	At      time.Time
}

// Size counts the records the action changed.
func (a Action) Size() int { return len(a.Marks) + len(a.Notices) }

func (a Action) inverse(verb string) Action {
	inv := Action{Verb: verb}
	for i := len(a.Marks) - 1; i >= 0; i-- {
		e := a.Marks[i]
		inv.Marks = append(inv.Marks, MarkEdit{Key: e.Key, Before: e.After, After: e.Before})
	}
	for i := len(a.Notices) - 1; i >= 0; i-- {
		e := a.Notices[i]
		inv.Notices = append(inv.Notices, NoticeEdit{ID: e.ID, Before: e.After, After: e.Before})
	}
	return inv
}

// history is a session's undo and redo stacks. Each holds actions ready to
// apply: the undo stack the inverses of what the user did, the redo stack the
// inverses of what was undone.
type history struct {
	mu   sync.Mutex
	undo []Action
	redo []Action
}

const historyDepth = 100

func (h *history) push(a Action) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.undo = append(h.undo, a)
	if len(h.undo) > historyDepth {
		h.undo = h.undo[1:]
	}
	h.redo = nil
}

// take pops the last action of the undo (or redo) stack.
func (h *history) take(redo bool) (Action, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	stack := &h.undo
	if redo {
		stack = &h.redo
	}
	if len(*stack) == 0 {
		return Action{}, false
	}
	a := (*stack)[len(*stack)-1]
	*stack = (*stack)[:len(*stack)-1]
	return a, true
}

func (h *history) put(a Action, redo bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if redo {
		h.redo = append(h.redo, a)
	} else {
		h.undo = append(h.undo, a)
	}
}

// Replay is the result of an undo or a redo.
type Replay struct {
	Verb string
	// Applied counts the records restored; Conflicts those changed by someone
	// else since, left as they are.
	Applied, Conflicts int
}

// Undo reverts the actor's last action that is still undoable. Records changed
// by someone else since are left alone and counted as conflicts.
func (s *Service) Undo() (Replay, error) { return s.replay(false) }

// Redo re-applies the last undone action.
func (s *Service) Redo() (Replay, error) { return s.replay(true) }

func (s *Service) replay(redo bool) (Replay, error) {
	if _, _, err := s.Session(); err != nil {
		return Replay{}, err
	}
	a, ok := s.history.take(redo)
	if !ok {
		if redo {
			return Replay{}, NotFound("rien à rétablir")
		}
		return Replay{}, NotFound("rien à annuler")
	}
	verb := "annulation : " + a.Verb
	if redo {
		verb = "rétablissement : " + a.Verb
	}
	var applied Action
	var conflicts int
	_, err := s.update(verb, func(tx Tx) error {
		var err error
		applied, conflicts, err = applyEdits(tx, a)
		return err
	})
	if err != nil {
		s.history.put(a, redo)
		return Replay{}, err
	}
	applied.Verb = a.Verb
	s.history.put(applied.inverse(a.Verb), !redo)
	return Replay{Verb: a.Verb, Applied: applied.Size(), Conflicts: conflicts}, nil
}

// applyEdits writes each edit whose record is still as the edit expects it
// (Before); the others are conflicts. It returns the edits actually applied.
func applyEdits(tx Tx, a Action) (Action, int, error) {
	done := Action{Verb: a.Verb}
	conflicts := 0
	for _, e := range a.Marks {
		cur, ok, err := tx.Mark(e.Key)
		if err != nil {
			return done, 0, err
		}
		if !sameValue(ptrIf(cur, ok), e.Before) {
			conflicts++
			continue
		}
		if err := putMark(tx, e.Key, e.After); err != nil {
			return done, 0, err
		}
		done.Marks = append(done.Marks, e)
	}
	for _, e := range a.Notices {
		cur, ok, err := tx.Notice(e.ID)
		if err != nil {
			return done, 0, err
		}
		if !sameValue(ptrIf(cur, ok), e.Before) {
			conflicts++
			continue
		}
		if err := putNotice(tx, e.ID, e.After); err != nil {
			return done, 0, err
		}
		done.Notices = append(done.Notices, e)
	}
	return done, conflicts, nil
}

func putMark(tx Tx, k MarkKey, m *Mark) error {
	if m == nil {
		return tx.DeleteMark(k)
	}
	return tx.PutMark(*m)
}

func putNotice(tx Tx, id string, n *Notice) error {
	if n == nil {
		return tx.DeleteNotice(id)
	}
	return tx.PutNotice(*n)
}

func ptrIf[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

// sameValue compares two records as stored (JSON), so that times read back
// from the store equal the ones written.
func sameValue[T any](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// act runs fn in one transaction audited under verb; fn records in the action
// what it changed, and an action that changed something is kept for undo.
func (s *Service) act(verb string, fn func(tx Tx, a *Action) error) (Action, error) {
	var action Action
	_, err := s.update(verb, func(tx Tx) error {
		action = Action{Verb: verb, At: s.now()}
		return fn(tx, &action)
	})
	if err == nil && action.Size() > 0 {
		s.history.push(action.inverse(verb))
	}
	return action, err
}

// editMarks is how a program's action changes marks (Justify): inside one
// transaction it resolves each key's attendance at the clock now, asks change
// for the new mark (nil to delete; ok false to leave it), writes what
// differs, and records the action for undo. A user's action goes through
// editShown, which also leaves what changed since it was shown. change must
// be a pure function of its arguments (the transaction may run twice).
func (s *Service) editMarks(dir *Directory, verb string, keys []MarkKey, now time.Time, change func(Attendance) (*Mark, bool)) (Action, error) {
	return s.act(verb, func(tx Tx, a *Action) error {
		for _, k := range keys {
			cur, before, err := attendanceIn(tx, dir, k, now)
			if err != nil {
				return err
			}
			after, ok := change(cur)
			if !ok || sameValue(before, after) {
				continue
			}
			if err := putMark(tx, k, after); err != nil {
				return err
			}
			a.Marks = append(a.Marks, MarkEdit{Key: k, Before: before, After: after})
		}
		return nil
	})
}
