package siecle

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// Responsables is what a BEE_RESPONSABLES export holds for appel.
type Responsables struct {
	Header
	// Guardians are the persons linked to at least one pupil, in the export's
	// order, with their address and phones. Their ID is SIECLE's PERSONNE_ID.
	// Links may name pupils the school does not have: the importer skips those.
	Guardians []model.Guardian
	// Lines gives the line of each guardian's PERSONNE element, by ID.
	Lines map[string]int
	Notes formats.Notes
}

// Relations are the labels of SIECLE's CODE_PARENTE, as its nomenclature gives them.
var Relations = map[string]string{
	"10": "Mère", "20": "Père", "37": "Fratrie", "38": "Ascendant", "39": "Autre membre de la famille",
	"41": "Éducateur", "42": "Assistant familial", "50": "Tuteur", "51": "Aide sociale à l'enfance",
	"70": "Élève lui-même", "90": "Autre lien",
}

type respParser struct {
	out       *Responsables
	persons   []*model.Guardian
	byID      map[string]int
	addressOf map[string]string // person → ADRESSE_ID
	addresses map[string][]string
	links     []link
}

type link struct {
	person string
	kin    model.Kinship
	line   int
}

// ParseResponsables reads a ResponsablesAvecAdresses export (bare or zipped).
// It accepts both shapes of links: RESPONSABLE_ELEVE with NIVEAU_RESPONSABILITE
// (1 légal, 2 en charge, 3 à contacter) and CODE_PARENTE, and the older
// RESPONSABLE with RESP_LEGAL (1 or 2: légal; 0: à contacter).
func ParseResponsables(file string, data []byte) (*Responsables, error) {
	file, xml, err := xmlin.Unwrap(file, data)
	if err != nil {
		return nil, err
	}
	p := &respParser{
		out:       &Responsables{Header: Header{File: file}, Lines: map[string]int{}},
		byID:      map[string]int{},
		addressOf: map[string]string{},
		addresses: map[string][]string{},
	}
	err = xmlin.Walk(file, xml, rootCheck(file, "BEE_RESPONSABLES", formats.KindResponsables), xmlin.Handlers{
		"PARAMETRES":                             func(n *xmlin.Node) error { p.out.readParams(n, &p.out.Notes); return nil },
		"DONNEES/PERSONNES/PERSONNE":             p.person,
		"DONNEES/ADRESSES/ADRESSE":               p.address,
		"DONNEES/RESPONSABLES/RESPONSABLE_ELEVE": p.link,
		"DONNEES/RESPONSABLES/RESPONSABLE":       p.link,
	})
	if err != nil {
		return nil, err
	}
	p.assemble()
	return p.out, nil
}

func (p *respParser) person(n *xmlin.Node) error {
	id := n.Attr("PERSONNE_ID")
	if id == "" {
		return formats.Errorf(p.out.File, n.Line, "personne sans attribut PERSONNE_ID")
	}
	if _, dup := p.byID[id]; dup {
		return formats.Errorf(p.out.File, n.Line, "personne PERSONNE_ID %s en double (déjà ligne %d)", id, p.out.Lines[id])
	}
	g := &model.Guardian{
		ID: id, Civility: n.Value("LC_CIVILITE"),
		LastName: cmpOr(n.Value("NOM_USAGE"), n.Value("NOM_DE_FAMILLE")), FirstName: n.Value("PRENOM"),
		Phone: n.Value("TEL_PORTABLE"), HomePhone: n.Value("TEL_PERSONNEL"), WorkPhone: n.Value("TEL_PROFESSIONNEL"),
		Email: n.Value("MEL"), SMS: n.Value("ACCEPTE_SMS") == "1",
	}
	if err := model.CheckEmail("mél", g.Email); err != nil {
		p.out.Notes.Add(n.Line, "personne %s : %s, ignorée", id, model.UserMessage(err))
		g.Email = ""
	}
	if g.LastName == "" {
		p.out.Notes.Add(n.Line, "personne %s sans nom", id)
	}
	p.byID[id] = len(p.persons)
	p.persons = append(p.persons, g)
	p.out.Lines[id] = n.Line
	p.addressOf[id] = n.Value("ADRESSE_ID")
	return nil
}

