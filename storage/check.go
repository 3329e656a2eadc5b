package storage

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"appel/model"
)

// What CheckFile finds wrong with a file, for errors.Is.
var (
	// ErrEmpty: the file has no byte (a copy that never started); it is
	// never taken for a new school.
	ErrEmpty = errors.New("fichier vide")
	// ErrDamaged: bbolt's consistency check found faults, or reading the
	// file failed.
	ErrDamaged = errors.New("base endommagée")
	// ErrNotAppel: a file that is not a bbolt file, or a bbolt file of
	// another program.
	ErrNotAppel = errors.New("pas une base appel")
)

// maxFaults bounds the faults Check keeps: one is enough to refuse a file.
const maxFaults = 20

// Health is what CheckFile found in a file.
type Health struct {
	Path string
	Size int64
	// Schema is the file's format version; School and Year what it holds.
	Schema       int
	School, Year string
	// Faults are bbolt's findings, in its words (for the log and appel check).
	Faults []string
	// Took is how long the check ran.
	Took time.Duration
}

// CheckFile opens the file at path read-only and runs bbolt's consistency check
// over every page, without ever writing the file and without a panic
// reaching the caller. Its error wraps os.ErrNotExist, ErrEmpty, ErrDamaged,
// ErrNotAppel, ErrNewerSchema or ErrLocked (a process holds the file: it
// cannot be checked now).
func CheckFile(path string, timeout time.Duration) (h Health, err error) {
	start := time.Now()
	h.Path = path
	defer func() { h.Took = time.Since(start) }()
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return h, fmt.Errorf("la base %s n'existe pas : %w", path, os.ErrNotExist)
	case info.Size() == 0:
		return h, fmt.Errorf("%s est un fichier vide (0 octet), pas une base : %w", path, ErrEmpty)
	}
	h.Size = info.Size()
	err = guarded(func() error { return h.check(timeout) })
	return h, err
}

// guarded runs fn, turning a panic or a memory fault while reading the file
// into ErrDamaged.
func guarded(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("lecture impossible (%v) : %w", p, ErrDamaged)
		}
	}()
	return fn()
}

func (h *Health) check(timeout time.Duration) error {
	if timeout <= 0 {
		timeout = time.Second
	}
	if err := h.checkBounds(); err != nil {
		return err
	}
	bdb, err := bolt.Open(h.Path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout, PreLoadFreelist: true})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("la base %s est tenue par un autre processus (appel serve ?) : %w", h.Path, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("%s n'est pas une base appel : %w", h.Path, ErrNotAppel)
	case err != nil:
		return fmt.Errorf("%s illisible (%v) : %w", h.Path, err, ErrDamaged)
	}
	defer bdb.Close()
	// The lock is held: the pages cannot change under the walk.
	if err := h.walkPages(); err != nil {
		h.Faults = append(h.Faults, err.Error())
		return err
	}
	return bdb.View(func(tx *bolt.Tx) error {
		for fault := range tx.Check() {
			if len(h.Faults) < maxFaults {
				h.Faults = append(h.Faults, fault.Error())
			}
		}
		if len(h.Faults) > 0 {
			return fmt.Errorf("%s : %d défaut(s), dont « %s » : %w", h.Path, len(h.Faults), h.Faults[0], ErrDamaged)
		}
		return h.identify(tx)
	})
}

// identify reads the file's format version and its school: a sound bbolt
// file without them belongs to another program.
func (h *Health) identify(tx *bolt.Tx) error {
	h.Schema = schemaOf(tx)
	if h.Schema == 0 {
		return fmt.Errorf("%s est un fichier bbolt, mais pas une base appel : %w", h.Path, ErrNotAppel)
	}
	if h.Schema > latest(migrations) {
		return tooNew(h.Path, h.Schema, latest(migrations))
	}
	if b := tx.Bucket(bSchool); b != nil {
		var s model.School
		if raw := b.Get(keySchool); raw != nil && json.Unmarshal(raw, &s) == nil {
			h.School, h.Year = strings.TrimSpace(s.UAI+" "+s.Name), s.YearLabel()
		}
	}
	return nil
}

// The layout of bbolt's two meta pages, each after a 16-byte page header.
const (
	pageHeader      = 16
	metaMagic       = 0xED0CDAED
	metaSummed      = 56 // the bytes of a meta its checksum covers
	offPageSize     = 8
	offFreelist     = 32
	offPgid         = 40
	offTxid         = 48
	offChecksum     = 56
	noFreelist      = ^uint64(0)
	defaultPageSize = 4096
)

// checkBounds reads the meta pages as bbolt chooses between them (the valid
// one of the latest transaction) and refuses a file shorter than the pages
// it names: bbolt would read past its end, a fault no recover catches.
func (h *Health) checkBounds() error {
	f, err := os.Open(h.Path)
	if err != nil {
		return fmt.Errorf("%s illisible (%v) : %w", h.Path, err, ErrDamaged)
	}
	defer f.Close()
	m, ok := latestMeta(f)
	if !ok {
		return nil // bbolt's open refuses it: not a bbolt file
	}
	pageSize := uint64(binary.LittleEndian.Uint32(m[offPageSize:]))
	pages, freelist := binary.LittleEndian.Uint64(m[offPgid:]), binary.LittleEndian.Uint64(m[offFreelist:])
	if pages*pageSize > uint64(h.Size) || freelist != noFreelist && freelist >= pages {
		return fmt.Errorf("%s est tronqué : %d octets, ses pages en demandent %d : %w", h.Path, h.Size, pages*pageSize, ErrDamaged)
	}
	return nil
}

// readMeta reads the meta after the page header at offset, and reports
// whether its magic number and checksum are right.
func readMeta(f *os.File, offset int64) ([]byte, bool) {
	m := make([]byte, offChecksum+8)
	if _, err := f.ReadAt(m, offset+pageHeader); err != nil {
		return nil, false
	}
	sum := fnv.New64a()
	sum.Write(m[:metaSummed])
	return m, binary.LittleEndian.Uint32(m) == metaMagic && sum.Sum64() == binary.LittleEndian.Uint64(m[offChecksum:])
}
