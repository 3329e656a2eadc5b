package model_test

import (
	"testing"

	"appel/model"
)

func TestLevelOfMEF(t *testing.T) {
	cases := map[string]string{
		"10010012110": "6e", "10110001110": "5e", "10210001110": "4e", "10310019110": "3e",
		"20010018110": "2nde", "20111000110": "1re", "20211000110": "Tle",
		"24024002110": "2nde pro", "50025002110": "CAP 1",
		"16710001110": "", "": "", "10": "", "ABCDEFGHIJK": "",
	}
	for code, want := range cases {
		if got := model.LevelOfMEF(code); got != want {
			t.Errorf("LevelOfMEF(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestMainLevel(t *testing.T) {
	cases := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"", ""}, ""},
		{[]string{"6e", "6e", "5e"}, "6e"},
		{[]string{"", "5e", "6e", "5e"}, "5e"},
		{[]string{"4e", "3e"}, "4e"},
	}
	for _, c := range cases {
		if got := model.MainLevel(c.in); got != c.want {
			t.Errorf("MainLevel(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
