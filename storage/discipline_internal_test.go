package storage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// TestDisciplineMigration opens a file left at the schema before the
// discipline's migration and finds the discipline's buckets after it.
func TestDisciplineMigration(t *testing.T) {
	before := 0
	for i, m := range migrations {
		if strings.HasPrefix(m.what, "discipline") {
			before = i
		}
	}
	path := filepath.Join(t.TempDir(), "a.db")
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *bolt.Tx) error { return migrate(tx, path, migrations[:before]) }); err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bSanctions) != nil || schemaOf(tx) != before {
			t.Fatalf("schema 5 file already has the discipline (schema %d)", schemaOf(tx))
		}
		return nil
	})
	b.Close()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range bucketsDiscipline {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing after migration", name)
			}
		}
		return nil
	})
}

// TestDisciplineStoredAndAudited writes each discipline record on a real
// file, reopens it, reads them back and finds the audit entries.
func TestDisciplineStoredAndAudited(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	day := model.NewDate(2026, 11, 23)
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	inc := model.Incident{ID: "inc-1", Date: day, Kind: "vol", Description: "trousse", By: "aed", At: at,
		Involved: []model.Involved{{Pupil: "E001", Role: model.InvolvedAuthor}, {Staff: "M. Petit", Role: model.InvolvedWitness}}}
	pun := model.Punishment{ID: "pun-1", Pupil: "E001", Kind: model.PunishDetention, Date: day, Detention: "ret-1", By: "cpe", At: at}
	det := model.DetentionSession{ID: "ret-1", Date: day, Start: 780, End: 900, Supervisor: "aed", Absent: []model.PupilID{"E001"}}
	san := model.Sanction{ID: "san-1", Pupil: "E001", Kind: model.SanctionBlame, Date: day, Facts: "vol", Authority: model.AuthorityHead, By: "direction", At: at}
	kinds := []model.DisciplineKind{{Code: "vol", Label: "Vol"}}
	var seen model.ChangeKind
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	feed := db.Watch(ctx)
	_, err = db.Update(ctx, model.Actor{Login: "cpe"}, "discipline", func(tx model.Tx) error {
		return firstErr(tx.PutIncident(inc), tx.PutPunishment(pun), tx.PutDetention(det), tx.PutSanction(san),
			tx.PutDisciplineList(model.ListIncidentKinds, kinds))
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := <-feed; c.Touches(model.ChangedDiscipline) && len(c.Pupils) == 1 {
		seen = c.Kinds
	}
	if seen&model.ChangedDiscipline == 0 {
		t.Error("the feed did not announce a discipline change for E001")
	}
	bad := model.Sanction{ID: "san-2", Pupil: "E001", Kind: "retenue", Date: day, Facts: "x", Authority: model.AuthorityHead}
	if _, err := db.Update(ctx, model.Actor{Login: "cpe"}, "x", func(tx model.Tx) error { return tx.PutSanction(bad) }); err == nil {
		t.Error("storage accepted a seventh kind of sanction")
	}
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(r model.ReadTx) error {
		is, _ := r.Incidents()
		ps, _ := r.Punishments()
		ds, _ := r.Detentions()
		ss, _ := r.Sanctions()
		ks, ok, _ := r.DisciplineList(model.ListIncidentKinds)
		if len(is) != 1 || len(is[0].Involved) != 2 || len(ps) != 1 || len(ds) != 1 || ds[0].Absent[0] != "E001" ||
			len(ss) != 1 || ss[0].Kind != model.SanctionBlame || !ok || len(ks) != 1 {
			t.Errorf("read back %v %v %v %v %v", is, ps, ds, ss, ks)
		}
		if _, ok, _ := r.DisciplineList(model.ListPunishmentKinds); ok {
			t.Error("an unwritten list reads as stored")
		}
		entries, err := r.Audit(model.AuditQuery{})
		if err != nil {
			return err
		}
		want := map[string]bool{model.EntityIncident: false, model.EntityPunishment: false, model.EntityDetention: false,
			model.EntitySanction: false, model.EntityDiscipline: false}
		for _, e := range entries {
			if _, ok := want[e.Entity]; ok && e.Login == "cpe" && e.After != "" {
				want[e.Entity] = true
			}
		}
		for k, v := range want {
			if !v {
				t.Errorf("no audit entry for %s", k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
