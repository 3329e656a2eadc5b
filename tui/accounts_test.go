package tui_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"strings"
	"testing"

	"appel/model/modeltest"
)

// disabled reports whether login's account is disabled in the store.
func disabled(t *testing.T, f fixture, login string) bool {
	t.Helper()
	list, err := f.service("admin").Accounts()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Login == login {
			return a.Disabled
		}
	}
	t.Fatalf("no account %s", login)
	return false
}

// TestAccountsAskBeforeDisabling: typing « /mdup » on Comptes filters the
// list and disables nothing; d asks before disabling and changes nothing
// until o; re-enabling needs no question.
func TestAccountsAskBeforeDisabling(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.start(t, "admin", 100, 24)
	d.WaitFor("1 Comptes", "aed")
	d.Press("/", "m", "d", "u", "p")
	d.WaitFor("filtre : mdup▏")
	if disabled(t, f, "aed") {
		t.Fatal("a filter typed disabled an account")
	}
	d.Press("esc", "esc", "/", "p", "e", "t", "i", "t", "enter")
	d.WaitFor("filtre : petit")
	d.Press("d")
	v := d.WaitFor("Désactiver le compte aed (M. Petit) ?", "o : oui")
	if strings.Contains(v, "Identifiant") {
		t.Errorf("the question hides the list until answered:\n%s", v)
	}
	d.Press("u")
	d.WaitFor("Rien n'a été fait.")
	d.Press("p")
	if disabled(t, f, "aed") {
		t.Fatal("a stray key disabled aed")
	}
	d.Press("d", "o")
	d.WaitFor("Compte aed désactivé.", "(désactivé)")
	if !disabled(t, f, "aed") {
		t.Fatal("d then o did not disable aed")
	}
	d.Press("d")
	d.WaitFor("Compte aed réactivé.")
	if disabled(t, f, "aed") {
		t.Fatal("d on a disabled account did not re-enable it")
	}
}

// TestSetupPaneOnTheAdministratorsScreen: the administrator's first screen
// lists what the school lacks, and a point leaves it once given.
func TestSetupPaneOnTheAdministratorsScreen(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.start(t, "admin", 140, 30)
	v := d.WaitFor("Mise en route : 3 points restent", "✗ le relais de messagerie")
	if !strings.Contains(v, "sans clé SSH") {
		t.Errorf("the keys:\n%s", v)
	}
	for k, val := range map[string]string{"smtp.addr": "smtp.college.fr:587", "smtp.from": "vs@college.fr"} {
		if _, err := f.service("admin").SetSetting(k, val); err != nil {
			t.Fatal(err)
		}
	}
	d.WaitFor("Mise en route : 2 points restent")
}

// TestMyKeysFromAnyScreen: K opens « Mes clés » from the teacher's roll
// call: his keys, one withdrawn after a question, a code for a new computer
// shown once; esc goes back.
func TestMyKeysFromAnyScreen(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	admin := f.service("admin")
	if _, err := admin.AddKeys("prof", []string{testKey(1, "bureau"), testKey(2, "portable")}); err != nil {
		t.Fatal(err)
	}
	d := f.start(t, "prof", 100, 30)
	d.WaitFor("appel non fait")
	d.Press("K")
	d.WaitFor("Mes clés SSH", "bureau", "portable")
	d.Press("x")
	d.WaitFor("Retirer la clé")
	d.Press("o")
	d.WaitUntil(func(v string) bool {
		return strings.Contains(v, "Mes clés SSH") && strings.Contains(v, "portable") && !strings.Contains(v, "bureau")
	}, "the key withdrawn gone")
	d.Press("n")
	d.WaitFor("Code pour votre nouvel ordinateur : ")
	d.Press("esc")
	d.WaitFor("appel non fait")
	if !f.service("prof").Invited("prof") {
		t.Error("no invitation after n")
	}
}

// testKey is a well-formed ssh-ed25519 public key line, from seed.
func testKey(seed byte, comment string) string {
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{'a' + seed}, ed25519.SeedSize)).Public().(ed25519.PublicKey)
	blob := binary.BigEndian.AppendUint32(nil, uint32(len("ssh-ed25519")))
	blob = append(blob, "ssh-ed25519"...)
	blob = binary.BigEndian.AppendUint32(blob, uint32(len(pub)))
	blob = append(blob, pub...)
	return "ssh-ed25519 " + base64.StdEncoding.EncodeToString(blob) + " " + comment
}

// TestMyKeysWithdrawsOffTheKeystroke: « o » to withdraw a key returns the
// command that withdraws it; the keystroke itself writes nothing (it did:
// the store's write ran in Update, on the session's event loop).
func TestMyKeysWithdrawsOffTheKeystroke(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	if _, err := f.service("admin").AddKeys("prof", []string{testKey(1, "bureau"), testKey(2, "portable")}); err != nil {
		t.Fatal(err)
	}
	prof := f.service("prof")
	d := f.start(t, "prof", 100, 30)
	d.WaitFor("appel non fait")
	d.Press("K")
	d.WaitFor("Mes clés SSH", "bureau", "portable")
	d.Press("x")
	d.WaitFor("Retirer la clé")
	next, cmd := d.App.Update(keyMsg("o"))
	d.App = next
	if keys, err := prof.MyKeys(); err != nil || len(keys) != 2 {
		t.Fatalf("the keystroke wrote: %d keys left (%v)", len(keys), err)
	}
	if cmd == nil {
		t.Fatal("no command to withdraw the key")
	}
	d.Send(cmd())
	d.WaitUntil(func(v string) bool { return strings.Contains(v, "portable") && !strings.Contains(v, "bureau") }, "the key withdrawn gone")
	if keys, _ := prof.MyKeys(); len(keys) != 1 {
		t.Errorf("%d keys after the command, want 1", len(keys))
	}
}
