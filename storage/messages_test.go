package storage_test

import (
	"testing"

	"appel/model"
	"appel/storage"
)

// TestMessagesWaitUntilRead: a message is kept for its account across a
// restart, in the order sent, until he reads it; reading up to one message
// keeps the later ones, and another account's are left alone.
func TestMessagesWaitUntilRead(t *testing.T) {
	path := tempPath(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustUpdate(t, db, func(tx model.Tx) error {
		return firstErr(
			tx.Notify(model.Notification{To: "prof", Text: "un"}),
			tx.Notify(model.Notification{To: "prof2", Text: "autre"}),
			tx.Notify(model.Notification{To: "prof", Text: "deux"}),
		)
	})
	mustUpdate(t, db, func(tx model.Tx) error { return tx.Notify(model.Notification{To: "prof", Text: "trois"}) })
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	msgs := messages(t, db, "prof")
	if texts(msgs) != "un deux trois" || msgs[0].From != "testeur" || msgs[0].At.IsZero() {
		t.Fatalf("kept for prof: %+v", msgs)
	}
	mustUpdate(t, db, func(tx model.Tx) error { return tx.ReadMessages("prof", msgs[1].ID) })
	if got := texts(messages(t, db, "prof")); got != "trois" {
		t.Errorf("after reading up to « deux »: %q", got)
	}
	if got := texts(messages(t, db, "prof2")); got != "autre" {
		t.Errorf("prof2's message: %q", got)
	}
	mustUpdate(t, db, func(tx model.Tx) error { return tx.ReadMessages("prof", ^uint64(0)) })
	if got := messages(t, db, "prof"); len(got) != 0 {
		t.Errorf("all read, still kept: %+v", got)
	}
}

func messages(t *testing.T, db *storage.DB, login string) []model.Notification {
	t.Helper()
	var out []model.Notification
	mustView(t, db, func(tx model.ReadTx) error {
		var err error
		out, err = tx.Messages(login)
		return err
	})
	return out
}

func texts(ms []model.Notification) string {
	s := ""
	for i, m := range ms {
		if i > 0 {
			s += " "
		}
		s += m.Text
	}
	return s
}
