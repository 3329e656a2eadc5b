package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/formats/csvfr"
	"appel/model/formats/internal/odstest"
)

func marks() []MarkRow {
	paris, _ := time.LoadLocation("Europe/Paris")
	day := model.NewDate(2026, 11, 23)
	return []MarkRow{
		{Date: day, Start: 8 * 60, End: 8*60 + 55, Seance: "6E1", Teacher: "prof", PupilID: "1541944", INE: "070876696HA",
			LastName: "ESCAGLIA", FirstName: "Jeanine", Division: "6E1", Kind: model.KindAbsent, Motive: "Maladie",
			Valid: true, Justified: true, By: "cpe", At: time.Date(2026, 11, 23, 8, 12, 0, 0, paris)},
		{Date: day, Start: 8*60 + 55, End: 9*60 + 50, Seance: "ESP 4AB", Teacher: "prof", PupilID: "9002",
			LastName: "CŒURDEVEY", FirstName: "Zoë", Division: "0612", Kind: model.KindLate, Minutes: 12,
			Motive: "=Panne", By: "prof", At: time.Date(2026, 11, 23, 9, 7, 0, 0, paris)},
	}
}

func stats() []StatsRow {
	return []StatsRow{
		{PupilID: "1541944", INE: "070876696HA", LastName: "ESCAGLIA", FirstName: "Jeanine", Division: "6E1",
			HalfDays: 5, ValidHalfDays: 1, InvalidHalfDays: 4, Hours: 3.5, Lates: 2, LateMinutes: 17,
			ReportMonths: []string{"2026-11", "2026-12"}},
		{PupilID: "9002", LastName: "CŒURDEVEY", FirstName: "Zoë", Division: "0612", Hours: 55.0 / 60},
	}
}

func TestMarksCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarks(&buf, CSV, marks()); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFdate;debut;fin;seance;enseignant;eleve_id;ine;nom;prenom;division;marque;minutes;motif;valable;justifiee;saisi_par;saisi_le\r\n" +
		"23/11/2026;08:00;08:55;6E1;prof;1541944;070876696HA;ESCAGLIA;Jeanine;6E1;absent;;Maladie;oui;oui;cpe;23/11/2026 08:12\r\n" +
		"23/11/2026;08:55;09:50;ESP 4AB;prof;9002;;CŒURDEVEY;Zoë;0612;retard;12;'=Panne;non;non;prof;23/11/2026 09:07\r\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	tab, err := csvfr.Read("m.csv", buf.Bytes())
	if err != nil || strings.Join(tab.Header, ";") != strings.Join(MarkHeader, ";") {
		t.Errorf("header read back %q, %v", tab.Header, err)
	}
}

func TestStatsCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteStats(&buf, CSV, stats()); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFeleve_id;ine;nom;prenom;division;demi_journees;dj_valables;dj_non_valables;heures;retards;minutes_retard;mois_signalement\r\n" +
		"1541944;070876696HA;ESCAGLIA;Jeanine;6E1;5;1;4;3,5;2;17;2026-11,2026-12\r\n" +
		"9002;;CŒURDEVEY;Zoë;0612;0;0;0;0,92;0;0;\r\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestStatsRefuseWrongTotal(t *testing.T) {
	rows := stats()
	rows[1].HalfDays = 3
	var buf bytes.Buffer
	err := WriteStats(&buf, ODS, rows)
	if err == nil || err.Error() != "élève 9002 : 3 demi-journées au total, mais 0 valables + 0 non valables" || buf.Len() != 0 {
		t.Errorf("err = %v, %d bytes written", err, buf.Len())
	}
}

func TestMarksODSTyped(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarks(&buf, ODS, marks()); err != nil {
		t.Fatal(err)
	}
	names, sheets := odstest.Read(t, buf.Bytes())
	if len(names) != 1 || names[0] != "Marques" {
		t.Fatalf("sheets %v", names)
	}
	rows := sheets["Marques"]
	checks := []struct {
		row, col int
		want     odstest.Cell
	}{
		{0, 16, odstest.C("string", "", "ceHead", "saisi_le")},
		{1, 0, odstest.C("date", "2026-11-23", "ceDate", "23/11/2026")},
		{1, 1, odstest.C("time", "PT08H00M00S", "ceTime", "08:00")},
		{1, 11, odstest.Cell{}},
		{1, 16, odstest.C("date", "2026-11-23T08:12:00", "ceDateTime", "23/11/2026 08:12")},
		{2, 9, odstest.C("string", "", "", "0612")},
		{2, 11, odstest.C("float", "12", "", "12")},
		{2, 12, odstest.C("string", "", "", "'=Panne")},
		{2, 13, odstest.C("string", "", "", "non")},
	}
	for _, c := range checks {
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("row %d col %d = %+v, want %+v", c.row, c.col, got, c.want)
		}
	}
}

