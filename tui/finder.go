package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// pupilFinder finds pupils by the letters typed (model.Service.FindPupils):
// each change of the query searches again, and the answers to older
// searches are dropped. The Élèves screen and the announced-absence form
// use it.
type pupilFinder struct {
	query lineEdit
	// limit is how many pupils a search returns at most.
	limit    int
	searches requests
	found    []model.Pupil
	list     cursorList
}

// pupilsFoundMsg is the answer to a search; finder tells whose.
type pupilsFoundMsg struct {
	finder *pupilFinder
	gen    int
	pupils []model.Pupil
	err    error
}

// key types into the query; it returns the search to run and whether the key
// was typed.
func (f *pupilFinder) key(svc service, msg tea.KeyMsg) (tea.Cmd, bool) {
	if !f.query.handle(msg) {
		return nil, false
	}
	return f.search(svc), true
}

func (f *pupilFinder) search(svc service) tea.Cmd {
	gen, q, limit := f.searches.next(), f.query.String(), f.limit
	return func() tea.Msg {
		ps, err := svc.FindPupils(q, limit)
		return pupilsFoundMsg{finder: f, gen: gen, pupils: ps, err: err}
	}
}

// update takes in the answer to the latest search, the cursor on its first
// pupil; it reports whether msg was an answer to this finder.
func (f *pupilFinder) update(msg tea.Msg) (tea.Cmd, bool) {
	m, ok := msg.(pupilsFoundMsg)
	if !ok || m.finder != f {
		return nil, false
	}
	if f.searches.take(m.gen) {
		f.found = m.pupils
		f.list.setItems(indexes(len(m.pupils)))
		f.list.moveTo(0)
	}
	return errCmd(m.err), true
}

// selected returns the pupil under the cursor.
func (f *pupilFinder) selected() (model.Pupil, bool) {
	i, ok := f.list.selected()
	if !ok || i >= len(f.found) {
		return model.Pupil{}, false
	}
	return f.found[i], true
}
