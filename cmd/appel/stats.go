package main

import (
	"io"
	"math"
	"strings"

	"appel/model"
	"appel/model/formats/export"
)

// divisionHeader is the header of `appel stats --by division`: one row per
// division over the period, then the school's row (ligne Établissement) when
// no --division is given. eleves_signalables counts the pupils with four or
// more non valable half-days in at least one calendar month that meets the period.
var divisionHeader = []string{"division", "effectif", "demi_journees", "dj_valables", "dj_non_valables",
	"heures", "retards", "minutes_retard", "exclusions", "eleves_signalables"}

// monthHeader is the header of `appel stats --by month`: the ministry's
// monthly table, each calendar month that meets the period counted whole; per
// month, the divisions (type division), the levels (niveau) and the school
// (etablissement), or only the --division given. The four middle columns count
// the pupils with 4 to 10 and with 11 or more non valable half-days, split
// between aucun motif and motif non valable (model.NewMinistryTable);
// eleves_4_plus is their sum, taux_absenteisme_pct its share of effectif, in
// percent. The half-day figures of the month follow.
var monthHeader = []string{"mois", "ligne", "type", "effectif", "aucun_motif_4_10", "aucun_motif_11_plus",
	"motif_non_valable_4_10", "motif_non_valable_11_plus", "eleves_4_plus", "taux_absenteisme_pct",
	"demi_journees", "dj_valables", "dj_non_valables", "heures", "retards", "minutes_retard"}

// statsFlags are the options of `appel stats`.
type statsFlags struct {
	exportFlags
	division, by string
}

func runStats(c *cli, in input) error {
	sf := statsFlags{exportFlags: exportOptions(in), division: in.str("division"), by: in.str("by")}
	format, err := export.ParseFormat(sf.format)
	if err != nil {
		return err
	}
	write := map[string]func(*cli, model.Statistics, string, export.Format, io.Writer) error{
		"pupil": writePupilStats, "division": writeDivisionStats, "month": writeMonthStats,
	}[strings.ToLower(sf.by)]
	return withOperator(c, func(svc *model.Service) error {
		st, err := c.statistics(svc, sf)
		if err != nil {
			return err
		}
		return c.output(sf.out, func(w io.Writer) error { return write(c, st, sf.division, format, w) })
	})
}

// statistics checks the options against the school and counts.
func (c *cli) statistics(svc *model.Service, sf statsFlags) (model.Statistics, error) {
	dir, from, to, err := sf.span(svc)
	if err != nil {
		return model.Statistics{}, err
	}
	if _, ok := dir.Division(sf.division); sf.division != "" && !ok {
		return model.Statistics{}, model.NotFound("division %q inconnue", sf.division)
	}
	p := c.progress("Calcul des statistiques", 0)
	defer p.done()
	return svc.Statistics(from, to)
}

// statsRowOf is a pupil's line of `appel stats --by pupil`.
func statsRowOf(ps model.PupilStats) export.StatsRow {
	p, f := ps.Pupil, ps.Count.Total
	return export.StatsRow{
		PupilID: p.ID, INE: p.INE, LastName: p.LastName, FirstName: p.FirstName, Division: ps.Count.Division,
		HalfDays: f.HalfDays(), ValidHalfDays: f.ValidHalfDays, InvalidHalfDays: f.InvalidHalfDays,
		Hours: f.Hours(), Lates: f.Lates, LateMinutes: f.LateMinutes, ReportMonths: ps.Whole.ReportMonths(),
	}
}

func writePupilStats(c *cli, st model.Statistics, division string, f export.Format, w io.Writer) error {
	pupils := st.Pupils
	if division != "" {
		pupils = st.PupilsOf(division)
	}
	rows := make([]export.StatsRow, len(pupils))
	for i, p := range pupils {
		rows[i] = statsRowOf(p)
		if err := rows[i].Check(); err != nil {
			return err
		}
	}
	return c.writeTable(w, f, "Statistiques", export.StatsHeader, len(rows), func(i int) []export.Value {
		return rows[i].Values()
	})
}

func writeDivisionStats(c *cli, st model.Statistics, division string, f export.Format, w io.Writer) error {
	var rows []model.DivisionCount
	for _, d := range st.Divisions {
		if division == "" || d.Division == division {
			rows = append(rows, d)
		}
	}
	if division == "" {
		rows = append(rows, st.School)
	}
	return c.writeTable(w, f, "Divisions", divisionHeader, len(rows), func(i int) []export.Value {
		d := rows[i]
		return append(append([]export.Value{export.Text(d.Division), export.Int(d.Pupils)}, figureValues(d.Figures)...),
			export.Int(d.Figures.Exclusions), export.Int(d.OverThreshold))
	})
}

// figureValues are demi_journees … minutes_retard.
func figureValues(f model.Figures) []export.Value {
	return []export.Value{export.Int(f.HalfDays()), export.Int(f.ValidHalfDays), export.Int(f.InvalidHalfDays),
		export.Decimal(hours(f)), export.Int(f.Lates), export.Int(f.LateMinutes)}
}

// hours is the missed time in hours, rounded to the hundredth as everywhere (model.RoundHours).
func hours(f model.Figures) float64 { return f.Hours() }

// round2 rounds to the hundredth: the precision both formats show.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

// monthLine is one row of the monthly table.
type monthLine struct {
	month, kind string
	row         model.MinistryRow
	figures     model.Figures
}

func writeMonthStats(c *cli, st model.Statistics, division string, f export.Format, w io.Writer) error {
	var lines []monthLine
	for _, m := range st.Months {
		add := func(kind string, rows ...model.MinistryRow) {
			for _, r := range rows {
				if division == "" || kind == "division" && r.Label == division {
					lines = append(lines, monthLine{m.Table.Month, kind, r, m.Figures[r.Label]})
				}
			}
		}
		add("division", m.Table.Divisions...)
		add("niveau", m.Table.Levels...)
		add("etablissement", m.Table.School)
	}
	return c.writeTable(w, f, "Mensuel", monthHeader, len(lines), func(i int) []export.Value {
		l := lines[i]
		return append([]export.Value{
			export.Text(l.month), export.Text(l.row.Label), export.Text(l.kind), export.Int(l.row.Enrolled),
			export.Int(l.row.NoMotive4To10), export.Int(l.row.NoMotive11Plus), export.Int(l.row.InvalidMotive4To10),
			export.Int(l.row.InvalidMotive11Plus), export.Int(l.row.Absentees()), export.Decimal(round2(100 * l.row.Rate())),
		}, figureValues(l.figures)...)
	})
}
