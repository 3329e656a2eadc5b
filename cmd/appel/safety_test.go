package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/storage"
	"appel/storage/backups"
	"appel/storage/storagetest"
)

// TestDamagedDBIsRefusedWithTheWayOut: every command on a damaged, empty or
// foreign file exits 3 with a French message naming the newest verified
// backup and the command that restores it; no panic, no Go trace, and the
// file is left byte for byte as it was.
func TestDamagedDBIsRefusedWithTheWayOut(t *testing.T) {
	sound, err := os.ReadFile(demoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	noisy := bytes.Clone(sound)
	for i := len(noisy) / 2; i < min(len(noisy)/2+80_000, len(noisy)); i++ {
		noisy[i] = byte(i * 31)
	}
	cases := []struct {
		name, says string
		data       []byte
	}{
		{"cut to half", "est endommagée", sound[:len(sound)/2]},
		{"80 KB of noise in the middle", "est endommagée", noisy},
		{"zero length", "fichier vide", nil},
		{"a text file", "n'est pas une base appel", []byte("ceci n'est pas une base\n")},
		{"cut to a quarter", "est endommagée", sound[:len(sound)/4]},
		{"cut to three quarters", "est endommagée", sound[:len(sound)*3/4]},
		{"a page of noise", "est endommagée", overwritten(sound, len(sound)/3/4096*4096, 4096, 0x5a)},
		{"16 KB of zeros", "est endommagée", overwritten(sound, len(sound)/3, 16<<10, 0)},
		{"another program's bbolt file", "n'est pas une base appel", foreignBolt(t)},
		{"a page number past the file", "est endommagée", spoiledPointer(t, sound, uint64(len(sound)/4096+3))},
		{"a page its own parent", "est endommagée", spoiledPointer(t, sound, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "appel.db")
			if err := os.WriteFile(db, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			saved := filepath.Join(dir, "sauvegardes", backups.Name("0670001A", time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)))
			if err := os.MkdirAll(filepath.Dir(saved), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(saved, sound, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha256.Sum256(tc.data)
			for _, args := range [][]string{{"stats"}, {"user", "list"}, {"export", "marks"}, {"check", db}} {
				_, errOut, code := appelRun(t, "", append(args, "--db", db)...)
				if code != exitDamaged {
					t.Errorf("appel %s: exit %d, want %d\n%s", strings.Join(args, " "), code, exitDamaged, errOut)
				}
				for _, want := range []string{tc.says, "rien n'y a été écrit", "23/11/2026 10:00", "appel restore " + saved} {
					if !strings.Contains(errOut, want) {
						t.Errorf("appel %s: the message lacks %q:\n%s", strings.Join(args, " "), want, errOut)
					}
				}
				if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine") {
					t.Errorf("a Go trace:\n%s", errOut)
				}
			}
			after, _ := os.ReadFile(db)
			if sha256.Sum256(after) != before {
				t.Error("the damaged file was written")
			}
		})
	}
}

// TestCheckCommandOnASoundDB: appel check says what the db holds and that no
// backup exists yet; appel init fills an empty file.
func TestCheckCommandOnASoundDB(t *testing.T) {
	db := demoDB(t)
	out := appelCmd(t, "check", db)
	if !strings.Contains(out, "base saine") || !strings.Contains(out, "Aucune sauvegarde vérifiée") {
		t.Errorf("appel check:\n%s", out)
	}
	empty := filepath.Join(t.TempDir(), "appel.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	appelCmd(t, "init", "--uai", "0750001A", "--name", "Collège Test", "--db", empty)
	if out := appelCmd(t, "check", empty); !strings.Contains(out, "base saine (0750001A Collège Test") {
		t.Errorf("after init on an empty file:\n%s", out)
	}
}

// TestRestoreRoundTrip: back up, change marks, restore: every file of
// export all is the backup's again, and the changed db is kept beside.
func TestRestoreRoundTrip(t *testing.T) {
	db := demoDB(t)
	dir := filepath.Dir(db)
	now := []string{"--db", db, "--now", "2026-11-23T10:15"}
	saved := filepath.Join(dir, "avant.db")
	appelCmd(t, append([]string{"backup", saved}, now...)...)
	before := filepath.Join(dir, "export-avant")
	appelCmd(t, append([]string{"export", "all", "--out", before}, now...)...)

	pupil := firstPupil(t, db)
	csv := filepath.Join(dir, "absences.csv")
	writeFile(t, csv, "eleve;date;debut;fin;marque\n"+string(pupil)+";23/11/2026;08:00;12:00;absent\n")
	appelCmd(t, append([]string{"import", "absences", csv}, now...)...)
	changed := filepath.Join(dir, "export-change")
	appelCmd(t, append([]string{"export", "all", "--out", changed}, now...)...)
	if sameFolders(t, before, changed) {
		t.Fatal("the import changed nothing: the test proves nothing")
	}

	_, errOut, code := appelRun(t, "", append([]string{"restore", saved, "--yes"}, now...)...)
	if code != 0 || !strings.Contains(errOut, "élèves") || !strings.Contains(errOut, "L'ancienne base est gardée sous "+db+".avant-restauration-2026-11-23T1015") {
		t.Fatalf("restore: exit %d\n%s", code, errOut)
	}
	after := filepath.Join(dir, "export-apres")
	appelCmd(t, append([]string{"export", "all", "--out", after}, now...)...)
	if !sameFolders(t, before, after) {
		t.Error("after the restore, export all differs from the backup's")
	}
	if _, _, code := appelRun(t, "", append([]string{"restore", saved}, now...)...); code == 0 {
		t.Error("without --yes nor an answer, restore went ahead")
	}
}

func firstPupil(t *testing.T, db string) model.PupilID {
	t.Helper()
	s, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir, err := s.Directory()
	if err != nil || len(dir.Pupils) == 0 {
		t.Fatalf("no pupil: %v", err)
	}
	return dir.Pupils[0].ID
}

// sameFolders reports whether two folders hold the same files, byte for byte.
func sameFolders(t *testing.T, a, b string) bool {
	t.Helper()
	ea, _ := os.ReadDir(a)
	eb, _ := os.ReadDir(b)
	if len(ea) == 0 || len(ea) != len(eb) {
		return false
	}
	for i := range ea {
		x, _ := os.ReadFile(filepath.Join(a, ea[i].Name()))
		y, _ := os.ReadFile(filepath.Join(b, eb[i].Name()))
		if ea[i].Name() != eb[i].Name() || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// TestServeBacksUpByItself: appel serve writes a verified backup when it
// starts and again at each backup.every, into sauvegardes/ beside the db,
// and says so in its log.
func TestServeBacksUpByItself(t *testing.T) {
	db := demoDB(t)
	appelCmd(t, "settings", "set", "backup.every", "1s", "--db", db)
	srv := startServe(t, db)
	deadline := time.Now().Add(20 * time.Second)
	for strings.Count(srv.log.String(), "sauvegarde vérifiée") < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("no second backup in 20 s:\n%s", srv.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	srv.stop()
	list, err := backups.List(filepath.Join(filepath.Dir(db), "sauvegardes"), time.Local)
	if err != nil || len(list) == 0 {
		t.Fatalf("backups %v (%v)", list, err)
	}
	if out := appelCmd(t, "check", list[0].Path); !strings.Contains(out, "base saine") {
		t.Errorf("the backup:\n%s", out)
	}
}

// TestLockMessageNamesTheHolder: a local interface left open holds the db;
// another command says so (which command, its pid), not that a server runs.
func TestLockMessageNamesTheHolder(t *testing.T) {
	db := demoDB(t)
	term := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	term.waitFor("08:00–08:55")
	_, errOut, code := appelRun(t, "", "user", "list", "--db", db)
	if code != 1 || !strings.Contains(errOut, "la base est ouverte par « appel --db "+db) || strings.Contains(errOut, "serveur") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	term.send("q")
	term.waitExit()
}

// TestDemoReset: appel demo --reset starts from a fresh demo; a file that
// holds another school is never removed.
func TestDemoReset(t *testing.T) {
	db := demoDB(t)
	appelCmd(t, "user", "add", "essai", "--role", "enseignant", "--name", "Essai", "--db", db)
	term := newTerminal(t, 100, 30, nil, appelBin+" demo --reset --db "+db+" --now 2026-11-23T08:05 --as admin")
	term.waitFor("Comptes")
	term.send("q")
	term.waitExit()
	if out := appelCmd(t, "user", "list", "--db", db); strings.Contains(out, "essai") {
		t.Errorf("after --reset, the demo keeps what was done:\n%s", out)
	}
	other := filepath.Join(t.TempDir(), "demo.db")
	appelCmd(t, "init", "--uai", "0750001A", "--name", "Vrai collège", "--db", other)
	if _, errOut, code := appelRun(t, "", "demo", "--reset", "--db", other); code == 0 || !strings.Contains(errOut, "pas la démonstration") {
		t.Errorf("reset of a real school: exit %d %s", code, errOut)
	}
}

// overwritten is data with n bytes from at set to fill (0x5a: noise).
func overwritten(data []byte, at, n int, fill byte) []byte {
	out := bytes.Clone(data)
	for i := at; i < min(at+n, len(out)); i++ {
		if fill == 0 {
			out[i] = 0
		} else {
			out[i] = byte(i*31) ^ fill
		}
	}
	return out
}

// foreignBolt is a sound bbolt file of another program.
func foreignBolt(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "autre.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("clients")); return err })
	_ = db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// spoiledPointer is data with one branch element's child page number set to
// page (0: the branch page itself, a loop); before storage's page walk, the
// first sent bbolt's check past the file (a memory fault: the process died
// with a Go trace) and the second kept it turning forever.
func spoiledPointer(t *testing.T, data []byte, page uint64) []byte {
	t.Helper()
	p := storagetest.FindPointers(data)
	if p.BranchChild == 0 {
		t.Fatal("no branch page in the demo school")
	}
	if page == 0 {
		page = uint64(p.BranchChild / p.PageSize)
	}
	out := bytes.Clone(data)
	binary.LittleEndian.PutUint64(out[p.BranchChild:], page)
	return out
}

// TestOtherSchoolsFileSaysWhyFirst: a SIECLE file of another school is
// refused with that reason right after the file's name, not after a page of
// detail.
func TestOtherSchoolsFileSaysWhyFirst(t *testing.T) {
	db := demoDB(t)
	out, _, code := appelRun(t, "", "import", "siecle", schoolfiles.Path(t, "eleves.zip"), "--check", "--db", db, "--now", "2026-11-23T08:05")
	lines := strings.Split(out, "\n")
	if code == 0 || len(lines) < 3 || lines[1] != "Refusé :" || !strings.Contains(lines[2], "ce fichier est celui de l'établissement") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if len(lines) > 15 {
		t.Errorf("%d lines for a file refused whole:\n%s", len(lines), out)
	}
}

// TestDoctorShrinksWithEachImport: on an empty school appel doctor lists
// everything and fails; each import takes its point off; on the demo only
// what a demo lacks is left (keys, the mail relay, a backup).
func TestDoctorShrinksWithEachImport(t *testing.T) {
	db := emptySchool(t, "0750001A")
	count := func() (int, string) {
		out, _, code := appelRun(t, "", "doctor", "--db", db, "--now", cliNow)
		if code == 0 {
			t.Errorf("doctor exits 0 with points left:\n%s", out)
		}
		return strings.Count(out, "✗"), out
	}
	before, out := count()
	if before < 5 || !strings.Contains(out, "✗ les élèves — appel import siecle") {
		t.Fatalf("empty school:\n%s", out)
	}
	appelCmd(t, "import", "siecle", schoolfiles.Path(t, "eleves.zip"), "--db", db, "--now", cliNow, "--force")
	if after, out := count(); after != before-1 || !strings.Contains(out, "✓ les élèves") {
		t.Errorf("after SIECLE %d (was %d):\n%s", after, before, out)
	}
	demo := demoDB(t)
	out, _, _ = appelRun(t, "", "doctor", "--db", demo)
	missing := strings.Count(out, "✗")
	if missing != 3 || !strings.Contains(out, "sans clé SSH") || !strings.Contains(out, "relais de messagerie") || !strings.Contains(out, "sauvegarde") {
		t.Errorf("demo school:\n%s", out)
	}
}

func TestDoctorListenItem(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file string
		done bool
	}{
		{"APPEL_ADDR=0.0.0.0:2222\n", true},
		{"# réglages\nAPPEL_ADDR=127.0.0.1:2222\n", false},
		{"APPEL_ADDR=\"localhost:2222\"\n", false},
		{"APPEL_ADDR=192.168.1.10:22\n", true},
	} {
		path := filepath.Join(dir, "appel")
		writeFile(t, path, tc.file)
		if item, ok := listenItem(path); !ok || item.Done != tc.done {
			t.Errorf("%q: %+v %v", tc.file, item, ok)
		}
	}
	if _, ok := listenItem(filepath.Join(dir, "absent")); ok {
		t.Error("no settings file, yet an item")
	}
}
