package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"appel/model"
)

// cellGrid is a cursor, a scroll offset and a rectangle selection over the
// cells of a model.Grid, and their drawing: one character per cell, the
// columns grouped by day (a class grid) or not (a pupil grid, days = 1).
type cellGrid struct {
	grid   *model.Grid
	glyphs *glyphs
	days   int
	slots  int
	// afternoon is the index of the first afternoon slot (a gap is drawn
	// before it when the width allows), -1 when there is none.
	afternoon int
	row, col  int
	offset    int
	anchor    *gridPos
	// labelMax is the widest row label (a pupil's name): the label column
	// takes no more, so that the cells sit beside the names on a wide
	// terminal.
	labelMax int
}

type gridPos struct{ row, col int }

// setGrid shows g, keeping the cursor where it was as far as it can.
func (v *cellGrid) setGrid(g *model.Grid) {
	v.grid = g
	v.slots = len(g.Slots)
	v.days = 1
	if !g.IsPupilGrid() {
		v.days = len(g.Days)
	}
	v.afternoon = -1
	for i, s := range g.Slots {
		if s.HalfDay == model.Afternoon && i > 0 {
			v.afternoon = i
			break
		}
	}
	v.labelMax = 0
	for _, r := range g.Rows {
		v.labelMax = max(v.labelMax, lipgloss.Width(r.Pupil.FullName()))
	}
	v.row = clamp(v.row, 0, len(g.Rows)-1)
	v.col = clamp(v.col, 0, v.cols()-1)
	v.anchor = nil
}

func clamp(x, lo, hi int) int { return max(lo, min(x, hi)) }

func (v *cellGrid) cols() int { return v.days * v.slots }

func (v *cellGrid) rows() int {
	if v.grid == nil {
		return 0
	}
	return len(v.grid.Rows)
}

// move shifts the cursor; it returns -1 or +1 when a horizontal move goes
// past the first or last column (the caller may turn the page), else 0.
func (v *cellGrid) move(dr, dc int) int {
	v.row = clamp(v.row+dr, 0, v.rows()-1)
	c := v.col + dc
	switch {
	case c < 0:
		return -1
	case c >= v.cols():
		return 1
	}
	v.col = c
	return 0
}

// current returns the row and cell under the cursor.
func (v *cellGrid) current() (model.GridRow, model.GridCell, bool) {
	if v.rows() == 0 || v.cols() == 0 {
		return model.GridRow{}, model.GridCell{}, false
	}
	r := v.grid.Rows[v.row]
	return r, r.Cells[v.col], true
}

// day returns the grid day of a column on a class grid, of a row on a pupil grid.
func (v *cellGrid) day(row, col int) model.GridDay {
	if v.grid.IsPupilGrid() {
		return v.grid.Days[v.grid.Rows[row].Day]
	}
	return v.grid.Days[col/v.slots]
}

func (v *cellGrid) selecting() bool { return v.anchor != nil }

func (v *cellGrid) startSelection() { v.anchor = &gridPos{v.row, v.col} }

func (v *cellGrid) clearSelection() { v.anchor = nil }

// rect returns the selection's rows and columns, both ends included.
func (v *cellGrid) rect() (r0, r1, c0, c1 int) {
	if v.anchor == nil {
		return v.row, v.row, v.col, v.col
	}
	return min(v.anchor.row, v.row), max(v.anchor.row, v.row), min(v.anchor.col, v.col), max(v.anchor.col, v.col)
}

func (v *cellGrid) inSelection(r, c int) bool {
	if v.anchor == nil {
		return false
	}
	r0, r1, c0, c1 := v.rect()
	return r >= r0 && r <= r1 && c >= c0 && c <= c1
}

// selected returns the cells of the selection.
func (v *cellGrid) selected() []model.GridCell {
	r0, r1, c0, c1 := v.rect()
	var out []model.GridCell
	for r := r0; r <= r1 && r < v.rows(); r++ {
		out = append(out, v.grid.Rows[r].Cells[c0:c1+1]...)
	}
	return out
}