func TestStatsODSWithLibreOffice(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteStats(&buf, ODS, stats()); err != nil {
		t.Fatal(err)
	}
	got := odstest.LibreOffice(t, buf.Bytes())["Statistiques"]
	want := [][]string{
		StatsHeader,
		{"1541944", "070876696HA", "ESCAGLIA", "Jeanine", "6E1", "5", "1", "4", "3.5", "2", "17", "2026-11,2026-12"},
		{"9002", "", "CŒURDEVEY", "Zoë", "0612", "0", "0", "0", "0.92", "0", "0", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("LibreOffice read %q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": CSV, "CSV": CSV, " ods ": ODS} {
		if got, err := ParseFormat(in); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("xlsx"); err == nil || !strings.Contains(err.Error(), "csv ou ods") {
		t.Errorf("xlsx: %v", err)
	}
}

// TestHoursOneWay: a time missed is written the same way in the CSV files
// as on screen (model.HoursText): hours, a decimal comma, two decimals at most.
func TestHoursOneWay(t *testing.T) {
	for minutes := 0; minutes <= 6000; minutes++ {
		h := model.RoundHours(minutes)
		if got, want := Decimal(h).csv(), model.HoursText(minutes); got != want {
			t.Fatalf("%d min: CSV %q, screen %q", minutes, got, want)
		}
	}
	for minutes, want := range map[int]string{0: "0", 55: "0,92", 90: "1,5", 785: "13,08", 1280: "21,33", 1445: "24,08"} {
		if got := model.HoursText(minutes); got != want {
			t.Errorf("%d min: %q, want %q", minutes, got, want)
		}
	}
}

// TestNoInjection: free text is written with its control and invisible
// characters escaped and its formula starts neutralised, in CSV and in ODS;
// numbers stay numbers, negative ones included.
func TestNoInjection(t *testing.T) {
	row := []Value{Text("MATHS\x1b[2J\x1b[41m"), Text("=HYPERLINK(\"http://x\")"), Text("-3"), Int(-3), Decimal(-2.5),
		Text("@SUM(A1)"), Text("+33 6 12"), Text("\t=1+1"), Text("\r=1"), Text("a\u202eb\u0085c\nd")}
	wantCSV := `MATHS\x1b[2J\x1b[41m;"'=HYPERLINK(""http://x"")";'-3;-3;-2,5;'@SUM(A1);'+33 6 12;" =1+1";\r=1;a\u202eb\x85c\nd`
	header := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
	for _, f := range []Format{CSV, ODS} {
		var buf bytes.Buffer
		tab, err := NewTable(&buf, f, "Feuille", header)
		if err != nil {
			t.Fatal(err)
		}
		if err := tab.Row(row...); err != nil {
			t.Fatal(err)
		}
		if err := tab.Close(); err != nil {
			t.Fatal(err)
		}
		raw := buf.Bytes()
		if f == ODS {
			raw = odstest.Content(t, raw)
			_, sheets := odstest.Read(t, buf.Bytes())
			cells := sheets["Feuille"][1]
			if cells[1].Text != "'=HYPERLINK(\"http://x\")" || cells[3] != odstest.C("float", "-3", "", "-3") ||
				cells[4] != odstest.C("float", "-2.5", "", "-2.5") || cells[0].Text != `MATHS\x1b[2J\x1b[41m` {
				t.Errorf("ODS cells %+v", cells)
			}
		} else if got := strings.Split(buf.String(), "\r\n")[1]; got != wantCSV {
			t.Errorf("CSV row\n%s\nwant\n%s", got, wantCSV)
		}
		if c := controlIn(string(raw)); c != "" {
			t.Errorf("%s: raw control character %s in the file", f, c)
		}
	}
}

// controlIn returns the first control or invisible character of s other
// than the line ends that separate rows and the byte-order mark that starts
// a CSV file, "" when there is none.
func controlIn(s string) string {
	s = strings.TrimPrefix(s, csvfr.BOM)
	for _, r := range strings.NewReplacer("\r\n", "", "\n", "").Replace(s) {
		if !model.TextAllowed(r, model.Plain) {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// TestNoFormulaWithLibreOffice: LibreOffice reads a neutralised cell as the
// text it shows, not as a formula it computes.
func TestNoFormulaWithLibreOffice(t *testing.T) {
	var buf bytes.Buffer
	tab, err := NewTable(&buf, ODS, "Feuille", []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tab.Row(Text("=1+1"), Int(-3)); err != nil {
		t.Fatal(err)
	}
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	got := odstest.LibreOffice(t, buf.Bytes())["Feuille"]
	if len(got) != 2 || strings.Join(got[1], "|") != "'=1+1|-3" {
		t.Errorf("LibreOffice read %q", got)
	}
}
