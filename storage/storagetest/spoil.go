package storagetest

import "encoding/binary"

// Pointers are the offsets, in a sound bbolt file, of two page numbers
// reachable from its root: a branch element's child and the root page of a
// bucket that has a page of its own (0 when the file has none).
type Pointers struct {
	BranchChild, BucketRoot int
	// PageSize, Pages and Root are those of the meta of the latest transaction.
	PageSize int
	Pages    uint64
	Root     uint64
}

var le = binary.LittleEndian

// FindPointers reads the layout of the sound bbolt file b, for the tests
// that spoil one page number in it (a bad sector, a bit flipped).
func FindPointers(b []byte) Pointers {
	ps := int(le.Uint32(b[16+8:]))
	m := 16
	if le.Uint64(b[ps+16+48:]) > le.Uint64(b[16+48:]) {
		m = ps + 16
	}
	p := Pointers{PageSize: ps, Pages: le.Uint64(b[m+40:]), Root: le.Uint64(b[m+16:])}
	stack := []uint64{p.Root}
	for len(stack) > 0 && (p.BranchChild == 0 || p.BucketRoot == 0) {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		page := int(id) * ps
		flags, count := le.Uint16(b[page+8:]), int(le.Uint16(b[page+10:]))
		for i := range count {
			e := page + 16 + 16*i
			switch {
			case flags == 0x01:
				if p.BranchChild == 0 {
					p.BranchChild = e + 8
				}
				stack = append(stack, le.Uint64(b[e+8:]))
			case flags == 0x02 && le.Uint32(b[e:])&1 != 0:
				at := e + int(le.Uint32(b[e+4:])) + int(le.Uint32(b[e+8:]))
				if r := le.Uint64(b[at:]); r != 0 {
					if p.BucketRoot == 0 {
						p.BucketRoot = at
					}
					stack = append(stack, r)
				}
			}
		}
	}
	return p
}
