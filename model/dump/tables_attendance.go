package dump

import (
	"maps"
	"slices"
	"time"

	"appel/model"
	"appel/model/formats/export"
)

var coursesTable = table[model.Dataset]{
	name: "cours.csv", about: "l'emploi du temps : les cours de chaque semaine",
	columns: []column{
		{"cours_id", "identifiant du cours (il entre dans celui de ses séances)"}, {"jour", "jour de la semaine"},
		{"debut", "début"}, {"fin", "fin"}, {"type", "division ou groupe"}, {"code", "code de la division ou du groupe"},
		{"matiere", "matière"}, {"enseignants", "identifiants des enseignants"}, {"salle", "salle"},
		{"semaines", "vide : toutes les semaines ; sinon type de semaine (A, B) ou ensemble"},
		{"du", "premier jour du cours, vide : dès la rentrée"}, {"au", "dernier jour du cours, vide : jusqu'à la fin de l'année"},
	},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, c := range d.Courses {
			out = append(out, []export.Value{text(c.ID), weekday(c.Weekday), clock(c.Start), clock(c.End), targetKind(c.Target),
				text(c.Target.Code), text(c.Subject), list(c.Teachers), text(c.Room), text(c.Weeks), date(c.From), date(c.To)})
		}
		return out
	},
}

