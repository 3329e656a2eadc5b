package storage

import (
	"encoding/binary"
	"fmt"
	"os"
	"syscall"
)

// bbolt's page layout (go.etcd.io/bbolt/internal/common), little-endian:
// a 16-byte header (id, flags, count, overflow), then 16-byte elements.
const (
	pageElement    = 16
	branchPage     = 0x01
	leafPage       = 0x02
	freelistPage   = 0x10
	bucketLeafFlag = 0x01
	// maxTreeDepth bounds the walk: a sound tree is a few levels deep.
	maxTreeDepth = 64
)

// pageWalk reads, with bounds checked at every step, each page reachable
// from the meta of the latest transaction, each at most once: a page number
// past the file's pages, a page that names itself otherwise, elements or
// keys outside their page, a page reached twice. bbolt's own check reads
// pages through its memory map in a goroutine of its own, where a page
// number pointing past the file is a memory fault that no recover catches
// (the process dies with a Go trace): the walk runs first, so that bbolt's
// check only ever reads pages inside the file.
type pageWalk struct {
	// data is the file, mapped read-only; every page read is inside it.
	data     []byte
	pageSize uint64
	pages    uint64
	seen     []bool
}

// walkPages walks the file's pages; its error says the first fault found.
// It runs under guarded (a fault in the mapping is a recovered panic).
func (h *Health) walkPages() error {
	f, err := os.Open(h.Path)
	if err != nil {
		return fmt.Errorf("%s illisible (%v) : %w", h.Path, err, ErrDamaged)
	}
	defer f.Close()
	m, ok := latestMeta(f)
	if !ok {
		return nil // bbolt's open has refused it already
	}
	info, err := f.Stat()
	if err != nil || info.Size() <= 0 {
		return fmt.Errorf("%s illisible : %w", h.Path, ErrDamaged)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED|syscall.MAP_POPULATE)
	if err != nil {
		return fmt.Errorf("%s illisible (%v) : %w", h.Path, err, ErrDamaged)
	}
	defer syscall.Munmap(data)
	le := binary.LittleEndian
	w := &pageWalk{data: data, pageSize: uint64(le.Uint32(m[offPageSize:])), pages: le.Uint64(m[offPgid:])}
	if w.pageSize == 0 || w.pages > uint64(len(data))/w.pageSize {
		return fmt.Errorf("%s est tronqué : %w", h.Path, ErrDamaged)
	}
	w.seen = make([]bool, w.pages)
	err = w.freelist(le.Uint64(m[offFreelist:]))
	if err == nil {
		err = w.page(le.Uint64(m[offRoot:]), 0)
	}
	if err != nil {
		return fmt.Errorf("%s : %v : %w", h.Path, err, ErrDamaged)
	}
	return nil
}

// offRoot is the root bucket's page in a meta (after the page header).
const offRoot = 16

// latestMeta returns the valid meta of the latest transaction, as bbolt chooses.
func latestMeta(f *os.File) ([]byte, bool) {
	m0, ok0 := readMeta(f, 0)
	at := uint64(defaultPageSize)
	if ok0 {
		at = uint64(binary.LittleEndian.Uint32(m0[offPageSize:]))
	}
	m1, ok1 := readMeta(f, int64(at))
	switch {
	case !ok0 && !ok1:
		return nil, false
	case !ok0 || ok1 && binary.LittleEndian.Uint64(m1[offTxid:]) > binary.LittleEndian.Uint64(m0[offTxid:]):
		return m1, true
	}
	return m0, true
}

