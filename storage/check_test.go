package storage_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// schoolFile writes a sound db of a modeltest school and returns its bytes.
func schoolFile(t *testing.T) []byte {
	t.Helper()
	db := storagetest.NewWith(t, modeltest.School(60))
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCheckFileSoundSchool(t *testing.T) {
	path := filepath.Join(t.TempDir(), "appel.db")
	if err := os.WriteFile(path, schoolFile(t), 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := storage.CheckFile(path, 0)
	if err != nil || len(h.Faults) != 0 || h.Schema == 0 || h.School == "" {
		t.Fatalf("a sound school: %+v, %v", h, err)
	}
}

// TestCheckFileRefusesDamage: every kind of damage is found, named by its
// kind, without a panic and without a byte of the file written.
func TestCheckFileRefusesDamage(t *testing.T) {
	sound := schoolFile(t)
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	overwrite := func(at int, with []byte) []byte {
		out := bytes.Clone(sound)
		copy(out[at:], with)
		return out
	}
	other := filepath.Join(t.TempDir(), "other.db")
	odb, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = odb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	_ = odb.Close()
	otherBytes, _ := os.ReadFile(other)
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"cut to half", sound[:len(sound)/2], storage.ErrDamaged},
		{"cut to a third", sound[:len(sound)/3], storage.ErrDamaged},
		{"cut after the meta pages", sound[:8192+100], storage.ErrDamaged},
		{"cut inside the meta pages", sound[:5000], storage.ErrDamaged},
		{"random bytes in the middle", overwrite(len(sound)/2, random(min(80_000, len(sound)/3))), storage.ErrDamaged},
		{"random page after the metas", overwrite(3*4096, random(4096)), storage.ErrDamaged},
		{"zeros in the middle", overwrite(len(sound)/3, make([]byte, 3*4096)), storage.ErrDamaged},
		{"zero length", nil, storage.ErrEmpty},
		{"a text file", []byte("date;eleve;marque\n23/11/2026;E001;absent\n"), storage.ErrNotAppel},
		{"another program's bbolt file", otherBytes, storage.ErrNotAppel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "appel.db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha256.Sum256(tc.data)
			_, err := storage.CheckFile(path, 0)
			if !errors.Is(err, tc.want) {
				t.Errorf("CheckFile: %v, want %v", err, tc.want)
			}
			after, _ := os.ReadFile(path)
			if sha256.Sum256(after) != before {
				t.Error("the check wrote the file")
			}
		})
	}
}

// TestCheckFileNeverCrashes damages a sound school a hundred ways (a cut at
// any length, random bytes over any page): the check returns, sound or not,
// and never takes the process down.
func TestCheckFileNeverCrashes(t *testing.T) {
	sound := schoolFile(t)
	rng := rand.New(rand.NewPCG(7, 11))
	dir := t.TempDir()
	damaged := 0
	for i := range 100 {
		data := bytes.Clone(sound)
		if i%2 == 0 {
			data = data[:rng.IntN(len(data))]
		} else {
			at, n := rng.IntN(len(data)), 1+rng.IntN(4096)
			for j := at; j < min(at+n, len(data)); j++ {
				data[j] = byte(rng.UintN(256))
			}
		}
		path := filepath.Join(dir, "appel.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := storage.CheckFile(path, 0); err != nil {
			damaged++
		}
	}
	// A cut in the file's unused tail, or bytes over a free page, harm
	// nothing: the check is right to pass those.
	t.Logf("%d of 100 damaged copies refused", damaged)
	if damaged == 0 {
		t.Error("no damaged copy refused")
	}
}