// window returns the visible rows for height lines, scrolling to the cursor.
func (v *cellGrid) window(height int) (from, to int) {
	from, to = scrollWindow(v.offset, v.row, v.rows(), height)
	v.offset = from
	return from, to
}

// gridMarker is the width of the row marker column (› cursor, ▸ selected).
const gridMarker = 2

// layout returns the label width that leaves room for the cells and for
// extra cells after them, and whether the morning/afternoon gap fits.
func (v *cellGrid) layout(width, extra int) (labelW int, gap bool) {
	cells := v.cols() + v.days - 1
	if v.afternoon > 0 {
		if w := width - gridMarker - 1 - cells - v.days - extra; w >= 12 {
			return v.capLabel(w), true
		}
	}
	return v.capLabel(max(width-gridMarker-1-cells-extra, 0)), false
}

// capLabel keeps the label column to the widest label, and at least 12.
func (v *cellGrid) capLabel(w int) int {
	if v.labelMax == 0 {
		return w
	}
	return min(w, max(v.labelMax+1, 12))
}

func (v *cellGrid) dayWidth(gap bool) int {
	if gap && v.afternoon > 0 {
		return v.slots + 1
	}
	return v.slots
}

// columnBreak writes what comes before column c, the day separator or the
// morning/afternoon gap, and returns c's slot.
func (v *cellGrid) columnBreak(b *strings.Builder, c int, gap bool) int {
	k := c % v.slots
	switch {
	case c > 0 && k == 0:
		b.WriteString(v.glyphs.sep)
	case gap && k == v.afternoon:
		b.WriteByte(' ')
	}
	return k
}

// writeCells draws row r's cells.
func (v *cellGrid) writeCells(b *strings.Builder, r int, gap bool) {
	cells := v.grid.Rows[r].Cells
	for c := range cells {
		v.columnBreak(b, c, gap)
		variant := glyphPlain
		if r == v.row && c == v.col {
			variant = glyphCursor
		} else if v.inSelection(r, c) {
			variant = glyphSelected
		}
		b.WriteString(v.glyphs.cells[cells[c].Kind][variant])
	}
}

// rowLine draws row r: marker, label (cut or padded to labelW), cells, suffix.
func (v *cellGrid) rowLine(r int, label string, labelW int, gap bool, suffix string) string {
	var b strings.Builder
	b.Grow(labelW + 16*v.cols())
	switch {
	case r == v.row:
		b.WriteString("› ")
	case v.anchor != nil && r >= min(v.anchor.row, v.row) && r <= max(v.anchor.row, v.row):
		b.WriteString("▸ ")
	default:
		b.WriteString("  ")
	}
	b.WriteString(padRight(label, labelW))
	b.WriteByte(' ')
	v.writeCells(&b, r, gap)
	b.WriteString(suffix)
	return b.String()
}

// slotHeader draws each column's slot (the last character of its code);
// the cursor's and the selection's columns show ▼.
func (v *cellGrid) slotHeader(labelW int, gap bool) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", gridMarker+labelW+1))
	_, _, c0, c1 := v.rect()
	for c := 0; c < v.cols(); c++ {
		k := v.columnBreak(&b, c, gap)
		code := []rune(v.grid.Slots[k].Code)
		switch {
		case c >= c0 && c <= c1:
			b.WriteString("▼")
		case len(code) > 0:
			b.WriteRune(code[len(code)-1])
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// dayHeader draws the class grid's day labels over their columns (a day's
// columns are separated from the next day's by │).
func (v *cellGrid) dayHeader(labelW int, gap bool, title string) string {
	var b strings.Builder
	b.WriteString(padRight(title, gridMarker+labelW+1))
	w := v.dayWidth(gap)
	for d, day := range v.grid.Days {
		if d > 0 {
			b.WriteString(v.glyphs.sep)
		}
		label := shortDate(day.Date)
		if len([]rune(label)) > w {
			label = fmt.Sprintf("%s %d", weekdayShort[day.Date.Weekday()], day.Date.Day)
		}
		b.WriteString(padRight(label, w))
	}
	return b.String()
}