// address reads an ADRESSE into the lines of a letter's address block.
func (p *respParser) address(n *xmlin.Node) error {
	id := n.Attr("ADRESSE_ID")
	if id == "" {
		p.out.Notes.Add(n.Line, "adresse sans attribut ADRESSE_ID, ignorée")
		return nil
	}
	var lines []string
	for i := 1; i <= 4; i++ {
		if l := n.Value("LIGNE" + strconv.Itoa(i) + "_ADRESSE"); l != "" {
			lines = append(lines, l)
		}
	}
	city := cmpOr(n.Value("LIBELLE_POSTAL"), n.Value("COMMUNE_ETRANGERE"))
	if town := strings.TrimSpace(n.Value("CODE_POSTAL") + " " + city); town != "" {
		lines = append(lines, town)
	}
	if country := n.Value("LL_PAYS"); country != "" && !strings.EqualFold(country, "FRANCE") {
		lines = append(lines, country)
	}
	p.addresses[id] = lines
	return nil
}

func (p *respParser) link(n *xmlin.Node) error {
	pupil, person := n.Value("ELEVE_ID"), n.Value("PERSONNE_ID")
	if pupil == "" || person == "" {
		return formats.Errorf(p.out.File, n.Line, "lien responsable sans ELEVE_ID ou sans PERSONNE_ID")
	}
	level, err := levelOf(n)
	if err != nil {
		return formats.Errorf(p.out.File, n.Line, "lien de %s vers l'élève %s : %v", person, pupil, err)
	}
	relation := n.Value("CODE_PARENTE")
	if label, ok := Relations[relation]; ok {
		relation = label
	}
	p.links = append(p.links, link{person, model.Kinship{Pupil: model.PupilID(pupil), Level: level, Relation: relation}, n.Line})
	return nil
}

// levelOf reads NIVEAU_RESPONSABILITE, or else the older RESP_LEGAL.
func levelOf(n *xmlin.Node) (int, error) {
	if v := n.Value("NIVEAU_RESPONSABILITE"); v != "" {
		if v != "1" && v != "2" && v != "3" {
			return 0, fmt.Errorf("niveau de responsabilité %q inconnu (1, 2 ou 3 attendu)", formats.Excerpt(v))
		}
		return int(v[0] - '0'), nil
	}
	switch v := n.Value("RESP_LEGAL"); v {
	case "1", "2":
		return 1, nil
	case "0":
		return 3, nil
	case "":
		return 0, fmt.Errorf("ni NIVEAU_RESPONSABILITE ni RESP_LEGAL")
	default:
		return 0, fmt.Errorf("RESP_LEGAL %q inconnu (0, 1 ou 2 attendu)", formats.Excerpt(v))
	}
}

// assemble attaches addresses and links; persons without any link are left out.
func (p *respParser) assemble() {
	for _, l := range p.links {
		i, ok := p.byID[l.person]
		if !ok {
			p.out.Notes.Add(l.line, "lien vers la personne %s, absente de la liste des personnes : ignoré", l.person)
			continue
		}
		g := p.persons[i]
		if !hasLink(g.Links, l.kin.Pupil) {
			g.Links = append(g.Links, l.kin)
		}
	}
	for _, g := range p.persons {
		if len(g.Links) == 0 {
			p.out.Notes.Add(p.out.Lines[g.ID], "personne %s (%s %s) rattachée à aucun élève : ignorée", g.ID, g.LastName, g.FirstName)
			delete(p.out.Lines, g.ID)
			continue
		}
		if a := p.addressOf[g.ID]; a != "" {
			lines, ok := p.addresses[a]
			if !ok {
				p.out.Notes.Add(p.out.Lines[g.ID], "personne %s : adresse %s absente du fichier", g.ID, a)
			}
			g.Address = slices.Clone(lines)
		}
		p.out.Guardians = append(p.out.Guardians, *g)
	}
}

func hasLink(ks []model.Kinship, pupil model.PupilID) bool {
	for _, k := range ks {
		if k.Pupil == pupil {
			return true
		}
	}
	return false
}
