package timetable

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"testing"
)

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// FuzzEmpSTSFields fuzzes the values of a well-formed emp_sts file, which
// byte-level fuzzing rarely reaches past the XML syntax.
func FuzzEmpSTSFields(f *testing.F) {
	f.Add("A", "Q1", "2026-09-07", "A", "3", "0800", "0100", "6A")
	f.Add("S1", "", "2026-09-09", "ZZ", "7", "2330", "0100", "")
	f.Add("H", "H", "x", "", "0", "8h", "1h", "3 A")
	f.Fuzz(func(t *testing.T, alt, short, monday, use, day, start, dur, code string) {
		doc := fmt.Sprintf(`<EDT_STS><ALTERNANCES><ALTERNANCE CODE="%s"><LIBELLE_COURT>%s</LIBELLE_COURT>
<SEMAINES><DATE_DEBUT_SEMAINE>%s</DATE_DEBUT_SEMAINE></SEMAINES></ALTERNANCE></ALTERNANCES>
<DONNEES><STRUCTURE><GROUPES><GROUPE CODE="%s"><SERVICES><SERVICE CODE_MATIERE="M"><ENSEIGNANTS><ENSEIGNANT ID="1">
<COURS_RATTACHES><COURS><CODE_ALTERNANCE>%s</CODE_ALTERNANCE><JOUR>%s</JOUR><HEURE_DEBUT>%s</HEURE_DEBUT><DUREE>%s</DUREE></COURS>
</COURS_RATTACHES></ENSEIGNANT></ENSEIGNANTS></SERVICE></SERVICES></GROUPE></GROUPES></STRUCTURE></DONNEES></EDT_STS>`,
			esc(alt), esc(short), esc(monday), esc(code), esc(use), esc(day), esc(start), esc(dur))
		tt, err := Parse("f.xml", []byte(doc), Options{})
		if err != nil {
			if !bytes.Contains([]byte(err.Error()), []byte("ligne ")) {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, e := range tt.Entries {
			if err := e.Course.Validate(); err != nil {
				t.Fatalf("%s: %v", summary(e), err)
			}
		}
	})
}
