package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// The school year's keys in the meta bucket.
var (
	// keyArchived, in an archive, holds its ArchiveStamp.
	keyArchived = []byte("archived")
	// keyEnded, in the live base, holds the JSON list of the years it ended.
	keyEnded = []byte("ended")
)

// ErrYearEnded is wrapped when a year is ended a second time.
var ErrYearEnded = errors.New("année déjà close")

// ArchiveStamp is written in an archive's meta bucket: which year it holds,
// the live base's last action when it was copied, and when.
type ArchiveStamp struct {
	Year   string    `json:"year"`
	Action uint64    `json:"action"`
	At     time.Time `json:"at"`
}

// yearBuckets are what the next year starts without: the pupils, the
// structure, the timetable and everything recorded about pupils (the
// notices to their families too), the messages not yet read, and the audit
// log (the archive keeps it).
// The school's templates of notices stay, as its settings do.
var yearBuckets = [][]byte{
	bMarks, bMarksByPupil, bRollCalls, bNotices, bNoticesByPupil, bNoticesByEnd, bCalls, bCallsByID,
	bReports, bDivisions, bGroups, bPupils, bGuardians, bGuardiansByPupil, bCourses, bSeanceChanges,
	bExtraSeances, bAudit, bAuditByTime, bFamilyNotices, bMessages, bIncidents, bPunishments, bDetentions,
}

// keptBuckets are what the next year keeps: the accounts and their keys,
// the motives, the settings, the templates of notices and letters, the school
// (replaced by the next year's) and the meta bucket. Every bucket is in one
// list or the other (a test checks it). The sanctions stay too: R511-13
// keeps them in the pupil's file up to the end of the second year after the
// one they were pronounced in (model.ErasureDate), and the registre des
// sanctions keeps them all; the lists of kinds of incident and punishment
// stay as the motives do.
var keptBuckets = [][]byte{bMeta, bSchool, bAccounts, bMotives, bSettings, bTemplates, bSanctions, bDisciplineLists}

// Rollover ends one school year: what Base.Rollover does.
type Rollover struct {
	// Year is the ended year's name (2026-2027); Archive the file to write.
	Year    string
	Archive string
	// Next is the school of the next year (same UAI, slots, settings; its calendar).
	Next model.School
	// Purge is what the archive must not keep.
	Purge model.ArchivePurge
	// Actor is audited for the change of year.
	Actor model.Actor
}

// Rollover ends the year the base holds. First the whole base is copied,
// consistent, into a temporary file beside the archive, purged (Purge),
// stamped, synced, made read-only and renamed into place; then one
// transaction leaves the base with the next year: the same accounts and keys,
// motives, settings and bell grid, Next as the school, and no pupils,
// divisions, groups, timetable, marks or audit entries. A crash before that
// transaction leaves the base on the old year, whole; running Rollover again
// then reuses the archive if the base has not changed since, and refuses
// otherwise. A year already ended is refused (ErrYearEnded). Updates that
// come meanwhile wait for the rollover, and commit on the next year.
func (db *DB) Rollover(r Rollover) error {
	if db.readOnly {
		return db.readOnlyError()
	}
	if db.isClosed() {
		return ErrClosed
	}
	// Updates queued meanwhile wait, and commit on the next year.
	db.turn.Lock()
	defer db.turn.Unlock()
	action, ended, err := db.yearState()
	if err != nil {
		return err
	}
	if slices.Contains(ended, r.Year) {
		return &model.Error{Kind: ErrYearEnded, Message: fmt.Sprintf("l'année %s est déjà close : son archive est %s", r.Year, filepath.Base(r.Archive))}
	}
	if err := db.writeArchive(r, action); err != nil {
		return err
	}
	return db.startYear(r, append(ended, r.Year))
}

// EndedYears returns the years this base has ended, oldest first.
func (db *DB) EndedYears() ([]string, error) {
	_, ended, err := db.yearState()
	return ended, err
}

// yearState reads the last action number and the years already ended.
func (db *DB) yearState() (uint64, []string, error) {
	var action uint64
	var ended []string
	err := db.bolt.View(func(btx *bolt.Tx) error {
		meta := btx.Bucket(bMeta)
		if v := meta.Get(keyAction); len(v) == 8 {
			action = binary.BigEndian.Uint64(v)
		}
		if v := meta.Get(keyEnded); v != nil {
			return json.Unmarshal(v, &ended)
		}
		return nil
	})
	return action, ended, err
}

