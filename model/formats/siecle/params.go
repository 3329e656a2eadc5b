// Package siecle reads the exports of SIECLE « Base élèves »: the pupils with
// their divisions and groups (ElevesSansAdresses.xml, ElevesAvecAdresses.xml,
// root BEE_ELEVES) and the guardians with their addresses and phones
// (ResponsablesAvecAdresses.xml, root BEE_RESPONSABLES). Both may come as a
// zip holding the XML, in ISO-8859-15.
//
// Parsing never writes anything: it returns model values, what it skipped
// and why, and refuses (with the line) only what cannot be read or contradicts
// itself. Reconciling with the school's data is the importer's job.
package siecle

import (
	"strconv"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// Header is what the PARAMETRES block of an export says.
type Header struct {
	// File is the name used in messages (« export.zip:ElevesSansAdresses.xml »).
	File string
	// UAJ is the school's code (its UAI) as the export gives it.
	UAJ string
	// Year is the first calendar year of the school year: 2026 for 2026-2027; 0 when absent.
	Year int
	// Exported is DATE_EXPORT; zero when absent.
	Exported model.Date
}

// readParams fills h from a PARAMETRES element, noting values it cannot read.
func (h *Header) readParams(n *xmlin.Node, notes *formats.Notes) {
	h.UAJ = n.Value("UAJ")
	if y := n.Value("ANNEE_SCOLAIRE"); y != "" {
		year, err := strconv.Atoi(y)
		if err != nil || year < 1900 || year > 2999 {
			notes.Add(n.Child("ANNEE_SCOLAIRE").Line, "année scolaire %q illisible : ignorée", formats.Excerpt(y))
		} else {
			h.Year = year
		}
	}
	if d := n.Value("DATE_EXPORT"); d != "" {
		exported, err := model.ParseDate(d)
		if err != nil {
			notes.Add(n.Child("DATE_EXPORT").Line, "date d'export %q illisible : ignorée", formats.Excerpt(d))
		}
		h.Exported = exported
	}
}

// rootCheck returns the root check of xmlin.Walk for an expected root.
func rootCheck(file, want string, kind formats.Kind) func(string) error {
	return func(root string) error {
		if !strings.EqualFold(root, want) {
			return formats.WrongRoot(file, root, kind)
		}
		return nil
	}
}

// sexOf turns CODE_SEXE (1 boy, 2 girl) into M or F.
func sexOf(code string) string {
	switch code {
	case "1":
		return "M"
	case "2":
		return "F"
	}
	return ""
}
