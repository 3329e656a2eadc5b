package storage

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// States of a request: queued until the writer takes it, or until its caller
// gives up (then the writer skips it).
const (
	queued int32 = iota
	taken
	abandoned
)

// request is one Update waiting for the writer.
type request struct {
	ctx   context.Context
	actor model.Actor
	verb  string
	fn    func(model.Tx) error
	state atomic.Int32
	done  chan outcome
}

// outcome is what the writer answers to an Update.
type outcome struct {
	receipt model.Receipt
	err     error
}

// Update runs fn in a transaction and returns once it is committed to disk. It
// may run fn several times (see the package documentation), so fn must only
// read and write through tx, and must not call Update or View. If ctx ends
// while fn is still queued, Update returns ctx's error and fn never runs; once
// the writer has taken fn, Update waits for the commit and reports its outcome.
func (db *DB) Update(ctx context.Context, actor model.Actor, verb string, fn func(model.Tx) error) (model.Receipt, error) {
	if db.readOnly {
		return model.Receipt{}, db.readOnlyError()
	}
	if err := ctx.Err(); err != nil {
		return model.Receipt{}, err
	}
	r := &request{ctx: ctx, actor: actor, verb: verb, fn: fn, done: make(chan outcome, 1)}
	if err := db.enqueue(r); err != nil {
		return model.Receipt{}, err
	}
	select {
	case o := <-r.done:
		return o.receipt, o.err
	case <-ctx.Done():
		if r.state.CompareAndSwap(queued, abandoned) {
			return model.Receipt{}, ctx.Err()
		}
		o := <-r.done
		return o.receipt, o.err
	}
}

func (db *DB) enqueue(r *request) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.closed {
		return ErrClosed
	}
	select {
	case db.queue <- r:
		return nil
	case <-r.ctx.Done():
		return r.ctx.Err()
	}
}

// writer is the only goroutine that writes: it drains the queue into batches
// until Close, then commits what is left and returns.
func (db *DB) writer() {
	defer close(db.done)
	batch := make([]*request, 0, db.maxBatch)
	for {
		select {
		case r := <-db.queue:
			db.turn.RLock()
			batch = db.collect(append(batch[:0], r))
			db.commit(batch)
			db.turn.RUnlock()
		case <-db.stop:
			db.turn.RLock()
			for batch = db.collect(batch[:0]); len(batch) > 0; batch = db.collect(batch[:0]) {
				db.commit(batch)
			}
			db.turn.RUnlock()
			return
		}
	}
}

// collect adds what is queued to batch, up to maxBatch, without waiting, and
// drops the requests whose callers gave up.
func (db *DB) collect(batch []*request) []*request {
	batch = slices.DeleteFunc(batch, func(r *request) bool { return !r.state.CompareAndSwap(queued, taken) })
	for len(batch) < db.maxBatch {
		select {
		case r := <-db.queue:
			if r.state.CompareAndSwap(queued, taken) {
				batch = append(batch, r)
			}
		default:
			return batch
		}
	}
	return batch
}

// commit runs reqs in one transaction. A failing function is answered with
// its error and removed, and the others run again in a fresh transaction.
func (db *DB) commit(reqs []*request) {
	for len(reqs) > 0 {
		txs, failed, err := db.try(reqs)
		if failed >= 0 {
			reqs[failed].done <- outcome{err: err}
			reqs = slices.Delete(reqs, failed, failed+1)
			continue
		}
		if err != nil {
			for _, r := range reqs {
				r.done <- outcome{err: fmt.Errorf("enregistrement impossible : %w", err)}
			}
			return
		}
		db.afterCommit(txs)
		for i, r := range reqs {
			r.done <- outcome{receipt: txs[i].receipt()}
		}
		return
	}
}

// try runs every function of reqs in one bbolt Update. It returns the index of
// the first function that failed (the transaction is then rolled back), or -1.
func (db *DB) try(reqs []*request) ([]*tx, int, error) {
	txs := make([]*tx, 0, len(reqs))
	failed, fnErr := -1, error(nil)
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		for i, r := range reqs {
			t := newTx(btx, r.actor, r.verb, db.now())
			if err := call(r.fn, t); err != nil {
				failed, fnErr = i, err
				return err
			}
			txs = append(txs, t)
		}
		return nil
	})
	if failed >= 0 {
		return nil, failed, fnErr
	}
	return txs, -1, err
}

// call runs fn, turning a panic into that caller's error.
func call(fn func(model.Tx) error, t *tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("erreur interne pendant l'enregistrement : %v", p)
		}
	}()
	return fn(t)
}

// afterCommit refreshes the directory if the structure changed, then
// announces each committed Update to the watchers, in order.
func (db *DB) afterCommit(txs []*tx) {
	for _, t := range txs {
		if t.structural {
			if err := db.reloadDirectory(); err != nil {
				db.dir.Store(&dirState{err: err})
			}
			break
		}
	}
	for _, t := range txs {
		if c, ok := t.change(); ok {
			db.watch.publish(c)
		}
	}
}
