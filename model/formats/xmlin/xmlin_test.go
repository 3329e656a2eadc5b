package xmlin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/formats"
)

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUnwrap(t *testing.T) {
	tests := []struct {
		name     string
		data     []byte
		wantName string
		wantXML  string
		wantErr  string
	}{
		{"bare xml", []byte("<R/>"), "f.xml", "<R/>", ""},
		{"zip with one xml", zipOf(t, map[string]string{"E.xml": "<E/>", "__MACOSX/._E.xml": "x", "lisez-moi.txt": "x"}), "f.xml:E.xml", "<E/>", ""},
		{"zip without xml", zipOf(t, map[string]string{"a.txt": "x"}), "", "", "aucun fichier XML"},
		{"zip with two xml", zipOf(t, map[string]string{"a.xml": "<a/>", "b.xml": "<b/>"}), "", "", "2 fichiers XML"},
		{"broken zip", []byte("PK\x03\x04garbage"), "", "", "archive zip illisible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, xml, err := Unwrap("f.xml", tt.data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || name != tt.wantName || string(xml) != tt.wantXML {
				t.Errorf("Unwrap = %q, %q, %v; want %q, %q", name, xml, err, tt.wantName, tt.wantXML)
			}
		})
	}
}

// TestUnwrapSIECLEZip reads a SIECLE zip: the synthetic one, and the real
// sample when it is reachable.
func TestUnwrapSIECLEZip(t *testing.T) {
	zips := map[string][]byte{"Nomenclature.xml": schoolfiles.Read(t, "nomenclatures.zip")}
	if real, ok := schoolfiles.Sample(t, "dossiersco_ExportXML_Nomenclature_arago_2018-19.zip"); ok {
		zips["Nomenclature.xml (réel)"] = real
	}
	for inner, data := range zips {
		name, xml, err := Unwrap("export.zip", data)
		if err != nil {
			t.Fatal(err)
		}
		if name != "export.zip:Nomenclature.xml" {
			t.Errorf("%s: name = %q", inner, name)
		}
		var root string
		fathers := 0
		err = Walk(name, xml, func(r string) error { root = r; return nil }, Handlers{
			"DONNEES/LIENS_PARENTE/LIEN_PARENTE": func(n *Node) error {
				if n.Attr("CODE_PARENTE") != "20" {
					return nil
				}
				fathers++
				if n.Value("LIBELLE_EDITION") != "Père" {
					return fmt.Errorf("ligne %d : libellé %q", n.Line, n.Value("LIBELLE_EDITION"))
				}
				return nil
			},
		})
		if err != nil || root != "BEE_NOMENCLATURES" || fathers != 1 {
			t.Errorf("%s: Walk: root %q, %d « Père », err %v", inner, root, fathers, err)
		}
	}
}

const doc = `<?xml version="1.0" encoding="UTF-8"?>
<R>
  <B><X ID="2"><N>deux</N></X></B>
  <A>
    <X ID=" 1 ">
      <N> un </N>
      <Inconnu/>
    </X>
  </A>
  <B><X ID="3"/></B>
</R>`

func TestWalkAnyOrder(t *testing.T) {
	var got []string
	collect := func(n *Node) error {
		got = append(got, fmt.Sprintf("%s:%s@%d", n.Attr("id"), n.Value("N"), n.Line))
		return nil
	}
	err := Walk("f.xml", []byte(doc), func(string) error { return nil }, Handlers{"A/X": collect, "B/X": collect})
	if err != nil {
		t.Fatal(err)
	}
	want := "2:deux@3 1:un@5 3:@10"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestWalkErrors(t *testing.T) {
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<R><N>C\xbdur</N></R>"
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "f.xml : aucun élément XML"},
		{"not xml", "nom;prenom\n", "aucun élément XML"},
		{"mismatched tag", "<R>\n<A>\n</B></R>", "f.xml, ligne 3 : XML mal formé"},
		{"truncated", "<R>\n<A>", "ligne 2"},
		{"unknown charset", "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>\n<R/>", "encodage \"KOI8-R\" non pris en charge"},
		{"second root", "<R/>\n<S/>", "ligne 2 : XML mal formé (élément <S> après la fin du document)"},
		{"wrong root", "<S/>", "racine"},
		{"latin9 is fine", latin, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(root string) error {
				if root != "R" {
					return formats.WrongRoot("f.xml", root, formats.KindSiecle)
				}
				return nil
			}
			err := Walk("f.xml", []byte(tt.data), check, Handlers{"N": func(n *Node) error {
				if n.Text != "Cœur" {
					return fmt.Errorf("N = %q", n.Text)
				}
				return nil
			}})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("err %v is not a model.ErrInvalid", err)
			}
		})
	}
}

func TestNodeNilSafe(t *testing.T) {
	var n *Node
	if n.Attr("x") != "" || n.Child("x") != nil || n.Value("a", "b") != "" || n.Find("a") != nil || n.Values("a") != nil {
		t.Error("a nil node must give zero values")
	}
}

