package siecle

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
)

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// FuzzElevesFields fuzzes the values of a well-formed export, which byte-level
// fuzzing rarely reaches past the XML syntax.
func FuzzElevesFields(f *testing.F) {
	f.Add("1", "DUPONT", "", "Zoé", "01/02/2012", "", "4e 1", "D", "G1", "G")
	f.Add("2", "", "", "", "31/02/2012", "01/09/2019", "Inactifs", "D", "", "X")
	f.Add("", "A", "B", "C", "x", "demain", "", "g", "3 A", "d")
	f.Fuzz(func(t *testing.T, id, last, usage, first, birth, left, code1, kind1, code2, kind2 string) {
		doc := fmt.Sprintf(`<BEE_ELEVES><DONNEES><ELEVES>
<ELEVE ELEVE_ID="%s"><NOM_DE_FAMILLE>%s</NOM_DE_FAMILLE><NOM_USAGE>%s</NOM_USAGE><PRENOM>%s</PRENOM>
<DATE_NAISS>%s</DATE_NAISS><DATE_SORTIE>%s</DATE_SORTIE></ELEVE></ELEVES>
<STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="%[1]s">
<STRUCTURE><CODE_STRUCTURE>%s</CODE_STRUCTURE><TYPE_STRUCTURE>%s</TYPE_STRUCTURE></STRUCTURE>
<STRUCTURE><CODE_STRUCTURE>%s</CODE_STRUCTURE><TYPE_STRUCTURE>%s</TYPE_STRUCTURE></STRUCTURE>
</STRUCTURES_ELEVE></STRUCTURES></DONNEES></BEE_ELEVES>`,
			esc(id), esc(last), esc(usage), esc(first), esc(birth), esc(left), esc(code1), esc(kind1), esc(code2), esc(kind2))
		e, err := ParseEleves("f.xml", []byte(doc), today)
		checkFuzzError(t, err)
		if err != nil {
			return
		}
		if len(e.Pupils)+len(e.Skipped) != 1 {
			t.Fatalf("one pupil in, %d kept and %d skipped", len(e.Pupils), len(e.Skipped))
		}
		for _, p := range e.Pupils {
			if p.Division != "" && len(e.Divisions) != 1 {
				t.Fatalf("division %q not listed: %v", p.Division, e.Divisions)
			}
			if len(p.Groups) != len(e.Groups) {
				t.Fatalf("groups %v but listed %v", p.Groups, e.Groups)
			}
		}
	})
}
