package storage

import (
	"math/bits"

	"appel/model"
)

// watchIndex finds the watchers a change may concern without looking at the
// others: with a thousand teachers' roll calls open, a mark concerns one or
// two of them. It holds each watcher under what its interest names.
type watchIndex struct {
	wide   []*sub            // empty boxes and interests in every change
	kinds  map[uint][]*sub   // by bit of model.ChangeKind
	logins map[string][]*sub // by account notified
	keys   map[string][]*sub // by séance and pupil identifier
}

func newWatchIndex() watchIndex {
	return watchIndex{kinds: map[uint][]*sub{}, logins: map[string][]*sub{}, keys: map[string][]*sub{}}
}

// put indexes s under i (nil: every change) and remembers it, to drop it later.
func (x *watchIndex) put(s *sub, i *model.Interest) {
	s.indexed = i
	x.file(s, i, with)
}

// drop removes s from where put indexed it.
func (x *watchIndex) drop(s *sub) { x.file(s, s.indexed, without) }

// file applies edit (with or without) to s in every list that i names.
func (x *watchIndex) file(s *sub, i *model.Interest, edit func([]*sub, *sub) []*sub) {
	if i == nil || i.Wide() {
		x.wide = edit(x.wide, s)
		return
	}
	for k := range kindBits(i.Kinds()) {
		update(x.kinds, k, s, edit)
	}
	for _, l := range i.Logins() {
		update(x.logins, l, s, edit)
	}
	for _, k := range i.Keys() {
		update(x.keys, k, s, edit)
	}
}

// candidates calls visit once for each watcher that c may concern.
func (x *watchIndex) candidates(c *model.Change, epoch uint64, visit func(*sub)) {
	once := func(ss []*sub) {
		for _, s := range ss {
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

// update edits the list under k, dropping k when the list is empty. The
// lists are short (a séance's or a pupil's watchers) except under kinds,
// which change only when a screen opens.
func update[K comparable](m map[K][]*sub, k K, s *sub, edit func([]*sub, *sub) []*sub) {
	if ss := edit(m[k], s); len(ss) > 0 {
		m[k] = ss
	} else {
		delete(m, k)
	}
}

// with adds s to ss.
func with(ss []*sub, s *sub) []*sub { return append(ss, s) }

// without removes s from ss, in place, order not kept.
func without(ss []*sub, s *sub) []*sub {
	for i, x := range ss {
		if x == s {
			last := len(ss) - 1
			ss[i], ss[last] = ss[last], nil
			return ss[:last]
		}
	}
	return ss
}
