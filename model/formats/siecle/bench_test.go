package siecle

import (
	"fmt"
	"strings"
	"testing"
)

// bigEleves builds a BEE_ELEVES export of n pupils in 24 divisions, each also
// in one group, the shape of a large collège.
func bigEleves(n int) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BEE_ELEVES VERSION=\"3.0\"><PARAMETRES><UAJ>0670001A</UAJ><ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><ELEVES>\n")
	for i := range n {
		fmt.Fprintf(&b, "<ELEVE ELEVE_ID=\"%d\"><ID_NATIONAL>%09dAB</ID_NATIONAL><NOM_DE_FAMILLE>NOM%d</NOM_DE_FAMILLE><PRENOM>Prénom</PRENOM><DATE_NAISS>01/02/2012</DATE_NAISS><CODE_SEXE>1</CODE_SEXE><CODE_MEF>10010012110</CODE_MEF></ELEVE>\n", i, i, i)
	}
	b.WriteString("</ELEVES><STRUCTURES>\n")
	for i := range n {
		fmt.Fprintf(&b, "<STRUCTURES_ELEVE ELEVE_ID=\"%d\"><STRUCTURE><CODE_STRUCTURE>%dE%d</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE><STRUCTURE><CODE_STRUCTURE>G%d</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n", i, 3+i%4, i%6, i%10)
	}
	b.WriteString("</STRUCTURES></DONNEES></BEE_ELEVES>\n")
	return []byte(b.String())
}

func BenchmarkParseEleves2000(b *testing.B) {
	data := bigEleves(2000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		e, err := ParseEleves("e.xml", data, today)
		if err != nil || len(e.Pupils) != 2000 {
			b.Fatal(err)
		}
	}
}
