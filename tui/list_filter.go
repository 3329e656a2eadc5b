package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// listFilter is the / filter of a list: the rows kept are those whose text
// holds every word typed, accents and case aside; ↵ keeps the filter, esc
// clears it, ↑ and ↓ still move in the list.
type listFilter struct {
	edit lineEdit
}

func (f *listFilter) typing() bool { return f.edit.active }

func (f *listFilter) start() { f.edit.active = true }

// key applies a key while the filter is typed; it reports whether the key
// was the filter's (false for ↑ and ↓).
func (f *listFilter) key(msg tea.KeyMsg) bool { return f.edit.filterKey(msg) }

// clear drops the filter; it reports whether there was one.
func (f *listFilter) clear() bool {
	had := f.edit.String() != "" || f.edit.active
	f.edit.reset()
	return had
}

// keep returns the indexes of the n rows whose text matches.
func (f *listFilter) keep(n int, text func(i int) string) []int {
	words := strings.Fields(model.FoldAccents(f.edit.String()))
	out := make([]int, 0, n)
	for i := range n {
		row := model.FoldAccents(text(i))
		if allIn(words, row) {
			out = append(out, i)
		}
	}
	return out
}

func allIn(words []string, s string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// line is « filtre : dup▏ », empty without a filter.
func (f *listFilter) line(st *Styles) string {
	if f.edit.field() == "" {
		return ""
	}
	return st.Muted.Render("filtre : " + f.edit.field())
}