func FuzzWalk(f *testing.F) {
	f.Add([]byte(doc))
	f.Add(zipOf(f, map[string]string{"E.xml": doc}))
	schoolfiles.Seed(f, "dossiersco_eleves_avec_adresse_avec_double_structure.xml")
	schoolfiles.SeedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		name, xml, err := Unwrap("f", data)
		if err != nil {
			return
		}
		err = Walk(name, xml, func(string) error { return nil }, Handlers{"A/X": func(n *Node) error {
			if n.Line < 1 {
				t.Errorf("node %s without a line", n.Name)
			}
			for _, k := range append(n.Kids, n) {
				values := []string{k.Text}
				for _, a := range k.Attrs {
					values = append(values, a.Value)
				}
				for _, v := range values {
					if _, ok := model.CheckText(v, model.Plain); !ok {
						t.Errorf("node %s hands over %q", k.Name, v)
					}
				}
			}
			return nil
		}})
		var fe *formats.Error
		if err != nil && !errors.As(err, &fe) {
			t.Errorf("error %v is not a formats.Error", err)
		}
		if fe != nil && fe.Line > 0 && !strings.HasPrefix(err.Error(), formats.Place(fe.File, fe.Line, fe.Column)) {
			t.Errorf("error %q does not show its line", err)
		}
	})
}

func TestRoot(t *testing.T) {
	tests := []struct {
		data, want string
		xml        bool
	}{
		{"\xEF\xBB\xBF \n<?xml version=\"1.0\"?><!-- c --><EDT_STS><x>", "EDT_STS", true},
		{"<TABLE/>", "TABLE", true},
		{"JOUR;H.DEBUT\n", "", false},
	}
	for _, tt := range tests {
		if got := LooksLikeXML([]byte(tt.data)); got != tt.xml {
			t.Errorf("LooksLikeXML(%q) = %v", tt.data, got)
		}
		if !tt.xml {
			continue
		}
		if got, err := Root("f", []byte(tt.data)); got != tt.want || err != nil {
			t.Errorf("Root(%q) = %q, %v", tt.data, got, err)
		}
	}
}

// TestWalkRefusesControls: a control or invisible character in an XML file,
// raw or written as a character reference, is refused with its line (and
// its column when raw), whatever the encoding; line breaks inside a value
// are put on one line.
func TestWalkRefusesControls(t *testing.T) {
	latin9 := "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<R>\n<N>C\xbdur</N>\n<N>MATHS\x1b[2J</N></R>"
	tests := []struct {
		name, data, want string
	}{
		{"escape in latin-9", latin9, "f.xml, ligne 4, colonne 9 : caractère de contrôle U+001B (échappement)"},
		{"c1 control in utf-8", "<R>\n<N>a\u0085</N></R>", "f.xml, ligne 2, colonne 5 : caractère de contrôle U+0085"},
		{"bidi override in an attribute", "<R>\n<N ID='\u202e1'/></R>", "f.xml, ligne 2, colonne 8 : caractère de direction du texte U+202E"},
		{"byte undefined in latin-9", "<?xml version='1.0' encoding='iso-8859-15'?><R><N>\x92</N></R>", "f.xml, ligne 1, colonne 51 : octet 0x92 sans caractère en ISO-8859-15"},
		{"not utf-8 without a declaration", "<R><N>Andr\xe9</N></R>", "f.xml, ligne 1, colonne 11 : octet 0xE9 qui n'est pas de l'UTF-8"},
		{"character reference to a bidi override", "<R>\n<N>&#x202E;abc</N></R>", "f.xml, ligne 2 : élément <N> : caractère de direction du texte U+202E, écrit en référence de caractère"},
		{"character reference to a c1 control", "<R>\n<N X=\"&#133;\"/></R>", "f.xml, ligne 2 : élément <N> : caractère de contrôle U+0085"},
		{"character reference to escape", "<R>\n<N>&#27;[2J</N></R>", "f.xml, ligne 2 : XML mal formé (référence à un caractère interdit)"},
		{"mismatched tags in french", "<R>\n<N>\n</M></R>", "f.xml, ligne 3 : XML mal formé (élément fermé par une autre balise)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Walk("f.xml", []byte(tt.data), func(string) error { return nil }, Handlers{"N": func(*Node) error { return nil }})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "MATHS") {
				t.Errorf("the message quotes the file: %v", err)
			}
		})
	}
	var got []string
	err := Walk("f.xml", []byte("<R><N A=\"1\n2\">un\n\tdeux</N></R>"), func(string) error { return nil },
		Handlers{"N": func(n *Node) error { got = append(got, n.Text, n.Attr("A")); return nil }})
	if err != nil || strings.Join(got, "|") != "un  deux|1 2" {
		t.Errorf("values %q, %v", got, err)
	}
}

func TestDeclaredEncoding(t *testing.T) {
	tests := map[string]string{
		`<?xml version="1.0" encoding="ISO-8859-15"?><R/>`:         "ISO-8859-15",
		`<?xml version='1.0' encoding = 'windows-1252' ?><R/>`:     "windows-1252",
		`<?xml version="1.0"?><R encoding="x"/>`:                   "",
		`<R/>`:                                                     "",
		`<?xml version="1.0" standalone="yes" encoding="latin9"?>`: "latin9",
	}
	for in, want := range tests {
		if got := declaredEncoding([]byte(in)); got != want {
			t.Errorf("declaredEncoding(%s) = %q, want %q", in, got, want)
		}
	}
}
