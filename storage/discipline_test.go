package storage_test

import (
	"context"
	"path/filepath"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
)

// TestRolloverKeepsSanctions: the next year starts without the year's
// incidents, punishments and detentions, but keeps the sanctions (their
// erasure runs over the next two years) and the school's lists of kinds;
// the archive holds everything.
func TestRolloverKeepsSanctions(t *testing.T) {
	dir := t.TempDir()
	db := yearFixture(t, filepath.Join(dir, "appel.db"))
	day := modeltest.Monday
	at := modeltest.HistoryAt
	_, err := db.Update(context.Background(), model.Actor{Login: "cpe"}, "discipline", func(tx model.Tx) error {
		return firstErr(
			tx.PutIncident(model.Incident{ID: "inc-1", Date: day, Kind: "vol", Description: "trousse", By: "aed", At: at}),
			tx.PutPunishment(model.Punishment{ID: "pun-1", Pupil: "E001", Kind: model.PunishNote, Date: day, By: "cpe", At: at}),
			tx.PutDetention(model.DetentionSession{ID: "ret-1", Date: day, Start: 780, End: 900, Supervisor: "aed"}),
			tx.PutSanction(model.Sanction{ID: "san-1", Pupil: "E001", Kind: model.SanctionBlame, Date: day, Facts: "vol",
				Authority: model.AuthorityHead, By: "direction", At: at}),
			tx.PutDisciplineList(model.ListIncidentKinds, []model.DisciplineKind{{Code: "vol", Label: "Vol"}}))
	})
	if err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(dir, "appel-2026-2027.db")
	if err := db.Rollover(rollover(t, db, archive)); err != nil {
		t.Fatal(err)
	}
	counts := func(r model.ReadTx) (int, int, int, int, bool) {
		is, _ := r.Incidents()
		ps, _ := r.Punishments()
		ds, _ := r.Detentions()
		ss, _ := r.Sanctions()
		_, ok, _ := r.DisciplineList(model.ListIncidentKinds)
		return len(is), len(ps), len(ds), len(ss), ok
	}
	err = db.View(func(r model.ReadTx) error {
		if i, p, d, s, ok := counts(r); i != 0 || p != 0 || d != 0 || s != 1 || !ok {
			t.Errorf("next year: %d incidents, %d punishments, %d detentions, %d sanctions, list kept %v", i, p, d, s, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	old, err := storage.OpenArchive(archive, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	err = old.View(func(r model.ReadTx) error {
		if i, p, d, s, ok := counts(r); i != 1 || p != 1 || d != 1 || s != 1 || !ok {
			t.Errorf("archive: %d incidents, %d punishments, %d detentions, %d sanctions, list %v", i, p, d, s, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
