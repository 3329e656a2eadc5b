package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"appel/model"
)

// fixedSizes are the sizes of prof's divisions (28–30 pupils, as the brief of
// the demo requires); the others draw 23–27 pupils.
var fixedSizes = map[string]int{"4B": 29, "3B": 28}

// structure is the school's population: divisions, groups, pupils and their
// guardians.
type structure struct {
	divisions []model.Division
	groups    []model.Group
	pupils    []model.Pupil
	guardians []model.Guardian
	// guardiansOf indexes guardians by pupil, for lookups only.
	guardiansOf map[model.PupilID][]int
}

type peopleGen struct {
	r         *rand.Rand
	startYear int
	nextID    int
	nextResp  int
	ines      map[string]bool
	st        *structure
}

// buildStructure draws the divisions, groups, pupils and guardians.
func buildStructure(r *rand.Rand, startYear int) *structure {
	g := &peopleGen{r: r, startYear: startYear, nextID: 2013000 + r.IntN(900)*10,
		nextResp: 3100000 + r.IntN(900)*10, ines: map[string]bool{},
		st: &structure{guardiansOf: map[model.PupilID][]int{}}}
	for _, level := range levels {
		for i := range len(sections) {
			g.division(level, sections[i])
		}
		g.levelGroups(level)
	}
	return g.st
}

func (g *peopleGen) division(level int, section byte) {
	code := divisionCode(level, section)
	g.st.divisions = append(g.st.divisions, model.Division{
		Code: code, Label: fmt.Sprintf("%s %c", levelLabel(level), section), Level: levelLabel(level)})
	size, ok := fixedSizes[code]
	if !ok {
		size = 23 + g.r.IntN(5)
	}
	pupils := make([]model.Pupil, size)
	for i := range pupils {
		pupils[i] = g.pupil(level, code)
	}
	model.SortPupils(pupils)
	for i := range pupils {
		pupils[i].Groups = g.groupsOf(level, section, i, size)
		g.guardiansFor(pupils[i])
	}
	g.st.pupils = append(g.st.pupils, pupils...)
	g.halfGroups(code)
}

func (g *peopleGen) pupil(level int, division string) model.Pupil {
	g.nextID += 1 + g.r.IntN(9)
	p := model.Pupil{
		ID: model.PupilID(fmt.Sprint(g.nextID)), INE: g.ine(),
		LastName: pick(g.r, lastNames), Division: division,
		BirthDate: g.birthDate(level),
	}
	if g.r.IntN(2) == 0 {
		p.Sex, p.FirstName = "F", pick(g.r, girlNames)
	} else {
		p.Sex, p.FirstName = "M", pick(g.r, boyNames)
	}
	return p
}

// ine draws a unique INE-like identifier: ten digits and a letter.
func (g *peopleGen) ine() string {
	for {
		s := fmt.Sprintf("%010d%c", g.r.Int64N(1e10), 'A'+rune(g.r.IntN(26)))
		if !g.ines[s] {
			g.ines[s] = true
			return s
		}
	}
}

// birthDate is in the usual year for the level (born 2015 for a 6e of
// 2026-2027), a year earlier for a few pupils who repeated a year.
func (g *peopleGen) birthDate(level int) model.Date {
	year := g.startYear - 11 - (6 - level)
	if g.r.IntN(25) == 0 {
		year--
	}
	return model.NewDate(year, time.January, 1).AddDays(g.r.IntN(365))
}

// groupsOf gives a pupil his half-class (registre order, first half G1), his
// LV2 from 5e on and, for some, Latin.
func (g *peopleGen) groupsOf(level int, section byte, rank, size int) []string {
	div := divisionCode(level, section)
	out := []string{halfCode(div, 1+rank*2/size)}
	if level == 6 {
		return out
	}
	b := bandOf(section)
	lang := b.lv2[0]
	if g.r.IntN(100) >= 52 {
		lang = b.lv2[1]
	}
	out = append(out, lv2Code(lang, level, b))
	if g.r.IntN(100) < 13 {
		out = append(out, latinCode(level))
	}
	return out
}

func (g *peopleGen) halfGroups(div string) {
	for n := 1; n <= 2; n++ {
		g.st.groups = append(g.st.groups, model.Group{
			Code: halfCode(div, n), Label: fmt.Sprintf("%s groupe %d", div, n), Divisions: []string{div}})
	}
}

func (g *peopleGen) levelGroups(level int) {
	if level == 6 {
		return
	}
	for _, b := range bands {
		divs := []string{divisionCode(level, b.sections[0]), divisionCode(level, b.sections[1])}
		for _, lang := range b.lv2 {
			g.st.groups = append(g.st.groups, model.Group{Code: lv2Code(lang, level, b),
				Label: fmt.Sprintf("%s LV2 %s-%s", subjects[lang], divs[0], divs[1]), Divisions: divs})
		}
	}
	var all []string
	for i := range len(sections) {
		all = append(all, divisionCode(level, sections[i]))
	}
	g.st.groups = append(g.st.groups, model.Group{Code: latinCode(level),
		Label: "Latin " + levelLabel(level), Divisions: all})
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// pupilsIn returns the pupils of a division, in registre order.
func (st *structure) pupilsIn(division string) []model.Pupil {
	var out []model.Pupil
	for _, p := range st.pupils {
		if p.Division == division {
			out = append(out, p)
		}
	}
	return out
}

// pupilIndex returns the position of a pupil in st.pupils.
func (st *structure) pupilIndex(id model.PupilID) int {
	return slices.IndexFunc(st.pupils, func(p model.Pupil) bool { return p.ID == id })
}
