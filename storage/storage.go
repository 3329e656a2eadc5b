// Package storage implements model.Store on one bbolt file.
//
// # Layout
//
// Every value is the JSON of a model type. Keys are bytes; "·" below is the
// separator byte 0x00, which identifiers may not contain. Séance identifiers
// start with YYYYMMDD-HHMM, so keys that start with one sort by date and time
// and a date range is one cursor seek. Times in keys are 12 bytes that sort as
// time does (timeKey: Unix seconds with the sign bit flipped, nanoseconds).
//
//	meta                schema                    → uint64 BE (schema version)
//	                    action                    → uint64 BE (last action number)
//	marks               seanceID·pupilID          → Mark
//	marks_by_pupil      pupilID·seanceID          → (empty)
//	rollcalls           seanceID                  → RollCall
//	notices             noticeID                  → Notice
//	notices_by_pupil    pupilID·noticeID          → (empty)
//	notices_by_end      timeKey(To) noticeID      → (empty)
//	calls               pupilID·timeKey(At) callID → FamilyCall
//	calls_by_id         callID                    → its key in calls
//	reports             pupilID·YYYY-MM           → Report
//	school              "school"                  → School
//	divisions           code                      → Division
//	groups              code                      → Group
//	pupils              pupilID                   → Pupil
//	guardians           guardianID                → Guardian
//	guardians_by_pupil  pupilID·guardianID        → (empty)
//	accounts            login                     → Account
//	courses             courseID                  → Course
//	motives             code                      → Motive
//	seance_changes      seanceID                  → SeanceChange
//	extra_seances       seanceID                  → Seance
//	settings            key                       → value (string)
//	family_notices      familyNoticeID            → FamilyNotice (the outbox and its record)
//	templates           kind                      → text of the school's template (string)
//	incidents           incidentID                → Incident
//	punishments         punishmentID              → Punishment
//	detentions          sessionID                 → DetentionSession
//	sanctions           sanctionID                → Sanction
//	discipline_lists    list name                 → []DisciplineKind
//	audit               seq (uint64 BE)           → AuditEntry   (bucket sequence = last seq)
//	audit_by_time       timeKey(At) seq           → (empty)
//
// The entries of one action follow each other and actions grow with seq, so
// Audit finds an action by binary search on seq: no index is written for it,
// and each bucket less is a page less to write and sync at every commit.
//
// NoticesOverlapping seeks notices_by_end at the range's start and stops at
// its end plus model.MaxNoticeSpan, the longest notice PutNotice accepts: it
// reads the notices that end after the range starts, not all of them.
//
// # Writes
//
// Update hands its function to one writer goroutine that runs every queued
// function (up to Options.MaxBatch) in one bbolt transaction, commits it
// (two fdatasync calls) and only then answers each caller: a group commit
// without a timer. When one function fails (or panics), the transaction is
// rolled back, that caller gets its error, and the others run again in a new
// transaction. A function may therefore run more than once: it must read and
// write only through its Tx, whose rollback undoes a discarded run, and any
// effect outside it must be safe to repeat (assigning a result variable is;
// sending on a channel or calling Update is not).
//
// Every Put and Delete reads the stored value first: an equal Put writes
// nothing; any other change appends an audit entry in the same transaction.
// The first change of an Update numbers its action; an Update that changes
// nothing has action 0 and is not announced. After the commit, the Directory
// is rebuilt if the structure changed, a model.Change is published to the
// watchers that want it (WatchInterest), and then the callers are answered.
//
// # Schema
//
// The meta bucket holds the schema version. Open refuses a file of a newer
// version and applies, in one transaction, the migrations of schema.go that
// the file lacks; a new file gets every bucket in that same first transaction.
//
// Storage checks what its keys and indexes rely on (identifiers without 0x00,
// dates in séance identifiers, a notice's span); the domain's other rules are
// the callers' to check.
package storage

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"appel/model"
)

// Errors that callers test with errors.Is.
var (
	// ErrLocked is wrapped by Open when another process holds the file.
	ErrLocked = errors.New("base verrouillée par un autre processus")
	// ErrClosed is returned by calls made after Close.
	ErrClosed = errors.New("base fermée")
	// ErrReadOnly is returned by Update on a base opened read-only.
	ErrReadOnly = errors.New("base ouverte en lecture seule")
)

