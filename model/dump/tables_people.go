package dump

import (
	"strconv"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats/export"
)

var divisionsTable = table[model.Dataset]{
	name: "divisions.csv", about: "les divisions (classes)",
	columns: []column{{"code", "code de la division, tel quel (« 4e 1 »)"}, {"libelle", "libellé"}, {"niveau", "niveau"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, x := range d.Divisions {
			out = append(out, []export.Value{text(x.Code), text(x.Label), text(x.Level)})
		}
		return out
	},
}

var groupsTable = table[model.Dataset]{
	name: "groupes.csv", about: "les groupes (demi-classes, groupes de plusieurs divisions)",
	columns: []column{{"code", "code du groupe"}, {"libelle", "libellé"}, {"divisions", "divisions dont viennent ses élèves"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, x := range d.Groups {
			out = append(out, []export.Value{text(x.Code), text(x.Label), list(x.Divisions)})
		}
		return out
	},
}

var pupilsTable = table[model.Dataset]{
	name: "eleves.csv", about: "les élèves",
	columns: []column{
		{"eleve_id", "identifiant (ELEVE_ID de SIECLE)"}, {"ine", "identifiant national (INE), vide s'il manque"},
		{"nom", "nom d'usage"}, {"prenom", "prénom"}, {"naissance", "date de naissance"}, {"sexe", "M ou F"},
		{"division", "division, vide si l'élève n'est que dans des groupes"}, {"groupes", "groupes"},
		{"sortie", "jour de sortie de l'établissement, vide s'il est inscrit"},
		{"arrivee", "jour d'arrivée dans l'établissement en cours d'année, vide s'il était là à la rentrée"},
		{"depuis", "jour depuis lequel il est dans sa division et ses groupes, vide depuis son arrivée"},
		{"parcours", "ses divisions et groupes précédents de l'année, « division [groupes] à partir du JJ/MM/AAAA », séparés par « / »"},
	},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, p := range d.Pupils {
			out = append(out, []export.Value{text(string(p.ID)), text(p.INE), text(p.LastName), text(p.FirstName),
				date(p.BirthDate), text(p.Sex), text(p.Division), list(p.Groups), date(p.Left),
				date(p.Arrived), date(p.Since), text(pathOf(p))})
		}
		return out
	},
}

var guardiansTable = table[model.Dataset]{
	name: "responsables.csv", about: "les responsables des élèves (liens dans liens_responsables.csv)",
	columns: []column{
		{"responsable_id", "identifiant (PERSONNE_ID de SIECLE)"}, {"civilite", "civilité"}, {"nom", "nom"},
		{"prenom", "prénom"}, {"portable", "téléphone portable"}, {"tel_domicile", "téléphone du domicile"},
		{"tel_travail", "téléphone professionnel"}, {"mel", "adresse électronique"},
		{"adresse", "lignes de l'adresse postale, séparées par « / »"},
	},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, g := range d.Guardians {
			out = append(out, []export.Value{text(g.ID), text(g.Civility), text(g.LastName), text(g.FirstName),
				text(g.Phone), text(g.HomePhone), text(g.WorkPhone), text(g.Email), text(strings.Join(g.Address, " / "))})
		}
		return out
	},
}

var kinshipTable = table[model.Dataset]{
	name: "liens_responsables.csv", about: "qui est responsable de quel élève",
	columns: []column{{"responsable_id", "responsable (responsables.csv)"}, {"eleve_id", "élève (eleves.csv)"},
		{"niveau", "1 responsable légal, 2 personne en charge, 3 personne à contacter"}, {"lien", "lien de parenté"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, g := range d.Guardians {
			for _, k := range g.Links {
				out = append(out, []export.Value{text(g.ID), text(string(k.Pupil)), num(k.Level), text(k.Relation)})
			}
		}
		return out
	},
}

var accountsTable = table[model.Dataset]{
	name: "comptes.csv", about: "les comptes des utilisateurs (clés dans cles_ssh.csv)",
	columns: []column{{"login", "identifiant de connexion"}, {"nom", "nom affiché"},
		{"roles", "rôles : teacher, aed, cpe, direction, admin"}, {"sts_id", "identifiant STS-Web d'un enseignant"},
		{"desactive", "oui si le compte ne peut plus se connecter"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, a := range d.Accounts {
			out = append(out, []export.Value{text(a.Login), text(a.Name), text(a.RoleCodes()), text(a.STSID), yes(a.Disabled)})
		}
		return out
	},
}

var keysTable = table[model.Dataset]{
	name: "cles_ssh.csv", about: "les clés publiques SSH autorisées par compte",
	columns: []column{{"login", "compte"}, {"empreinte", "empreinte SHA256"}, {"cle", "ligne authorized_keys"},
		{"commentaire", "commentaire de la clé"}, {"ajoutee_le", "quand elle a été autorisée"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, a := range d.Accounts {
			for _, k := range a.Keys {
				out = append(out, []export.Value{text(a.Login), text(k.Fingerprint), text(k.Line), text(k.Comment), text(k.AddedAt)})
			}
		}
		return out
	},
}

var motivesTable = table[model.Dataset]{
	name: "motifs.csv", about: "les motifs d'absence",
	columns: []column{{"code", "code"}, {"libelle", "libellé"}, {"touche", "touche de raccourci"},
		{"valable", "oui si le motif rend l'absence valable"}, {"ordre", "rang dans les listes"},
		{"retire", "oui si le motif n'est plus proposé"},
		{"sante", "oui si le motif dit quelque chose de la santé de l'élève : l'archive de l'année n'en garde que « motif valable »"}},
	rows: func(d model.Dataset, _ *time.Location) rows {
		var out rows
		for _, m := range d.Motives {
			out = append(out, []export.Value{text(m.Code), text(m.Label), text(m.Key), yes(m.Valid), text(strconv.Itoa(m.Order)), yes(m.Retired), yes(m.Health)})
		}
		return out
	},
}

// pathOf writes a pupil's earlier enrolments of the year for eleves.csv.
func pathOf(p model.Pupil) string {
	var parts []string
	for _, e := range p.Before {
		part := e.Division
		if len(e.Groups) > 0 {
			part += " [" + strings.Join(e.Groups, ",") + "]"
		}
		if !e.From.IsZero() {
			part += " à partir du " + e.From.French()
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " / ")
}
