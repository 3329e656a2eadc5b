package modeltest

import (
	"context"

	"appel/model"
)

// Interleaving is a store that commits another change (Between) after a
// service call has read what it needed and asked to write, before its write
// runs, and then shows that write the directory as it was before the other
// change: what a write meets when it is committed in the same batch as
// another (the cached directory is the last commit's, the transaction holds
// more) or queued while another commits. Between runs once.
type Interleaving struct {
	model.Store
	Between func()
	stale   *model.Directory
}

// Update runs Between first, once, then fn.
func (s *Interleaving) Update(ctx context.Context, actor model.Actor, verb string, fn func(model.Tx) error) (model.Receipt, error) {
	if between := s.Between; between != nil {
		s.Between = nil
		before, err := s.Store.Directory()
		if err != nil {
			return model.Receipt{}, err
		}
		between()
		s.stale = before
		defer func() { s.stale = nil }()
	}
	return s.Store.Update(ctx, actor, verb, fn)
}

// Directory returns the directory from before Between while the write that
// Between preceded is under way.
func (s *Interleaving) Directory() (*model.Directory, error) {
	if s.stale != nil {
		return s.stale, nil
	}
	return s.Store.Directory()
}