// writeArchive puts the purged, stamped copy of the base at r.Archive,
// unless an interrupted rollover left there the archive of the base as it is.
func (db *DB) writeArchive(r Rollover, action uint64) (err error) {
	if _, statErr := os.Stat(r.Archive); statErr == nil {
		stamp, err := ReadStamp(r.Archive)
		if err == nil && stamp.Year == r.Year && stamp.Action == action {
			return nil
		}
		return fmt.Errorf("%s existe déjà et ne contient pas cette base telle qu'elle est : déplacez-le, puis recommencez", r.Archive)
	}
	dir := filepath.Dir(r.Archive)
	prefix := "." + filepath.Base(r.Archive) + ".tmp-"
	copyPath, err := db.copyTo(dir, prefix)
	if copyPath != "" {
		defer os.Remove(copyPath)
	}
	if err != nil {
		return fmt.Errorf("archive %s : %w", r.Archive, err)
	}
	if err := sealArchive(copyPath, r, action, db.now()); err != nil {
		return fmt.Errorf("archive %s : %w", r.Archive, err)
	}
	final, err := compactTo(copyPath, dir, prefix)
	if err != nil {
		return fmt.Errorf("archive %s : %w", r.Archive, err)
	}
	if err := errors.Join(os.Chmod(final, 0o444), os.Rename(final, r.Archive)); err != nil {
		_ = os.Remove(final)
		return fmt.Errorf("archive %s : %w", r.Archive, err)
	}
	return syncDir(dir)
}

// copyTo writes a consistent copy of the base into a new temporary file of
// dir, synced; it returns its path.
func (db *DB) copyTo(dir, prefix string) (string, error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return "", err
	}
	if _, err := db.WriteTo(f); err != nil {
		_ = f.Close()
		return f.Name(), err
	}
	return f.Name(), errors.Join(f.Sync(), f.Close())
}

// compactTo copies the live pages of the base at src into a new temporary
// file of dir, synced: the pages that the purge freed, and any other free
// page, keep none of their old bytes there.
func compactTo(src, dir, prefix string) (path string, err error) {
	f, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return "", err
	}
	path = f.Name()
	_ = f.Close()
	defer func() {
		if err != nil {
			_ = os.Remove(path)
		}
	}()
	from, err := bolt.Open(src, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		return path, err
	}
	defer from.Close()
	to, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return path, err
	}
	if err := bolt.Compact(to, from, 1<<24); err != nil {
		_ = to.Close()
		return path, err
	}
	if err := errors.Join(to.Sync(), to.Close()); err != nil {
		return path, err
	}
	return path, nil
}

// sealArchive purges the copy at path and stamps it, in one transaction
// committed to disk.
func sealArchive(path string, r Rollover, action uint64, at time.Time) error {
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = bdb.Update(func(btx *bolt.Tx) error {
		if err := purge(btx, r.Purge); err != nil {
			return err
		}
		stamp, err := json.Marshal(ArchiveStamp{Year: r.Year, Action: action, At: at})
		if err != nil {
			return err
		}
		return btx.Bucket(bMeta).Put(keyArchived, stamp)
	})
	return errors.Join(err, bdb.Close())
}

// purge rewrites, in an archive, the records that must lose what R131-6 does
// not keep, and the audit entries that hold them.
func purge(btx *bolt.Tx, p model.ArchivePurge) error {
	steps := []error{
		rewrite(btx.Bucket(bMarks), p.Mark),
		rewrite(btx.Bucket(bNotices), p.Notice),
		rewrite(btx.Bucket(bCalls), p.Call),
		rewrite(btx.Bucket(bReports), p.Report),
		purgeAudit(btx.Bucket(bAudit), p),
	}
	if err := errors.Join(steps...); err != nil {
		return err
	}
	if len(p.Health) == 0 {
		return nil
	}
	motives := btx.Bucket(bMotives)
	for code := range p.Health {
		if err := motives.Delete([]byte(code)); err != nil {
			return err
		}
	}
	m := model.ValidMotive()
	val, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return motives.Put([]byte(m.Code), val)
}

