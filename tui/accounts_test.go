package tui_test

import (
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
