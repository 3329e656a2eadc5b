package formats

import "fmt"

// Kind names the kind of content an import command expects.
type Kind string

// The import commands of docs/CONTRACT.md, by the content they read.
const (
	KindSiecle       Kind = "siecle"
	KindResponsables Kind = "responsables"
	KindSTS          Kind = "sts"
	KindTimetable    Kind = "timetable"
	KindAbsences     Kind = "absences"
	KindCalendar     Kind = "calendrier"
)

type rootInfo struct {
	kind Kind
	what string
}

// roots maps the XML roots that schools' files carry to what they hold.
var roots = map[string]rootInfo{
	"BEE_ELEVES":        {KindSiecle, "un export SIECLE des élèves (BEE_ELEVES)"},
	"BEE_RESPONSABLES":  {KindResponsables, "un export SIECLE des responsables (BEE_RESPONSABLES)"},
	"BEE_NOMENCLATURES": {"", "un export SIECLE des nomenclatures (BEE_NOMENCLATURES), qui ne contient que des listes de codes"},
	"BEE_STRUCTURES":    {"", "un export SIECLE des structures (BEE_STRUCTURES), sans les élèves"},
	"STS_EDT":           {KindSTS, "un export STS-Web des services (STS_EDT)"},
	"EDT_STS":           {KindTimetable, "un emploi du temps (EDT_STS)"},
	"TABLE":             {KindTimetable, "un emploi du temps EDT (EXP_COURS)"},
}

var expected = map[Kind]string{
	KindSiecle:       "l'export SIECLE des élèves (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml, racine BEE_ELEVES)",
	KindResponsables: "l'export SIECLE des responsables (ResponsablesAvecAdresses.xml, racine BEE_RESPONSABLES)",
	KindSTS:          "l'export STS-Web sts_emp_<UAI>_<année>.xml (racine STS_EDT)",
	KindTimetable:    "un emploi du temps (emp_sts_<UAI>_<année>.xml, EXP_COURS d'EDT, CSV d'UDT ou CSV d'appel)",
}

// WrongRoot builds the refusal of a file whose XML root is not the one the
// command want expects: it says what the file is and, when appel reads it with
// another command, which one.
func WrongRoot(file, root string, want Kind) *Error {
	info, known := roots[root]
	switch {
	case known && info.kind != "":
		return Errorf(file, 0, "ce fichier est %s ; importez-le avec `appel import %s`", info.what, info.kind)
	case known:
		return Errorf(file, 0, "ce fichier est %s ; le fichier attendu est %s", info.what, expected[want])
	}
	return Errorf(file, 0, "racine XML %s inattendue ; le fichier attendu est %s", quoteRoot(root), expected[want])
}

func quoteRoot(root string) string {
	if root == "" {
		return "absente"
	}
	return fmt.Sprintf("« %s »", Excerpt(root))
}
