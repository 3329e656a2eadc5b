package model

// mefLevels maps the first three digits of a MEF code (the dispositif de
// formation of the BCN nomenclature) to the level the ministry's tables use.
var mefLevels = map[string]string{
	"100": "6e", "101": "5e", "102": "4e", "103": "3e",
	"200": "2nde", "201": "1re", "202": "Tle",
	"204": "1re", "205": "Tle", // technological series
	"240": "2nde pro", "241": "1re pro", "242": "Tle pro",
	"500": "CAP 1", "501": "CAP 2",
}

// LevelOfMEF returns the level (6e, 5e … Tle, 2nde pro, CAP 1) of a MEF code
// as SIECLE (CODE_MEF) and STS-Web (MEF_APPARTENANCE) give it; "" when the
// code is not one of a level the ministry's tables count.
func LevelOfMEF(code string) string {
	if len(code) < 3 {
		return ""
	}
	return mefLevels[code[:3]]
}

// MainLevel returns the level most of levels share ("" ones aside; the first
// in order when two are as common): a division's level from its pupils' MEFs.
func MainLevel(levels []string) string {
	count := map[string]int{}
	best := ""
	for _, l := range levels {
		if l == "" {
			continue
		}
		count[l]++
		if count[l] > count[best] || best == "" {
			best = l
		}
	}
	return best
}
