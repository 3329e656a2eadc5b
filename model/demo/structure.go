package demo

import (
	"fmt"
	"strings"
)

// levels are the four years of the collège, from sixième to troisième.
var levels = []int{6, 5, 4, 3}

// sections are the six divisions of each level (6A … 6F).
const sections = "ABCDEF"

// subjects maps a subject's code to its French label.
var subjects = map[string]string{
	"FRA": "Français", "MAT": "Mathématiques", "HG": "Histoire-géographie-EMC",
	"ANG": "Anglais", "ESP": "Espagnol", "ALL": "Allemand", "ITA": "Italien",
	"EPS": "EPS", "AP": "Arts plastiques", "EM": "Éducation musicale",
	"SVT": "SVT", "PC": "Physique-chimie", "TEC": "Technologie", "LAT": "Latin",
}

// need is a subject's weekly share for a division: units of `length` slots
// every week, plus one slot every other week when half is set (4.5 h of
// Français are four slots each week and one slot in week A or B).
type need struct {
	subject string
	units   []int // lengths of the weekly units, in slots
	half    bool
}

func ones(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// levelNeeds returns the whole-class hours of a level (the 2016 collège
// grid, 26 h a week). LV2 and the science half-classes are planned apart:
// SVT and Physique-chimie have two half-class slots each week, plus one
// whole-class slot every other week for each.
func levelNeeds(level int) []need {
	switch level {
	case 6:
		return []need{
			{"FRA", ones(4), true}, {"MAT", ones(4), true}, {"HG", ones(3), false},
			{"ANG", ones(4), false}, {"EPS", []int{2, 2}, false}, {"AP", ones(1), false},
			{"EM", ones(1), false}, {"TEC", ones(1), false},
		}
	case 3:
		return []need{
			{"FRA", ones(4), false}, {"MAT", ones(3), true}, {"HG", ones(3), true},
			{"ANG", ones(3), false}, {"EPS", []int{2, 1}, false}, {"AP", ones(1), false},
			{"EM", ones(1), false}, {"TEC", ones(1), true},
		}
	}
	return []need{
		{"FRA", ones(4), true}, {"MAT", ones(3), true}, {"HG", ones(3), false},
		{"ANG", ones(3), false}, {"EPS", []int{2, 1}, false}, {"AP", ones(1), false},
		{"EM", ones(1), false}, {"TEC", ones(1), true},
	}
}

// latinUnits is the number of weekly Latin slots of a level (none in 6e).
func latinUnits(level int) int {
	switch level {
	case 5:
		return 1
	case 4, 3:
		return 2
	}
	return 0
}

// band is a pair of divisions of a level that share their LV2 slots.
type band struct {
	sections string
	lv2      [2]string
	week     string // the week of the band's every-other-week LV2 slot
}

// bands split each level from 5e on into three pairs of divisions.
var bands = []band{
	{"AB", [2]string{"ESP", "ALL"}, "A"},
	{"CD", [2]string{"ESP", "ITA"}, "B"},
	{"EF", [2]string{"ESP", "ALL"}, "A"},
}

func divisionCode(level int, section byte) string { return fmt.Sprintf("%d%c", level, section) }

func levelLabel(level int) string {
	if level == 6 {
		return "6e"
	}
	return fmt.Sprintf("%de", level)
}

func lv2Code(lang string, level int, b band) string {
	return fmt.Sprintf("%s %d%s", lang, level, b.sections)
}

func latinCode(level int) string { return fmt.Sprintf("LAT %d", level) }

func halfCode(division string, n int) string { return fmt.Sprintf("%s G%d", division, n) }

// bandOf returns the band of a division's section letter.
func bandOf(section byte) band {
	for _, b := range bands {
		if strings.IndexByte(b.sections, section) >= 0 {
			return b
		}
	}
	return bands[0]
}