// rewrite passes every value of b through fn.
func rewrite[T any](b *bolt.Bucket, fn func(T) T) error {
	type kv struct{ k, v []byte }
	var changed []kv
	err := b.ForEach(func(k, v []byte) error {
		out, ok, err := rewriteValue(v, fn)
		if err != nil {
			return fmt.Errorf("enregistrement %s illisible : %w", readable(k), err)
		}
		if ok {
			changed = append(changed, kv{bytes.Clone(k), out})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changed {
		if err := b.Put(c.k, c.v); err != nil {
			return err
		}
	}
	return nil
}

// rewriteValue decodes v, passes it through fn and says whether it changed.
func rewriteValue[T any](v []byte, fn func(T) T) ([]byte, bool, error) {
	if len(v) == 0 {
		return v, false, nil
	}
	var x T
	if err := json.Unmarshal(v, &x); err != nil {
		return nil, false, err
	}
	out, err := json.Marshal(fn(x))
	if err != nil {
		return nil, false, err
	}
	return out, !bytes.Equal(out, v), nil
}

// purgeAudit purges the before and after values of the audit entries of
// marks, notices, calls and reports.
func purgeAudit(b *bolt.Bucket, p model.ArchivePurge) error {
	fns := map[string]func([]byte) ([]byte, bool, error){
		model.EntityMark:   func(v []byte) ([]byte, bool, error) { return rewriteValue(v, p.Mark) },
		model.EntityNotice: func(v []byte) ([]byte, bool, error) { return rewriteValue(v, p.Notice) },
		model.EntityCall:   func(v []byte) ([]byte, bool, error) { return rewriteValue(v, p.Call) },
		model.EntityReport: func(v []byte) ([]byte, bool, error) { return rewriteValue(v, p.Report) },
		model.EntityMotive: func(v []byte) ([]byte, bool, error) { return rewriteValue(v, p.Motive) },
	}
	return rewrite(b, func(e model.AuditEntry) model.AuditEntry {
		if e.Entity == model.EntityMotive && p.Health[e.Key] {
			e.Key = model.ValidMotiveCode
		}
		fn := fns[e.Entity]
		if fn == nil {
			return e
		}
		if out, ok, err := fn([]byte(e.Before)); err == nil && ok {
			e.Before = string(out)
		}
		if out, ok, err := fn([]byte(e.After)); err == nil && ok {
			e.After = string(out)
		}
		return e
	})
}

// startYear leaves the base with the next year, in one transaction.
func (db *DB) startYear(r Rollover, ended []string) error {
	endedJSON, err := json.Marshal(ended)
	if err != nil {
		return err
	}
	var t *tx
	err = db.bolt.Update(func(btx *bolt.Tx) error {
		for _, name := range yearBuckets {
			if err := btx.DeleteBucket(name); err != nil && btx.Bucket(name) != nil {
				return err
			}
			if _, err := btx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := btx.Bucket(bMeta).Put(keyEnded, endedJSON); err != nil {
			return err
		}
		t = newTx(btx, r.Actor, "année "+r.Year+" close", db.now())
		return t.PutSchool(r.Next)
	})
	if err != nil {
		return fmt.Errorf("passage à l'année suivante : %w", err)
	}
	if err := db.reloadDirectory(); err != nil {
		db.dir.Store(&dirState{err: err})
	}
	db.watch.publish(model.Change{Action: t.action, By: r.Actor.Login, Kinds: ^model.ChangeKind(0), Resync: true})
	return nil
}

// ReadStamp reads the stamp of an archive, opened read-only.
func ReadStamp(path string) (ArchiveStamp, error) {
	var s ArchiveStamp
	bdb, err := bolt.Open(path, 0o400, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		return s, err
	}
	defer bdb.Close()
	err = bdb.View(func(btx *bolt.Tx) error {
		meta := btx.Bucket(bMeta)
		if meta == nil {
			return errNotArchive
		}
		v := meta.Get(keyArchived)
		if v == nil {
			return errNotArchive
		}
		return json.Unmarshal(v, &s)
	})
	return s, err
}

var errNotArchive = errors.New("ce fichier n'est pas l'archive d'une année")

// Archived returns the stamp of the base when it is an archive.
func (db *DB) Archived() (ArchiveStamp, bool) {
	var s ArchiveStamp
	ok := false
	_ = db.bolt.View(func(btx *bolt.Tx) error {
		if v := btx.Bucket(bMeta).Get(keyArchived); v != nil {
			ok = json.Unmarshal(v, &s) == nil
		}
		return nil
	})
	return s, ok
}

// readOnlyError is the one message every write on a read-only base gets.
func (db *DB) readOnlyError() error {
	if s, ok := db.Archived(); ok {
		return &model.Error{Kind: ErrReadOnly, Message: fmt.Sprintf(
			"l'année %s est close : son archive se consulte mais ne se modifie pas", s.Year)}
	}
	return &model.Error{Kind: ErrReadOnly, Message: "base ouverte en lecture seule : rien n'y est modifié"}
}

// ArchivedYear returns the year of the archive the base is, if it is one
// (model.ArchivedStore).
func (db *DB) ArchivedYear() (string, bool) {
	s, ok := db.Archived()
	return s.Year, ok
}

// OpenArchive opens the archive of an ended year at path, read-only. An
// archive written by an older appel (an older schema) is read through a
// migrated copy in the system's temporary folder, removed on Close: the
// archive itself is never written, and stays readable for as long as it is
// kept.
func OpenArchive(path string, opts Options) (*DB, error) {
	return openArchive(path, opts, migrations)
}

func openArchive(path string, opts Options, list []migration) (*DB, error) {
	opts.ReadOnly = true
	db, err := open(path, opts, list)
	if !errors.Is(err, ErrOlderSchema) {
		return db, err
	}
	scratch, err := migratedCopy(path, opts, list)
	if err != nil {
		return nil, fmt.Errorf("lecture de l'archive %s (schéma ancien) : %w", path, err)
	}
	db, err = open(scratch, opts, list)
	if err != nil {
		_ = os.Remove(scratch)
		return nil, err
	}
	db.scratch, db.path = scratch, path
	return db, nil
}

// migratedCopy copies the file at path to a temporary file and brings it up
// to the schema of list.
func migratedCopy(path string, opts Options, list []migration) (string, error) {
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dst, err := os.CreateTemp("", "appel-archive-*.db")
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(dst, src); err != nil {
		_ = dst.Close()
		_ = os.Remove(dst.Name())
		return "", err
	}
	if err := dst.Close(); err != nil {
		_ = os.Remove(dst.Name())
		return "", err
	}
	opts.ReadOnly = false
	db, err := open(dst.Name(), opts, list)
	if err != nil {
		_ = os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), db.Close()
}