// read returns page id and its overflow pages, after checking their bounds.
func (w *pageWalk) read(id uint64) ([]byte, error) {
	if id < 2 || id >= w.pages {
		return nil, fmt.Errorf("page %d hors des %d pages du fichier", id, w.pages)
	}
	if w.seen[id] {
		return nil, fmt.Errorf("page %d atteinte deux fois", id)
	}
	at := id * w.pageSize
	le := binary.LittleEndian
	if got := le.Uint64(w.data[at:]); got != id {
		return nil, fmt.Errorf("la page %d porte le numéro %d", id, got)
	}
	overflow := uint64(le.Uint32(w.data[at+12:]))
	if overflow >= w.pages-id {
		return nil, fmt.Errorf("page %d : %d pages de suite au-delà du fichier", id, overflow)
	}
	for i := id; i <= id+overflow; i++ {
		w.seen[i] = true
	}
	return w.data[at : at+(overflow+1)*w.pageSize], nil
}

// freelist checks the free pages' list (none: noFreelist).
func (w *pageWalk) freelist(id uint64) error {
	if id == noFreelist {
		return nil
	}
	p, err := w.read(id)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	if le.Uint16(p[8:]) != freelistPage {
		return fmt.Errorf("page %d : la liste des pages libres attendue", id)
	}
	start, count := uint64(pageHeader), uint64(le.Uint16(p[10:]))
	if count == 0xFFFF {
		count, start = le.Uint64(p[pageHeader:]), pageHeader+8
	}
	if count > (uint64(len(p))-start)/8 {
		return fmt.Errorf("page %d : %d pages libres ne tiennent pas dans la liste", id, count)
	}
	for i := range count {
		if free := le.Uint64(p[start+8*i:]); free < 2 || free >= w.pages {
			return fmt.Errorf("page libre %d hors du fichier", free)
		}
	}
	return nil
}

// page walks the tree whose root is page id.
func (w *pageWalk) page(id uint64, depth int) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("arbre trop profond à la page %d", id)
	}
	p, err := w.read(id)
	if err != nil {
		return err
	}
	return w.node(p, id, depth)
}

// node checks a branch or leaf page p (page id; that of its bucket for an
// inline bucket) and walks what its elements point to.
func (w *pageWalk) node(p []byte, id uint64, depth int) error {
	le := binary.LittleEndian
	flags, count := le.Uint16(p[8:]), uint64(le.Uint16(p[10:]))
	if flags != branchPage && flags != leafPage {
		return fmt.Errorf("page %d : type de page inconnu (%#x)", id, flags)
	}
	if pageHeader+count*pageElement > uint64(len(p)) {
		return fmt.Errorf("page %d : %d éléments ne tiennent pas dans la page", id, count)
	}
	for i := range count {
		at := pageHeader + i*pageElement
		var err error
		if flags == branchPage {
			err = w.branch(p, at, id, depth)
		} else {
			err = w.leaf(p, at, id, depth)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *pageWalk) branch(p []byte, at, id uint64, depth int) error {
	le := binary.LittleEndian
	pos, ksize := uint64(le.Uint32(p[at:])), uint64(le.Uint32(p[at+4:]))
	if at+pos+ksize > uint64(len(p)) {
		return fmt.Errorf("page %d : une clé hors de la page", id)
	}
	return w.page(le.Uint64(p[at+8:]), depth+1)
}

func (w *pageWalk) leaf(p []byte, at, id uint64, depth int) error {
	le := binary.LittleEndian
	flags, pos := le.Uint32(p[at:]), uint64(le.Uint32(p[at+4:]))
	ksize, vsize := uint64(le.Uint32(p[at+8:])), uint64(le.Uint32(p[at+12:]))
	end := at + pos + ksize + vsize
	if end > uint64(len(p)) {
		return fmt.Errorf("page %d : une valeur hors de la page", id)
	}
	if flags&bucketLeafFlag == 0 {
		return nil
	}
	v := p[at+pos+ksize : end]
	if len(v) < 16 {
		return fmt.Errorf("page %d : un compartiment illisible", id)
	}
	if root := le.Uint64(v); root != 0 {
		return w.page(root, depth+1)
	}
	if len(v) < 16+pageHeader {
		return fmt.Errorf("page %d : un compartiment en ligne tronqué", id)
	}
	return w.node(v[16:], id, depth+1)
}
