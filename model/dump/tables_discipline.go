package dump

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"appel/model"
	"appel/model/formats/export"
)

var incidentsTable = table[model.Dataset]{
	name: "incidents.csv", about: "les incidents : quand, où, nature, description, personnes impliquées, qui l'a signalé",
	columns: []column{{"incident_id", "identifiant"}, {"date", "jour"}, {"heure", "heure"}, {"lieu", "lieu"},
		{"nature", "code de la nature (listes_discipline.csv, ou la liste livrée)"}, {"description", "ce qui s'est passé"},
		{"impliques", "élève (eleves.csv) ou personnel, et son rôle (auteur, victime, temoin), ex. E001:auteur, séparés par des virgules"},
		{"signale_par", "compte"}, {"le", "quand"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, i := range d.Incidents {
			var who []string
			for _, x := range i.Involved {
				who = append(who, cmp.Or(string(x.Pupil), x.Staff)+":"+string(x.Role))
			}
			out = append(out, []export.Value{text(i.ID), date(i.Date), clock(i.Time), text(i.Place), text(i.Kind),
				text(i.Description), list(who), text(i.By), instant(i.At, loc)})
		}
		return out
	},
}

var punishmentsTable = table[model.Dataset]{
	name: "punitions.csv", about: "les punitions scolaires (circulaire 2014-059)",
	columns: []column{{"punition_id", "identifiant"}, {"eleve_id", "élève"}, {"nature", "code de la nature"}, {"date", "jour"},
		{"motif", "motif"}, {"incident_id", "incident d'où elle vient"}, {"seance", "exclusion de cours : la séance"},
		{"rapport", "exclusion de cours : le rapport écrit"}, {"retenue_id", "retenue : la séance de retenue (retenues.csv)"},
		{"etat", "vide (à faire), faite ou non-faite"}, {"par", "compte"}, {"le", "quand"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, p := range d.Punishments {
			out = append(out, []export.Value{text(p.ID), text(string(p.Pupil)), text(p.Kind), date(p.Date), text(p.Reason),
				text(p.Incident), text(string(p.Seance)), text(p.Report), text(p.Detention), text(string(p.State)),
				text(p.By), instant(p.At, loc)})
		}
		return out
	},
}

var detentionsTable = table[model.Dataset]{
	name: "retenues.csv", about: "les séances de retenue et leur appel",
	columns: []column{{"retenue_id", "identifiant"}, {"date", "jour"}, {"debut", "début"}, {"fin", "fin"}, {"salle", "salle"},
		{"surveillant", "compte du surveillant"}, {"places", "nombre de places (0 : sans limite)"},
		{"absents", "élèves absents à l'appel, séparés par des virgules"}, {"appel_par", "compte"}, {"appel_le", "quand"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, s := range d.Detentions {
			absent := make([]string, len(s.Absent))
			for i, p := range s.Absent {
				absent[i] = string(p)
			}
			out = append(out, []export.Value{text(s.ID), date(s.Date), clock(s.Start), clock(s.End), text(s.Room),
				text(s.Supervisor), num(s.Capacity), list(absent), text(s.TakenBy), instant(s.TakenAt, loc)})
		}
		return out
	},
}

var sanctionsTable = table[model.Dataset]{
	name: "sanctions.csv", about: "les sanctions disciplinaires (R511-13), effacées du dossier ou non",
	columns: []column{{"sanction_id", "identifiant"}, {"eleve_id", "élève"}, {"nature", "avertissement, blame, responsabilisation, exclusion-classe, exclusion-temporaire, exclusion-definitive"},
		{"date", "jour où elle a été prononcée"}, {"faits", "les faits"}, {"incident_id", "incident d'où elle vient"},
		{"autorite", "chef (chef d'établissement) ou conseil (conseil de discipline)"}, {"sursis", "vide, total ou partiel"},
		{"sursis_duree", "sursis partiel : jours ou heures suspendus"}, {"premier_jour", "exclusion : premier jour"},
		{"jours", "exclusion : jours"}, {"heures", "responsabilisation : heures"}, {"effacement", "jour où elle quitte le dossier (vide : jamais)"},
		{"par", "compte"}, {"le", "quand"}, {"niveau", "niveau de l'élève quand elle a été prononcée"},
		{"anonymisee", "oui quand, effacée, elle a perdu l'identifiant de l'élève (registre des sanctions)"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, x := range d.Sanctions {
			erase := export.Value{}
			if e, ok := x.Erasure(); ok {
				erase = date(e)
			}
			from := export.Value{}
			if !x.From.IsZero() {
				from = date(x.From)
			}
			out = append(out, []export.Value{text(x.ID), text(string(x.Pupil)), text(string(x.Kind)), date(x.Date), text(x.Facts),
				text(x.Incident), text(string(x.Authority)), text(string(x.Sursis)), num(x.SursisDays), from, num(x.Days),
				num(x.Hours), erase, text(x.By), instant(x.At, loc), text(x.Level), yes(x.Anonymised)})
		}
		return out
	},
}

var disciplineListsTable = table[model.Dataset]{
	name: "listes_discipline.csv", about: "les listes de natures d'incident et de punition propres à l'établissement (les autres sont celles livrées)",
	columns: []column{{"liste", "incidents ou punitions"}, {"ordre", "rang dans la liste"}, {"code", "code"},
		{"libelle", "libellé"}, {"retire", "oui s'il n'est plus proposé"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, name := range slices.Sorted(maps.Keys(d.DisciplineLists)) {
			for i, k := range d.DisciplineLists[name] {
				out = append(out, []export.Value{text(name), text(fmt.Sprint(i + 1)), text(k.Code), text(k.Label), yes(k.Retired)})
			}
		}
		return out
	},
}
