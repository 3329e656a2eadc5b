package model_test

import (
	"testing"

	"appel/model"
)

func TestExpiredYears(t *testing.T) {
	archives := []model.ArchivedYear{{Year: "2015-2016"}, {Year: "2016-2017"}, {Year: "2026-2027"}, {Year: "illisible"}}
	cases := []struct {
		today     model.Date
		retention int
		want      string
	}{
		{model.NewDate(2026, 8, 31), 10, ""},
		{model.NewDate(2026, 9, 1), 10, "2015-2016"},
		{model.NewDate(2027, 9, 1), 10, "2015-2016 2016-2017"},
		{model.NewDate(2027, 9, 1), 5, "2015-2016 2016-2017"},
		{model.NewDate(2028, 9, 1), 1, "2015-2016 2016-2017 2026-2027"},
		{model.NewDate(2028, 8, 31), 1, "2015-2016 2016-2017"},
	}
	for _, c := range cases {
		got := ""
		for i, a := range model.ExpiredYears(archives, c.today, c.retention) {
			if i > 0 {
				got += " "
			}
			got += a.Year
		}
		if got != c.want {
			t.Errorf("on %s, keeping %d years: %q, want %q", c.today, c.retention, got, c.want)
		}
	}
}

func TestArchivePurge(t *testing.T) {
	p := model.NewArchivePurge(model.DefaultMotives())
	ill := &model.Justification{Motive: "maladie", Label: "Maladie", Valid: true, By: "cpe"}
	late := &model.Justification{Motive: "reveil", Label: "Panne de réveil", Valid: false, By: "cpe"}
	cases := []struct {
		name  string
		in    *model.Justification
		label string
		valid bool
	}{
		{"a health motive becomes « motif valable »", ill, model.ValidMotiveLabel, true},
		{"another motive stays", late, "Panne de réveil", false},
	}
	for _, c := range cases {
		m := p.Mark(model.Mark{Seance: "s", Pupil: "p", Kind: model.KindAbsent, Justification: c.in})
		if m.Justification.Label != c.label || m.Justification.Valid != c.valid || m.Justification.By != "cpe" {
			t.Errorf("%s: %+v", c.name, m.Justification)
		}
	}
	if n := p.Notice(model.Notice{Note: "angine", Justification: ill}); n.Note != "" || n.Justification.Label != model.ValidMotiveLabel {
		t.Errorf("notice: %+v", n)
	}
	if c := p.Call(model.FamilyCall{Outcome: "il a la grippe", Note: "x"}); c.Note != "" || c.Outcome != model.PurgedText {
		t.Errorf("call: %+v", c)
	}
	if ill.Label != "Maladie" {
		t.Error("the purge changed its input")
	}
}
