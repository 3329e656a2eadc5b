package main

import (
	"fmt"
	"time"

	"appel/model"
	"appel/storage"
)

// audit is the store's account of what the clients saw saved.
type audit struct {
	Checked int // marks the clients saw confirmed
	Lost    int // confirmed marks missing or different in the store
	Extra   int // unconfirmed keys that the store kept (allowed)
	Details []string
}

// verify opens the db (the server stopped), checks its consistency, and
// compares each teacher's stored roll call with what the client saw saved.
// With settle, the sheets take what the store holds where a pending key
// landed, so that a crash run can go on.
func verify(path string, ts []teacher, sheets []*sheet, settle bool) (audit, error) {
	var a audit
	db, err := storage.Open(path, storage.Options{Timeout: 10 * time.Second})
	if err != nil {
		return a, err
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		return a, fmt.Errorf("base incohérente : %v", err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return a, err
	}
	clock := func() time.Time { return loadDay.Time(8*60+5, paris) }
	for i, s := range sheets {
		if s == nil {
			continue
		}
		stored, err := storedKinds(db, ts[i], clock)
		if err != nil {
			return a, err
		}
		a.compare(ts[i].Login, s, stored)
		if settle {
			s.settle(stored)
		}
	}
	return a, nil
}

func storedKinds(db *storage.DB, t teacher, clock func() time.Time) (map[int]byte, error) {
	svc := model.NewService(db, model.Actor{Login: t.Login}, clock)
	rs, err := svc.RollSheet(t.Seance)
	if err != nil {
		return nil, fmt.Errorf("%s : %v", t.Login, err)
	}
	out := map[int]byte{}
	for _, row := range rs.Rows {
		switch row.Attendance.Kind {
		case model.KindAbsent:
			out[row.Number-1] = 'a'
		case model.KindLate:
			out[row.Number-1] = 'r'
		case model.KindPresent:
		default:
			out[row.Number-1] = '?'
		}
	}
	return out, nil
}

func (a *audit) compare(login string, s *sheet, stored map[int]byte) {
	for row, want := range s.kinds {
		got := stored[row]
		if want != 0 {
			a.Checked++
		}
		switch {
		case got == want:
		case row == s.pending && got == s.want:
			a.Extra++
		case want != 0:
			a.Lost++
			a.Details = append(a.Details, fmt.Sprintf("%s élève n° %d : vu %q, stocké %q", login, row+1, want, got))
		default:
			a.Details = append(a.Details, fmt.Sprintf("%s élève n° %d : jamais marqué, stocké %q", login, row+1, got))
			a.Lost++
		}
	}
}

// settle adopts the stored kind of the pending row, if the key landed.
func (s *sheet) settle(stored map[int]byte) {
	if s.pending >= 0 && stored[s.pending] == s.want {
		s.kinds[s.pending] = s.want
	}
	s.pending = -1
}
