package model_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// keyLine is a well-formed ssh-ed25519 public key line, from seed.
func keyLine(seed byte, comment string) string {
	pub := ed25519.NewKeyFromSeed([]byte(strings.Repeat(string(rune('a'+seed)), ed25519.SeedSize))).Public().(ed25519.PublicKey)
	blob := binary.BigEndian.AppendUint32(nil, uint32(len("ssh-ed25519")))
	blob = append(blob, "ssh-ed25519"...)
	blob = binary.BigEndian.AppendUint32(blob, uint32(len(pub)))
	blob = append(blob, pub...)
	return "ssh-ed25519 " + base64.StdEncoding.EncodeToString(blob) + " " + comment
}

// TestAddKeys: every key line of the text is authorised, or none; each
// refused line is named.
func TestAddKeys(t *testing.T) {
	a, b, c := keyLine(0, "portable"), keyLine(1, "bureau"), keyLine(2, "tablette")
	cases := []struct {
		name   string
		login  string
		lines  []string
		keys   int    // keys of cpe afterwards
		refuse string // the error's message, "" for none
	}{
		{"two keys, a comment, a blank line", "cpe", []string{a, "# bureau", "", b}, 2, ""},
		{"a bad line", "cpe", []string{a, "pas une clé", b, "ssh-ed25519 AAAA"}, 0,
			"clés refusées, aucune n'a été ajoutée : ligne 2 : type de clé \"pas\" non accepté"},
		{"the same key twice", "cpe", []string{a, c, a}, 0, "ligne 3 : cette clé est donnée deux fois"},
		{"prof's key", "cpe", []string{c, keyLine(3, "prof")}, 0, `ligne 2 : cette clé appartient déjà au compte "prof"`},
		{"no key", "cpe", []string{"", "# rien"}, 0, "aucune clé publique"},
		{"an unknown account", "inconnu", []string{a}, 0, `compte "inconnu" introuvable`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := deskSchool(t)
			admin := deskAt(db, "admin", modeltest.Monday, 9, 0)
			if _, err := admin.AddKey("prof", keyLine(3, "prof")); err != nil {
				t.Fatal(err)
			}
			keys, err := admin.AddKeys(tc.login, tc.lines)
			switch {
			case tc.refuse == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.refuse != "" && (err == nil || !strings.Contains(err.Error(), tc.refuse)):
				t.Fatalf("error %v, want %q", err, tc.refuse)
			case tc.refuse == "" && len(keys) != tc.keys:
				t.Errorf("%d keys returned, want %d", len(keys), tc.keys)
			}
			dir, _ := admin.Directory()
			if acc, _ := dir.Account("cpe"); len(acc.Keys) != tc.keys {
				t.Errorf("cpe has %d keys, want %d", len(acc.Keys), tc.keys)
			}
		})
	}
}

// TestAddKeysNeedsTheAccountsRole: only the admin adds keys, and a refused
// role learns nothing about the key.
func TestAddKeysNeedsTheAccountsRole(t *testing.T) {
	db := deskSchool(t)
	admin := deskAt(db, "admin", modeltest.Monday, 9, 0)
	if _, err := admin.AddKey("prof", keyLine(3, "prof")); err != nil {
		t.Fatal(err)
	}
	_, err := deskAt(db, "cpe", modeltest.Monday, 9, 0).AddKeys("cpe", []string{keyLine(3, "prof")})
	if !errors.Is(err, model.ErrForbidden) || strings.Contains(err.Error(), "prof") {
		t.Errorf("cpe adding prof's key: %v", err)
	}
}

func TestParseRolesReadsFrenchWordsAndCodes(t *testing.T) {
	for _, tc := range []struct {
		in    string
		want  string // RolesString of the roles read; "" when refused
		codes string
	}{
		{"enseignant", "enseignant", "teacher"},
		{"teacher", "enseignant", "teacher"},
		{"Enseignant, CPE", "enseignant,cpe", "teacher,cpe"},
		{"administrateur", "administrateur", "admin"},
		{"admin,aed", "aed,administrateur", "aed,admin"},
		{"Assistant d'éducation", "aed", "aed"},
		{"direction,direction", "direction", "direction"},
		{"professeur", "", ""},
		{" , ", "", ""},
	} {
		roles, err := model.ParseRoles(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParseRoles(%q) = %v, want a refusal", tc.in, roles)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseRoles(%q): %v", tc.in, err)
			continue
		}
		a := model.Account{Roles: roles}
		if a.RolesString() != tc.want || a.RoleCodes() != tc.codes {
			t.Errorf("ParseRoles(%q) shows %q (codes %q), want %q (%q)", tc.in, a.RolesString(), a.RoleCodes(), tc.want, tc.codes)
		}
	}
}
