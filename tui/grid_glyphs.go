package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"appel/model"
)

// cellLook is how the grid writes a kind of cell: one character, the
// legend's words, and a colour (never the only sign).
type cellLook struct {
	symbol string
	label  string
	style  func(*Styles) Style
}

var cellLooks = map[model.CellKind]cellLook{
	model.CellNoCourse:        {" ", "pas de cours", func(s *Styles) Style { return s.Muted }},
	model.CellHoliday:         {"~", "congé", func(s *Styles) Style { return s.Muted }},
	model.CellCancelled:       {"x", "annulée", func(s *Styles) Style { return s.Muted }},
	model.CellUpcoming:        {"-", "à venir", func(s *Styles) Style { return s.Muted }},
	model.CellUnknown:         {"?", "non fait", func(s *Styles) Style { return s.Warn }},
	model.CellPresent:         {"·", "présent", func(s *Styles) Style { return s.Muted }},
	model.CellDiscordant:      {"!", "discordance", func(s *Styles) Style { return s.Warn }},
	model.CellAbsent:          {"A", "absent", func(s *Styles) Style { return s.Absent }},
	model.CellAbsentJustified: {"J", "abs. justifiée", func(s *Styles) Style { return s.Justified }},
	model.CellAbsentValid:     {"V", "abs. valable", func(s *Styles) Style { return s.Justified }},
	model.CellAbsentInvalid:   {"N", "abs. non valable", func(s *Styles) Style { return s.Invalid }},
	model.CellLate:            {"R", "retard", func(s *Styles) Style { return s.Late }},
	model.CellInfirmary:       {"I", "infirmerie", func(s *Styles) Style { return s.Other }},
	model.CellExcluded:        {"E", "exclu", func(s *Styles) Style { return s.Other }},
	model.CellExempt:          {"D", "dispensé", func(s *Styles) Style { return s.Other }},
	model.CellOuting:          {"S", "sortie", func(s *Styles) Style { return s.Other }},
}

// Variants of a glyph: as it is, inside the selection, under the cursor.
const (
	glyphPlain = iota
	glyphSelected
	glyphCursor
	glyphVariants
)

// glyphs are every cell's character already styled, and the day separator,
// built once per screen so that drawing a frame only joins strings.
type glyphs struct {
	cells [model.CellOuting + 1][glyphVariants]string
	sep   string
}

func newGlyphs(st *Styles) *glyphs {
	g := glyphs{sep: st.Rule.Render("│")}
	for kind, look := range cellLooks {
		g.cells[kind][glyphPlain] = look.style(st).Render(look.symbol)
		g.cells[kind][glyphSelected] = st.Selection.Render(look.symbol)
		g.cells[kind][glyphCursor] = st.Cursor.Render(look.symbol)
	}
	return &g
}

// legendItems lists the kinds a legend explains: the absences always (their
// validity only for those who may see it), the other kinds when shown is
// nil or holds them.
func legendItems(seeMotives bool, shown map[model.CellKind]bool) []model.CellKind {
	var out []model.CellKind
	for _, k := range model.CellKinds {
		switch {
		case k == model.CellNoCourse:
			continue
		case seeMotives && k == model.CellAbsentJustified:
			continue
		case !seeMotives && (k == model.CellAbsentValid || k == model.CellAbsentInvalid):
			continue
		case shown != nil && !shown[k] && !k.IsAbsence():
			continue
		}
		out = append(out, k)
	}
	return out
}

// legendLines flows the legend of the kinds shown into lines of width
// cells, at most maxLines lines.
func legendLines(g *glyphs, seeMotives bool, shown map[model.CellKind]bool, width, maxLines int) []string {
	var parts, plain []string
	for _, k := range legendItems(seeMotives, shown) {
		parts = append(parts, g.cells[k][glyphPlain]+" "+cellLooks[k].label)
		plain = append(plain, cellLooks[k].symbol+" "+cellLooks[k].label)
	}
	return flow(parts, plain, "  ", width, maxLines)
}

// legendHelp is the whole legend as a help section.
func legendHelp(seeMotives bool) HelpSection {
	sec := HelpSection{Title: "Légende de la grille"}
	for _, k := range legendItems(seeMotives, nil) {
		sec.Keys = append(sec.Keys, newKey(cellLooks[k].symbol, cellLooks[k].label))
	}
	return sec
}

// flow joins items into lines of at most width cells (plain gives each
// item's unstyled text, to measure it); it keeps at most maxLines lines.
func flow(items, plain []string, sep string, width, maxLines int) []string {
	var lines []string
	var cur strings.Builder
	used := 0
	for i, it := range items {
		w := lipgloss.Width(plain[i])
		if used > 0 && used+len(sep)+w > width {
			lines = append(lines, cur.String())
			cur.Reset()
			used = 0
		}
		if used > 0 {
			cur.WriteString(sep)
			used += len(sep)
		}
		cur.WriteString(it)
		used += w
	}
	if used > 0 {
		lines = append(lines, cur.String())
	}
	if len(lines) > maxLines {
		lines = lines[:max(maxLines, 0)]
	}
	return lines
}
