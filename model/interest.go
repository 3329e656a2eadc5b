package model

import (
	"cmp"
	"slices"
	"sync/atomic"
)

// Interest says which committed changes a watcher of the feed wants, so that
// a session is handed only the changes its screens show. Build one with the
// constructors below and Union; an Interest is immutable, and its slices are
// shared between the values built from it. The zero Interest (NoChanges)
// wants only the Resync changes that every watcher gets.
type Interest struct {
	all     bool
	kinds   ChangeKind
	logins  []string
	seances []SeanceID
	pupils  []pupilsOn
}

// pupilsOn is a set of pupils on one date; the zero date stands for any date.
type pupilsOn struct {
	date   Date
	pupils []PupilID
}

// NoChanges wants nothing but the Resync changes every watcher gets: the
// interest of a screen that shows nothing of the school yet.
func NoChanges() Interest { return Interest{} }

// AllChanges wants every change.
func AllChanges() Interest { return Interest{all: true} }

// KindsInterest wants the changes that touch any of kinds.
func KindsInterest(kinds ChangeKind) Interest { return Interest{kinds: kinds} }

// NotificationsInterest wants the changes that carry a notification to login.
func NotificationsInterest(login string) Interest { return Interest{logins: []string{login}} }

// SeancesInterest wants the changes that touch any of the séances.
func SeancesInterest(ids ...SeanceID) Interest { return Interest{seances: sortedSet(ids)} }

// PupilsInterest wants the changes that touch any of the pupils on date d,
// or on any date when d is zero; with no pupils it is NoChanges.
func PupilsInterest(d Date, ids ...PupilID) Interest {
	if len(ids) == 0 {
		return NoChanges()
	}
	return Interest{pupils: []pupilsOn{{date: d, pupils: sortedSet(ids)}}}
}

// Union wants what i or o wants. It shares their slices where it can, so
// that adding an interest to an empty one allocates nothing.
func (i Interest) Union(o Interest) Interest {
	if i.all || o.all {
		return AllChanges()
	}
	return Interest{
		kinds:   i.kinds | o.kinds,
		logins:  unionSorted(i.logins, o.logins),
		seances: unionSorted(i.seances, o.seances),
		pupils:  unionPupils(i.pupils, o.pupils),
	}
}

// Equal reports whether i and o want the same changes as built.
func (i Interest) Equal(o Interest) bool {
	return i.all == o.all && i.kinds == o.kinds && slices.Equal(i.logins, o.logins) &&
		slices.Equal(i.seances, o.seances) &&
		slices.EqualFunc(i.pupils, o.pupils, func(a, b pupilsOn) bool {
			return a.date == b.date && slices.Equal(a.pupils, b.pupils)
		})
}

// Matches reports whether the watcher wants c. It allocates nothing: the
// store runs it for every watcher when it publishes a change.
func (i Interest) Matches(c Change) bool {
	return i.all || c.Resync || c.Kinds&i.kinds != 0 ||
		i.notified(c.Notifications) || anyIn(c.Seances, i.seances) || i.touchesPupils(c)
}

// Wide reports whether the interest wants every change.
func (i *Interest) Wide() bool { return i.all }

// Kinds returns the kinds of change the interest wants whatever they touch.
func (i *Interest) Kinds() ChangeKind { return i.kinds }

// Logins returns the accounts whose notifications the interest wants.
func (i *Interest) Logins() []string { return i.logins }

// Keys returns the séance and pupil identifiers the interest names, whatever
// the date: a change that touches none of them, of no wanted kind and with
// no wanted notification, is not wanted.
func (i *Interest) Keys() []string {
	out := make([]string, 0, len(i.seances))
	for _, id := range i.seances {
		out = append(out, string(id))
	}
	for _, p := range i.pupils {
		for _, id := range p.pupils {
			out = append(out, string(id))
		}
	}
	return out
}

func (i Interest) notified(notes []Notification) bool {
	for _, n := range notes {
		if _, ok := slices.BinarySearch(i.logins, n.To); ok {
			return true
		}
	}
	return false
}

func (i Interest) touchesPupils(c Change) bool {
	for _, p := range i.pupils {
		if (p.date.IsZero() || slices.Contains(c.Dates, p.date)) && anyIn(c.Pupils, p.pupils) {
			return true
		}
	}
	return false
}

// anyIn reports whether one of xs is in set (sorted).
func anyIn[T cmp.Ordered](xs, set []T) bool {
	for _, x := range xs {
		if _, ok := slices.BinarySearch(set, x); ok {
			return true
		}
	}
	return false
}

// sortedSet returns xs sorted, without duplicates, in a slice of its own.
func sortedSet[T cmp.Ordered](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// unionSorted merges two sorted sets, returning one of them when it holds
// the other.
func unionSorted[T cmp.Ordered](a, b []T) []T {
	switch {
	case len(b) == 0 || slices.Equal(a, b):
		return a
	case len(a) == 0:
		return b
	}
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// unionPupils merges two lists of pupil sets sorted by date, one set a date.
func unionPupils(a, b []pupilsOn) []pupilsOn {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := slices.Clone(a)
	for _, p := range b {
		k, found := slices.BinarySearchFunc(out, p.date, func(x pupilsOn, d Date) int { return x.date.Compare(d) })
		if found {
			out[k].pupils = unionSorted(out[k].pupils, p.pupils)
		} else {
			out = slices.Insert(out, k, p)
		}
	}
	return out
}

// InterestBox holds a watcher's Interest: the session replaces it as its
// screens change while the store reads it, from another goroutine, for each
// change it publishes. A box never Set (Unset) wants every change: a
// session's first screens see everything until they say what they show.
type InterestBox struct {
	p     atomic.Pointer[Interest]
	onSet atomic.Pointer[func()]
}

// Load returns the box's interest, nil when none was ever Set.
func (b *InterestBox) Load() *Interest {
	if b == nil {
		return nil
	}
	return b.p.Load()
}

// OnSet makes the box call f after each Set that changes its interest (the
// store indexes its watchers by what they want).
func (b *InterestBox) OnSet(f func()) { b.onSet.Store(&f) }

// Set makes i the box's interest; it stores nothing when i equals the
// current one.
func (b *InterestBox) Set(i Interest) {
	if cur := b.p.Load(); cur != nil && cur.Equal(i) {
		return
	}
	b.p.Store(&i)
	if f := b.onSet.Load(); f != nil {
		(*f)()
	}
}

// Unset reports whether no Interest was ever Set.
func (b *InterestBox) Unset() bool { return b.p.Load() == nil }

// Matches reports whether the box's interest wants c; a nil or unset box
// wants every change.
func (b *InterestBox) Matches(c Change) bool {
	i := b.Load()
	return i == nil || i.Matches(c)
}
