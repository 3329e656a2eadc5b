package dump

import (
	"sort"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats/export"
)

// column is one column of a table and what it holds, for README.txt.
type column struct{ name, doc string }

// table is one CSV file of the export: its columns, and how to draw its rows
// from src (in the school's time zone loc).
type table[S any] struct {
	name, about string
	columns     []column
	rows        func(src S, loc *time.Location) [][]export.Value
}

// doc is a table's documentation, whatever its source.
type doc struct {
	name, about string
	columns     []column
}

func tableDocs() []doc {
	var out []doc
	for _, t := range tables {
		out = append(out, doc{t.name, t.about, t.columns})
	}
	return append(out, doc{journalTable.name, journalTable.about, journalTable.columns})
}

type rows = [][]export.Value

// Values shared by the tables.
var (
	text  = export.Text
	date  = export.Date
	yes   = export.YesNo
	num   = export.Int
	clock = export.Clock
)

// instant formats t in the school's time zone; the zero time is empty.
func instant(t time.Time, loc *time.Location) export.Value {
	if t.IsZero() {
		return export.Value{}
	}
	return export.DateTime(t.In(loc))
}

func list(xs []string) export.Value { return text(strings.Join(xs, ",")) }

func weekday(w time.Weekday) export.Value { return text(model.FrenchWeekday(w)) }

func targetKind(t model.Target) export.Value {
	if t.Kind == model.TargetGroup {
		return text("groupe")
	}
	return text("division")
}

// justification gives the cells justifiee, motif_code, motif, valable, force,
// justifie_par, justifie_le of a justification (nil: not justified).
func justification(j *model.Justification, loc *time.Location) []export.Value {
	if j == nil {
		return []export.Value{yes(false), {}, {}, yes(false), yes(false), {}, {}}
	}
	return []export.Value{yes(true), text(j.Motive), text(j.Label), yes(j.Valid), yes(j.Overruled), text(j.By), instant(j.At, loc)}
}

var justificationColumns = []column{
	{"justifiee", "oui si la famille a donné une raison (un motif, ou une justification sans motif)"},
	{"motif_code", "code du motif (motifs.csv), vide sans motif"},
	{"motif", "libellé du motif au moment où il a été donné"},
	{"valable", "oui si l'absence est valable (motif valable, ou décision du CPE)"},
	{"force", "oui si un CPE a décidé la validité contre celle du motif"},
	{"justifie_par", "identifiant du compte qui a donné le motif"},
	{"justifie_le", "quand le motif a été donné"},
}

// tables are the CSV files of a full export, in order.
var tables = []table[model.Dataset]{
	schoolTable, periodsTable, holidaysTable, extraDaysTable, slotsTable, erasTable, weekTypesTable, weekSetsTable, subjectsTable,
	divisionsTable, groupsTable, pupilsTable, guardiansTable, kinshipTable, accountsTable, keysTable,
	motivesTable, coursesTable, changesTable, extrasTable, marksTable, rollCallsTable, noticesTable,
	callsTable, reportsTable, settingsTable, familyNoticesTable, templatesTable,
	incidentsTable, punishmentsTable, detentionsTable, sanctionsTable, disciplineListsTable,
}

var schoolTable = table[model.Dataset]{
	name: "etablissement.csv", about: "l'établissement et ses réglages (une ligne)",
	columns: []column{
		{"uai", "code UAI"}, {"nom", "nom de l'établissement"}, {"zone", "zone de vacances (A, B, C, Corse, académie d'outre-mer)"},
		{"fuseau", "fuseau horaire (Europe/Paris)"}, {"rentree", "premier jour de l'année scolaire"},
		{"fin_annee", "dernier jour de l'année scolaire"}, {"jours", "jours de cours"},
		{"decompte", "brute (une séance manquée fait la demi-journée) ou toutes (toutes les séances)"},
		{"limite_midi", "heure qui sépare matin et après-midi quand aucun créneau ne le dit"},
		{"retard_absence_apres", "minutes de retard au-delà desquelles un retard compte comme absence (0 : jamais)"},
		{"inactivite_minutes", "fin d'une session sans touche après ce délai (0 : 15 minutes)"},
		{"demi_journees_sans_cours", "demi-journées de ces jours sans cours chaque semaine (mercredi après-midi…)"},
	},
	rows: func(d model.Dataset, _ *time.Location) rows {
		s := d.School
		return rows{{text(s.UAI), text(s.Name), text(s.Zone), text(s.TimeZone), date(s.YearStart), date(s.YearEnd),
			list(dayNames(s.Weekdays)), text(string(s.Settings.Method)), clock(s.Settings.MiddayBoundary),
			num(s.Settings.LateAsAbsentAfter), num(s.Settings.IdleMinutes), list(halfDayNames(s.ClosedHalfDays))}}
	},
}

func dayNames(ws []time.Weekday) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = model.FrenchWeekday(w)
	}
	return out
}