// Options tune Open; the zero value is fine.
type Options struct {
	// Timeout bounds the wait for the file lock (default 1 s).
	Timeout time.Duration
	// Now is the clock of audit entries (default time.Now).
	Now func() time.Time
	// ReadOnly opens the file with a shared lock, for reading only.
	ReadOnly bool
	// MaxBatch bounds the number of Update functions per transaction (default 256).
	MaxBatch int
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 256
	}
	return o
}

// DB is appel's store on one bbolt file. It implements model.Store.
type DB struct {
	bolt     *bolt.DB
	path     string
	now      func() time.Time
	maxBatch int
	readOnly bool

	dir   atomic.Pointer[dirState]
	watch hub

	queue chan *request
	stop  chan struct{}
	done  chan struct{}
	// mu guards closed; Update holds it shared while it queues.
	mu     sync.RWMutex
	closed bool
	// turn is held shared by the writer around each commit, and exclusively
	// by Rollover: no Update commits between the archive's copy and the
	// next year's transaction.
	turn sync.RWMutex
	// scratch is a file the base reads instead of its own, removed by Close
	// (OpenArchive's migrated copy of an old archive).
	scratch string
}

var _ model.Store = (*DB)(nil)

// Open opens (or creates) the base at path, brings its schema up to date in
// one transaction and starts the writer.
func Open(path string, opts Options) (*DB, error) {
	return open(path, opts, migrations)
}

func open(path string, opts Options, list []migration) (*DB, error) {
	opts = opts.withDefaults()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
	if err != nil {
		return nil, openError(path, opts, err)
	}
	db := &DB{
		bolt: bdb, path: path, now: opts.Now, maxBatch: opts.MaxBatch, readOnly: opts.ReadOnly,
		watch: hub{subs: map[*sub]struct{}{}, index: newWatchIndex()},
	}
	if err := db.prepare(list); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if !db.readOnly {
		db.queue = make(chan *request, 4*db.maxBatch)
		db.stop = make(chan struct{})
		db.done = make(chan struct{})
		go db.writer()
	}
	return db, nil
}

// prepare checks or migrates the schema, then loads the directory.
func (db *DB) prepare(list []migration) error {
	if db.readOnly {
		if err := db.bolt.View(func(tx *bolt.Tx) error { return checkSchema(tx, db.path, list) }); err != nil {
			return err
		}
	} else {
		var current bool
		_ = db.bolt.View(func(tx *bolt.Tx) error { current = schemaOf(tx) == latest(list); return nil })
		if !current {
			if err := db.bolt.Update(func(tx *bolt.Tx) error { return migrate(tx, db.path, list) }); err != nil {
				return err
			}
		}
	}
	return db.reloadDirectory()
}

func openError(path string, opts Options, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("la base %s est utilisée par un autre processus (appel serve ?) : verrou non obtenu en %s : %w",
			path, opts.Timeout, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return fmt.Errorf("%s n'est pas une base appel valide : %w", path, err)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("la base %s n'existe pas : %w", path, err)
	}
	return fmt.Errorf("ouverture de la base %s : %w", path, err)
}

// Path returns the file's path.
func (db *DB) Path() string { return db.path }

// Close waits for the queued Updates to commit, stops the writer, closes the
// watchers' channels and the file. Later calls return nil.
func (db *DB) Close() error {
	db.mu.Lock()
	if db.closed {
		db.mu.Unlock()
		return nil
	}
	db.closed = true
	db.mu.Unlock()
	if db.stop != nil {
		close(db.stop)
		<-db.done
	}
	db.watch.closeAll()
	err := db.bolt.Close()
	if db.scratch != "" {
		_ = os.Remove(db.scratch)
	}
	return err
}

// isClosed reports whether Close was called.
func (db *DB) isClosed() bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.closed
}

// View runs fn on a consistent snapshot. fn must not call Update.
func (db *DB) View(fn func(model.ReadTx) error) error {
	if db.isClosed() {
		return ErrClosed
	}
	return db.bolt.View(func(btx *bolt.Tx) error { return fn(reader{btx}) })
}
