package xmlin

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/internal/sampletest"
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

func TestUnwrapSampleZip(t *testing.T) {
	data := sampletest.Read(t, "dossiersco_ExportXML_Nomenclature_arago_2018-19.zip")
	name, xml, err := Unwrap("export.zip", data)
	if err != nil {
		t.Fatal(err)
	}
	if name != "export.zip:Nomenclature.xml" {
		t.Errorf("name = %q", name)
	}
	var root string
	err = Walk(name, xml, func(r string) error { root = r; return nil }, Handlers{
		"DONNEES/LIENS_PARENTE/LIEN_PARENTE": func(n *Node) error {
			if n.Attr("CODE_PARENTE") == "20" && n.Value("LIBELLE_EDITION") != "Père" {
				return fmt.Errorf("ligne %d : libellé %q", n.Line, n.Value("LIBELLE_EDITION"))
			}
			return nil
		},
	})
	if err != nil || root != "BEE_NOMENCLATURES" {
		t.Errorf("Walk: root %q, err %v", root, err)
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
	sampletest.Seed(f, "dossiersco_eleves_avec_adresse_avec_double_structure.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		name, xml, err := Unwrap("f", data)
		if err != nil {
			return
		}
		err = Walk(name, xml, func(string) error { return nil }, Handlers{"A/X": func(n *Node) error {
			if n.Line < 1 {
				t.Errorf("node %s without a line", n.Name)
			}
			return nil
		}})
		var fe *formats.Error
		if err != nil && !errors.As(err, &fe) {
			t.Errorf("error %v is not a formats.Error", err)
		}
		if fe != nil && fe.Line > 0 && !strings.Contains(err.Error(), fmt.Sprintf("ligne %d", fe.Line)) {
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
