package tui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"appel/model"
)

// column is one column of a sortedTable: its header, width, and how to show
// and sort a row. Rows sort by num when it is set, else by the folded text.
type column struct {
	title string
	width int
	// right aligns numbers.
	right bool
	text  func(row int) string
	num   func(row int) float64
}

// sortedTable is a table of n rows that the user sorts by any column and
// filters by the text of its first column; its cursor list holds the row
// indexes in the order shown. The last fixed rows (totals) stay last.
type sortedTable struct {
	cols []column
	n    int
	// sortCol is the column sorted by, or unsorted (the rows' own order) when -1.
	sortCol int
	desc    bool
	filter  string
	// fixed counts the last rows (totals) that stay at the end.
	fixed int
	list  cursorList
}

// newSortedTable builds a table over n rows, the last fixed ones being totals.
func newSortedTable(cols []column, n, fixed int) sortedTable {
	t := sortedTable{cols: cols, n: n, fixed: fixed, sortCol: unsorted}
	t.refresh()
	return t
}

// unsorted is the sortCol of rows in their own order.
const unsorted = -1

// reuse returns t with new rows, keeping the sort, the filter and, when
// possible, the row under the cursor.
func (t sortedTable) reuse(cols []column, n, fixed int) sortedTable {
	t.cols, t.n, t.fixed = cols, n, fixed
	t.sortCol = min(t.sortCol, len(cols)-1)
	t.refresh()
	return t
}

// cycleSort sorts by the next column (numbers largest first), and after the
// last one returns to the rows' own order; reverse flips the order.
func (t *sortedTable) cycleSort() {
	t.sortCol++
	if t.sortCol >= len(t.cols) {
		t.sortCol = unsorted
	}
	t.desc = t.sortCol != unsorted && t.cols[t.sortCol].num != nil
	t.refresh()
}

func (t *sortedTable) reverse() {
	t.desc = !t.desc
	t.refresh()
}

func (t *sortedTable) setFilter(q string) {
	t.filter = model.FoldAccents(strings.TrimSpace(q))
	t.refresh()
}

// refresh recomputes the rows shown, in order.
func (t *sortedTable) refresh() {
	body := t.n - t.fixed
	var rows []int
	for i := range body {
		if t.filter == "" || len(t.cols) == 0 || model.HasPrefixOrWord(model.FoldAccents(t.cols[0].text(i)), t.filter) {
			rows = append(rows, i)
		}
	}
	if t.sortCol != unsorted {
		slices.SortStableFunc(rows, t.compare)
	} else if t.desc {
		slices.Reverse(rows)
	}
	for i := body; i < t.n; i++ {
		rows = append(rows, i)
	}
	t.list.setItems(rows)
}

func (t *sortedTable) compare(a, b int) int {
	c := t.cols[t.sortCol]
	var r int
	if c.num != nil {
		r = cmp.Compare(c.num(a), c.num(b))
	} else {
		r = strings.Compare(model.FoldAccents(c.text(a)), model.FoldAccents(c.text(b)))
	}
	if t.desc {
		r = -r
	}
	return r
}

// selected returns the row under the cursor.
func (t sortedTable) selected() (int, bool) { return t.list.selected() }

// header draws the column titles, the sorted one marked ▲ (ascending) or ▼.
func (t sortedTable) header() string {
	parts := make([]string, len(t.cols))
	for i, c := range t.cols {
		title := c.title
		if i == t.sortCol {
			title += map[bool]string{false: "▲", true: "▼"}[t.desc]
		}
		parts[i] = align(title, c.width, c.right)
	}
	return "  " + strings.Join(parts, " ")
}

// line draws row (plain text, cut to width), with the cursor marker.
func (t sortedTable) line(row int, cursor bool) string {
	parts := make([]string, len(t.cols))
	for i, c := range t.cols {
		parts[i] = align(c.text(row), c.width, c.right)
	}
	marker := "  "
	if cursor {
		marker = "› "
	}
	return marker + strings.Join(parts, " ")
}

// align pads or cuts s to width cells, on the left or the right.
func align(s string, width int, right bool) string {
	w := ansi.StringWidth(s)
	switch {
	case w > width:
		return truncate(s, width)
	case right:
		return strings.Repeat(" ", width-w) + s
	}
	return s + strings.Repeat(" ", width-w)
}

// lastWidth gives the last column the width that remains of total.
func lastWidth(cols []column, total int) []column {
	used := 2
	for _, c := range cols[:len(cols)-1] {
		used += c.width + 1
	}
	cols[len(cols)-1].width = max(total-used, 4)
	return cols
}
