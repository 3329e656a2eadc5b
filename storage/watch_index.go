package storage

import (
	"math/bits"

	"appel/model"
)

// watchIndex finds the watchers a change may concern without looking at the
// others: with a thousand teachers' roll calls open, a mark concerns one or
// two of them. It holds each watcher under what its interest names.
type watchIndex struct {
	wide   set            // empty boxes and interests in every change
	kinds  map[uint]set   // by bit of model.ChangeKind
	logins map[string]set // by account notified
	keys   map[string]set // by séance and pupil identifier
}

type set map[*sub]struct{}

func newWatchIndex() watchIndex {
	return watchIndex{wide: set{}, kinds: map[uint]set{}, logins: map[string]set{}, keys: map[string]set{}}
}

// put indexes s under i (nil: every change) and remembers it, to drop it later.
func (x *watchIndex) put(s *sub, i *model.Interest) {
	s.indexed = i
	if i == nil || i.Wide() {
		x.wide[s] = struct{}{}
		return
	}
	for k := range kindBits(i.Kinds()) {
		addTo(x.kinds, k, s)
	}
	for _, l := range i.Logins() {
		addTo(x.logins, l, s)
	}
	for _, k := range i.Keys() {
		addTo(x.keys, k, s)
	}
}

// drop removes s from where put indexed it.
func (x *watchIndex) drop(s *sub) {
	i := s.indexed
	delete(x.wide, s)
	if i == nil || i.Wide() {
		return
	}
	for k := range kindBits(i.Kinds()) {
		removeFrom(x.kinds, k, s)
	}
	for _, l := range i.Logins() {
		removeFrom(x.logins, l, s)
	}
	for _, k := range i.Keys() {
		removeFrom(x.keys, k, s)
	}
}

// candidates calls visit once for each watcher that c may concern.
func (x *watchIndex) candidates(c *model.Change, epoch uint64, visit func(*sub)) {
	once := func(ss set) {
		for s := range ss {
			if s.seen != epoch {
				s.seen = epoch
				visit(s)
			}
		}
	}
	once(x.wide)
	for k := range kindBits(c.Kinds) {
		once(x.kinds[k])
	}
	for _, n := range c.Notifications {
		once(x.logins[n.To])
	}
	for _, id := range c.Seances {
		once(x.keys[string(id)])
	}
	for _, p := range c.Pupils {
		once(x.keys[string(p)])
	}
}

func kindBits(k model.ChangeKind) func(func(uint) bool) {
	return func(yield func(uint) bool) {
		for v := uint64(k); v != 0; v &= v - 1 {
			if !yield(uint(bits.TrailingZeros64(v))) {
				return
			}
		}
	}
}

func addTo[K comparable](m map[K]set, k K, s *sub) {
	ss, ok := m[k]
	if !ok {
		ss = set{}
		m[k] = ss
	}
	ss[s] = struct{}{}
}

func removeFrom[K comparable](m map[K]set, k K, s *sub) {
	if ss, ok := m[k]; ok {
		delete(ss, s)
		if len(ss) == 0 {
			delete(m, k)
		}
	}
}