var changesTable = table[model.Dataset]{
	name: "modifications_seances.csv", about: "les séances annulées, remplacées ou déplacées de salle",
	columns: []column{{"seance", "identifiant de la séance (date-heure-cours)"}, {"annulee", "oui si annulée"},
		{"remplacant", "enseignant remplaçant"}, {"salle", "autre salle"}, {"note", "note"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, c := range d.Changes {
			out = append(out, []export.Value{text(string(c.Seance)), yes(c.Cancelled), text(c.Substitute), text(c.Room), text(c.Note)})
		}
		return out
	},
}

var extrasTable = table[model.Dataset]{
	name: "seances_ajoutees.csv", about: "les séances ajoutées hors emploi du temps",
	columns: []column{{"seance", "identifiant de la séance"}, {"date", "date"}, {"debut", "début"}, {"fin", "fin"},
		{"type", "division ou groupe"}, {"code", "code de la division ou du groupe"}, {"matiere", "matière"},
		{"enseignants", "enseignants"}, {"remplacant", "remplaçant"}, {"salle", "salle"}, {"annulee", "oui si annulée"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, s := range d.Extras {
			out = append(out, []export.Value{text(string(s.ID)), date(s.Date), clock(s.Start), clock(s.End), targetKind(s.Target),
				text(s.Target.Code), text(s.Subject), list(s.Teachers), text(s.Substitute), text(s.Room), yes(s.Cancelled)})
		}
		return out
	},
}

var marksTable = table[model.Dataset]{
	name: "marques.csv", about: "les marques de l'appel, telles qu'enregistrées (présent = pas de marque)",
	columns: append([]column{
		{"seance", "identifiant de la séance (date-heure-cours)"}, {"date", "date de la séance"},
		{"eleve_id", "élève (eleves.csv)"}, {"marque", "present (contre une absence annoncée), absent, retard, infirmerie, exclu, dispense, sortie"},
		{"minutes", "minutes de retard"},
	}, append(justificationColumns, column{"saisi_par", "compte qui a saisi la marque"}, column{"saisi_le", "quand"})...),
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, m := range d.Marks {
			day, _ := m.Seance.Date()
			minutes := export.Value{}
			if m.Kind == model.KindLate {
				minutes = num(m.Minutes)
			}
			row := []export.Value{text(string(m.Seance)), date(day), text(string(m.Pupil)), text(m.Kind.Export()), minutes}
			row = append(row, justification(m.Justification, loc)...)
			out = append(out, append(row, text(m.By), instant(m.At, loc)))
		}
		return out
	},
}

var rollCallsTable = table[model.Dataset]{
	name: "appels.csv", about: "les appels faits (par séance)",
	columns: []column{{"seance", "identifiant de la séance"}, {"fait_par", "compte qui a validé l'appel"}, {"fait_le", "quand"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, r := range d.RollCalls {
			out = append(out, []export.Value{text(string(r.Seance)), text(r.By), instant(r.At, loc)})
		}
		return out
	},
}

var noticesTable = table[model.Dataset]{
	name: "absences_annoncees.csv", about: "les absences annoncées par les familles (elles couvrent les séances qui chevauchent [du, au))",
	columns: append([]column{{"absence_id", "identifiant"}, {"eleve_id", "élève"}, {"du", "début"}, {"au", "fin (exclue)"}},
		append(justificationColumns, column{"note", "note"}, column{"saisi_par", "compte qui l'a saisie"}, column{"saisi_le", "quand"})...),
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, n := range d.Notices {
			row := append([]export.Value{text(n.ID), text(string(n.Pupil)), instant(n.From, loc), instant(n.To, loc)},
				justification(n.Justification, loc)...)
			out = append(out, append(row, text(n.Note), text(n.By), instant(n.At, loc)))
		}
		return out
	},
}

var callsTable = table[model.Dataset]{
	name: "appels_familles.csv", about: "les appels aux familles",
	columns: []column{{"appel_id", "identifiant"}, {"eleve_id", "élève"}, {"le", "quand"}, {"par", "compte"},
		{"personne", "personne jointe"}, {"resultat", "résultat"}, {"note", "note"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, c := range d.Calls {
			out = append(out, []export.Value{text(c.ID), text(string(c.Pupil)), instant(c.At, loc), text(c.By),
				text(c.Person), text(c.Outcome), text(c.Note)})
		}
		return out
	},
}

var familyNoticesTable = table[model.Dataset]{
	name: "avis_familles.csv", about: "chaque avis et relance aux familles : type, canal, destinataires, quand, absences, état",
	columns: []column{{"avis_id", "identifiant"}, {"type", "avis (avis d'absence) ou relance"},
		{"canal", "mél, courrier (à imprimer) ou aucun (injoignable)"}, {"date", "jour des absences"},
		{"demi_journee", "matin ou après-midi"}, {"eleves", "élèves (eleves.csv), séparés par des virgules"},
		{"seances", "séances manquées, séparées par des virgules"}, {"responsables", "responsables du foyer (responsables.csv)"},
		{"noms", "leurs noms"}, {"adresses", "adresses électroniques"}, {"etat", "en attente, envoi en cours, envoyé, à réessayer, en échec, retenu, à imprimer, injoignable"},
		{"du", "quand il est devenu dû"}, {"essais", "envois commencés"}, {"prochain_essai", "prochain essai"},
		{"reponse", "dernière réponse du relais"}, {"message_id", "Message-ID du mél"}, {"envoye_le", "quand le relais l'a accepté"},
		{"renvoye", "oui s'il a été renvoyé après une interruption"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, n := range d.FamilyNotices {
			pupils := make([]string, len(n.Pupils))
			for i, p := range n.Pupils {
				pupils[i] = string(p)
			}
			seances := make([]string, len(n.Seances))
			for i, s := range n.Seances {
				seances[i] = string(s)
			}
			out = append(out, []export.Value{text(n.ID), text(n.Kind), text(n.Channel), date(n.Date), text(n.Half.String()),
				list(pupils), list(seances), list(n.Guardians), text(n.Names), list(n.To), text(n.Status), instant(n.Due, loc),
				num(n.Attempts), instant(n.NextTry, loc), text(n.Reply), text(n.MessageID), instant(n.SentAt, loc), yes(n.Resent)})
		}
		return out
	},
}

var templatesTable = table[model.Dataset]{
	name: "modeles.csv", about: "les textes des avis et courriers propres à l'établissement (les autres sont ceux livrés)",
	columns: []column{{"type", "avis, relance ou courrier"}, {"texte", "le texte : 1re ligne l'objet, champs {{.Eleve}}… (sauts de ligne écrits \\n)"}},
	rows:    func(d model.Dataset, _ *time.Location) rows { return pairRows(d.Templates) },
}

var reportsTable = table[model.Dataset]{
	name: "signalements.csv", about: "les signalements au DASEN (art. L131-8)",
	columns: []column{{"eleve_id", "élève"}, {"mois", "mois signalé (AAAA-MM)"}, {"par", "compte"}, {"le", "quand"}, {"note", "note"}},
	rows: func(d model.Dataset, loc *time.Location) rows {
		var out rows
		for _, r := range d.Reports {
			out = append(out, []export.Value{text(string(r.Pupil)), text(r.Month), text(r.By), instant(r.At, loc), text(r.Note)})
		}
		return out
	},
}

var settingsTable = table[model.Dataset]{
	name: "reglages.csv", about: "les réglages de l'établissement qui ont une valeur (les autres ont leur valeur par défaut, voir « appel settings list »)",
	columns: []column{{"cle", "clé du réglage"}, {"valeur", "valeur"}},
	rows:    func(d model.Dataset, _ *time.Location) rows { return pairRows(d.Settings) },
}

var journalTable = table[[]model.AuditEntry]{
	name: JournalName, about: "le journal des modifications, le plus ancien d'abord (non réimporté)",
	columns: []column{{"numero", "numéro de la modification"}, {"action", "numéro de l'action qui l'a faite"},
		{"le", "quand"}, {"login", "compte"}, {"session", "session"}, {"adresse", "d'où"}, {"verbe", "action"},
		{"entite", "type de donnée"}, {"cle", "identifiant de la donnée"}, {"avant", "valeur avant (JSON), vide pour une création"},
		{"apres", "valeur après (JSON), vide pour une suppression"}},
	rows: func(es []model.AuditEntry, loc *time.Location) rows {
		var out rows
		for _, e := range es {
			out = append(out, []export.Value{num(int(e.Seq)), num(int(e.Action)), instant(e.At, loc), text(e.Login), text(e.Session),
				text(e.Addr), text(e.Verb), text(e.Entity), text(e.Key), text(e.Before), text(e.After)})
		}
		return out
	},
}

// pairRows is a map of texts as rows of two columns, sorted by key.
func pairRows(m map[string]string) rows {
	var out rows
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, []export.Value{text(k), text(m[k])})
	}
	return out
}
