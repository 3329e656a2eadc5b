package storage_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

var le = binary.LittleEndian

// TestCheckFileSpoiledPointers: one page number spoiled in a sound file (a
// bad sector, a bit flipped) sends bbolt's own check past the file, a memory
// fault that kills the process with a Go trace; CheckFile refuses every such
// file as damaged and returns.
func TestCheckFileSpoiledPointers(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(300))
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := storagetest.FindPointers(sound)
	child, bucket := f.BranchChild, f.BucketRoot
	if child == 0 || bucket == 0 {
		t.Fatal("no branch page or no bucket with a page of its own in the test school")
	}
	pastFile := uint64(len(sound)/f.PageSize) + 3
	mapEnd := uint64(1<<24)/uint64(f.PageSize) + 1
	cases := []struct {
		name  string
		at    int
		value uint64
	}{
		{"branch child just past the file", child, pastFile},
		{"branch child past the memory map", child, mapEnd},
		{"branch child past the pages in use", child, f.Pages + 1},
		{"branch child far away", child, 1 << 40},
		{"branch child is the meta page", child, 1},
		{"branch child is its own parent", child, uint64(child / f.PageSize)},
		{"bucket root just past the file", bucket, pastFile},
		{"bucket root far away", bucket, 1 << 40},
		{"element count beyond the page", int(f.Root)*f.PageSize + 10, 0xFFF0},
		{"overflow beyond the file", int(f.Root)*f.PageSize + 12, 1 << 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := bytes.Clone(sound)
			if tc.name == "element count beyond the page" {
				le.PutUint16(data[tc.at:], uint16(tc.value))
			} else if tc.name == "overflow beyond the file" {
				le.PutUint32(data[tc.at:], uint32(tc.value))
			} else {
				le.PutUint64(data[tc.at:], tc.value)
			}
			spoiled := filepath.Join(t.TempDir(), "appel.db")
			if err := os.WriteFile(spoiled, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := storage.CheckFile(spoiled, 0); !errors.Is(err, storage.ErrDamaged) {
				t.Fatalf("CheckFile: %v, want ErrDamaged", err)
			}
		})
	}
}

// FuzzCheckFile: whatever bytes are spoiled in a sound file, CheckFile
// returns (a crash fails the fuzzing).
func FuzzCheckFile(f *testing.F) {
	db := storagetest.NewWith(f, modeltest.School(60))
	path := db.Path()
	if err := db.Close(); err != nil {
		f.Fatal(err)
	}
	sound, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(uint32(len(sound)/2), uint16(4096), byte(0xff))
	f.Add(uint32(3*4096+16), uint16(8), byte(0x40))
	f.Fuzz(func(t *testing.T, at uint32, n uint16, mask byte) {
		data := bytes.Clone(sound)
		for i := int(at); i < int(at)+int(n) && i < len(data); i++ {
			data[i] ^= mask
		}
		spoiled := filepath.Join(t.TempDir(), "appel.db")
		if err := os.WriteFile(spoiled, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = storage.CheckFile(spoiled, 0)
	})
}