func halfDayNames(hs []model.WeekHalfDay) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.String()
	}
	return out
}

var extraDaysTable = table[model.Dataset]{
	name: "jours_ajoutes.csv", about: "les jours de cours hors de la semaine habituelle (rattrapages)",
	columns: []column{{"date", "jour de cours ajouté"}, {"nom", "ce qu'il rattrape"},
		{"emploi_du_temps", "le jour dont l'emploi du temps a lieu"}, {"demi_journees", "matin, après-midi, ou les deux (vide)"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, x := range d.School.ExtraDays {
			halves := make([]string, len(x.HalfDays))
			for i, h := range x.HalfDays {
				halves[i] = h.String()
			}
			out = append(out, []export.Value{date(x.Date), text(x.Name), weekday(x.Follows), list(halves)})
		}
		return out
	},
}

var erasTable = table[model.Dataset]{
	name: "calendrier_anterieur.csv", about: "la grille horaire et la semaine de cours d'avant chaque changement, jusqu'à sa date",
	columns: []column{{"jusqu_au", "dernier jour où elles s'appliquaient"}, {"jours", "jours de cours"},
		{"demi_journees_sans_cours", "demi-journées sans cours chaque semaine"},
		{"creneaux", "la grille : code début-fin demi-journée, séparés par |"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, e := range d.School.Earlier {
			slots := make([]string, len(e.Slots))
			for i, sl := range e.Slots {
				slots[i] = model.SlotLine(sl)
			}
			out = append(out, []export.Value{date(e.Until), list(dayNames(e.Weekdays)), list(halfDayNames(e.ClosedHalfDays)), text(strings.Join(slots, "|"))})
		}
		return out
	},
}

var periodsTable = table[model.Dataset]{
	name: "periodes.csv", about: "trimestres ou semestres",
	columns: []column{{"nom", "nom de la période"}, {"debut", "premier jour"}, {"fin", "dernier jour"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, p := range d.School.Periods {
			out = append(out, []export.Value{text(p.Name), date(p.From), date(p.To)})
		}
		return out
	},
}

var holidaysTable = table[model.Dataset]{
	name: "vacances.csv", about: "vacances et jours fériés (sans cours)",
	columns: []column{{"nom", "nom"}, {"debut", "premier jour sans cours"}, {"fin", "dernier jour sans cours"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, h := range d.School.Holidays {
			out = append(out, []export.Value{text(h.Name), date(h.From), date(h.To)})
		}
		return out
	},
}

var slotsTable = table[model.Dataset]{
	name: "creneaux.csv", about: "la grille horaire de la journée (la dernière : celles d'avant sont dans calendrier_anterieur.csv)",
	columns: []column{{"code", "code du créneau (M1, S1…)"}, {"debut", "début"}, {"fin", "fin"},
		{"demi_journee", "matin ou après-midi"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, s := range d.School.Slots {
			out = append(out, []export.Value{text(s.Code), clock(s.Start), clock(s.End), text(s.HalfDay.String())})
		}
		return out
	},
}

var weekTypesTable = table[model.Dataset]{
	name: "semaines.csv", about: "le type (A, B…) de chaque semaine, par son lundi",
	columns: []column{{"lundi", "lundi de la semaine"}, {"type", "type de la semaine"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		mondays := make([]model.Date, 0, len(d.School.WeekTypes))
		for m := range d.School.WeekTypes {
			mondays = append(mondays, m)
		}
		sort.Slice(mondays, func(i, j int) bool { return mondays[i].Before(mondays[j]) })
		var out rows
		for _, m := range mondays {
			out = append(out, []export.Value{date(m), text(d.School.WeekTypes[m])})
		}
		return out
	},
}

var weekSetsTable = table[model.Dataset]{
	name: "ensembles_semaines.csv", about: "les ensembles de semaines nommés des emplois du temps (une ligne par semaine)",
	columns: []column{{"ensemble", "code de l'ensemble (alternance)"}, {"lundi", "lundi d'une semaine de l'ensemble"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		names := make([]string, 0, len(d.School.WeekSets))
		for n := range d.School.WeekSets {
			names = append(names, n)
		}
		sort.Strings(names)
		var out rows
		for _, n := range names {
			for _, m := range d.School.WeekSets[n] {
				out = append(out, []export.Value{text(n), date(m)})
			}
		}
		return out
	},
}

var subjectsTable = table[model.Dataset]{
	name: "matieres.csv", about: "libellés des matières par code (nomenclature STS-Web)",
	columns: []column{{"code", "code de la matière"}, {"libelle", "libellé"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		codes := make([]string, 0, len(d.School.Subjects))
		for c := range d.School.Subjects {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		var out rows
		for _, c := range codes {
			out = append(out, []export.Value{text(c), text(d.School.Subjects[c])})
		}
		return out
	},
}
