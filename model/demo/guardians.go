package demo

import (
	"fmt"
	"strings"

	"appel/model"
)

var adultWomen = []string{
	"Nathalie", "Stéphanie", "Céline", "Aurélie", "Émilie", "Sandrine", "Virginie", "Julie", "Karine", "Sophie",
	"Fatima", "Samira", "Aminata", "Mariam", "Linh", "Ana", "Magdalena", "Ayşe", "Hélène", "Agnès",
	"Gwenaëlle", "Maïté", "Noëlle", "Séverine", "Laetitia", "Coralie", "Nadège", "Khadija", "Rokia", "Joëlle",
}

var adultMen = []string{
	"Nicolas", "Sébastien", "Julien", "Christophe", "Frédéric", "Jérôme", "Stéphane", "Cédric", "Olivier", "Grégory",
	"Karim", "Mohamed", "Abdoulaye", "Mamadou", "Minh", "João", "Piotr", "Mehmet", "François", "Hervé",
	"Gaëtan", "Loïc", "Régis", "Thierry", "Yannick", "Rachid", "Samir", "Ibrahima", "Joël", "Benoît",
}

// guardiansFor draws one or two responsables légaux for p: most pupils have
// two, living at the same address or not; some have one.
func (g *peopleGen) guardiansFor(p model.Pupil) {
	addr := g.address()
	n := g.r.IntN(100)
	switch {
	case n < 12:
		g.addGuardian(p, g.r.IntN(4) != 0, p.LastName, addr)
	default:
		mother := p.LastName
		if g.r.IntN(100) < 30 {
			mother = pick(g.r, lastNames)
		}
		g.addGuardian(p, true, mother, addr)
		if g.r.IntN(100) < 25 {
			addr = g.address()
		}
		g.addGuardian(p, false, p.LastName, addr)
	}
}

func (g *peopleGen) addGuardian(p model.Pupil, woman bool, last string, addr []string) {
	g.nextResp += 1 + g.r.IntN(5)
	gd := model.Guardian{
		ID: fmt.Sprint(g.nextResp), LastName: last, Phone: g.phone(true), Address: addr,
		Links: []model.Kinship{{Pupil: p.ID, Level: 1}},
	}
	if woman {
		gd.Civility, gd.FirstName, gd.Links[0].Relation = "Mme", pick(g.r, adultWomen), "mère"
	} else {
		gd.Civility, gd.FirstName, gd.Links[0].Relation = "M.", pick(g.r, adultMen), "père"
	}
	if g.r.IntN(3) == 0 {
		gd.WorkPhone = g.phone(false)
	}
	if g.r.IntN(4) != 0 {
		gd.Email = emailOf(gd.FirstName, gd.LastName)
	}
	g.st.guardiansOf[p.ID] = append(g.st.guardiansOf[p.ID], len(g.st.guardians))
	g.st.guardians = append(g.st.guardians, gd)
}

// phone draws a French number: a mobile (06, 07) or a landline of the Paris area (01).
func (g *peopleGen) phone(mobile bool) string {
	prefix := "01"
	if mobile {
		prefix = []string{"06", "07"}[g.r.IntN(2)]
	}
	return fmt.Sprintf("%s %02d %02d %02d %02d", prefix, g.r.IntN(100), g.r.IntN(100), g.r.IntN(100), g.r.IntN(100))
}

func (g *peopleGen) address() []string {
	town := pick(g.r, towns)
	street := fmt.Sprintf("%d %s", 1+g.r.IntN(120), pick(g.r, streets))
	if g.r.IntN(6) == 0 {
		return []string{fmt.Sprintf("Bâtiment %c, appartement %d", 'A'+rune(g.r.IntN(4)), 10+g.r.IntN(90)),
			street, town.code + " " + town.name}
	}
	return []string{street, town.code + " " + town.name}
}

// emailOf builds a fictitious address on the reserved example.org domain.
func emailOf(first, last string) string {
	return slug(first) + "." + slug(last) + "@example.org"
}

// slug folds a name to lower-case ASCII letters only ("N'Diaye" → "ndiaye").
func slug(s string) string {
	var b strings.Builder
	for _, r := range model.FoldAccents(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// personLabel names a guardian for a call log: "Mme Aminata Diallo (mère)".
func personLabel(gd model.Guardian) string {
	rel := ""
	if len(gd.Links) > 0 && gd.Links[0].Relation != "" {
		rel = " (" + gd.Links[0].Relation + ")"
	}
	return strings.TrimSpace(gd.Civility+" "+gd.FirstName+" "+gd.LastName) + rel
}
