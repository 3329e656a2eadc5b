package main

import (
	"slices"
	"time"

	"appel/model/imports"
	"appel/tui"
)

// commandTable is every command of appel, in the order `appel help` lists
// them (see the package doc to add one).
func commandTable() []command {
	importsFolder := option{name: "imports", value: "DOSSIER", file: serverFile,
		usage:   "le dossier d'imports de cette machine : l'écran Imports propose ses fichiers",
		defText: "aucun ; l'écran Imports dit comment en donner un"}
	period := []option{
		{name: "from", value: "DATE", usage: "premier jour, ex. 2026-11-23", defText: "la rentrée"},
		{name: "to", value: "DATE", usage: "dernier jour", defText: "la fin de l'année scolaire"},
	}
	format := option{name: "format", value: "csv|ods", def: "csv", choices: []string{"csv", "ods"},
		usage: "csv (point-virgule, UTF-8) ou ods (LibreOffice Calc)"}
	out := option{name: "out", value: "FICHIER", usage: "le fichier à écrire", defText: "la sortie standard", file: fileOut}
	importOptions := []option{
		{name: "check", usage: "dire ce qui changerait, sans rien écrire"},
		{name: "force", usage: "importer un fichier d'un autre établissement (UAJ) ou d'une autre année scolaire (ANNEE_SCOLAIRE)"},
		{name: "detail", usage: "lister chaque enregistrement, même créé ou inchangé"},
		{name: "from", value: "DATE", usage: "SIECLE : le jour des changements de division ou de groupes, des arrivées et des départs",
			defText: "la date d'export du fichier"},
	}
	table := []command{
		{summary: "ouvre l'interface sur ce terminal (choix du compte, sauf --as)",
			flags: []option{importsFolder}, run: runInterface},
		{path: "demo", summary: "crée l'établissement de démonstration dans demo.db s'il n'existe pas, puis ouvre l'interface",
			help:  "demo.db est à côté de appel.db : une démonstration ne touche jamais un vrai établissement.",
			flags: []option{importsFolder, {name: "reset", usage: "repart d'une démonstration neuve (les appels faits dans demo.db sont effacés)"}},
			run:   runDemo},
		{path: "init", summary: "crée l'établissement : celui de démonstration, ou un établissement vide prêt pour les imports",
			help: "Sans --demo, --uai et --name sont nécessaires ; l'année scolaire (--year, ou celle que commence le prochain 1er septembre dès juin) est créée avec les " +
				"créneaux et les vacances de la zone. Une base qui a déjà un établissement est refusée.",
			flags: []option{
				{name: "demo", usage: "créer l'établissement de démonstration"},
				{name: "uai", value: "CODE", usage: "code UAI de l'établissement, ex. 0670001A"},
				{name: "name", value: "NOM", usage: "nom de l'établissement"},
				{name: "zone", value: "ZONE", def: "C", usage: "zone des vacances scolaires : A, B, C, Corse ou une académie d'outre-mer (Guadeloupe, La Réunion…)"},
				{name: "year", value: "AAAA-AAAA", usage: "l'année scolaire à créer, ex. 2026-2027",
					defText: "celle que commence le prochain 1er septembre, dès juin"},
			}, run: runInit},
		{path: "serve", summary: "sert l'interface par SSH (clés publiques seulement)",
			help: "Les commandes marquées « par SSH » dans « appel help » s'y lancent aussi : " +
				"ssh -p PORT compte@hôte COMMANDE, sous le compte de la clé.",
			flags: []option{
				{name: "addr", value: "HÔTE:PORT", def: "127.0.0.1:2222", usage: "adresse d'écoute"},
				{name: "host-key", value: "FICHIER", file: serverFile, usage: "clé d'hôte, créée au premier démarrage",
					defText: "host_ed25519 à côté de la base"},
				{name: "idle", value: "DURÉE", def: tui.DefaultIdle, usage: "fermeture d'une session sans frappe après cette durée"},
				{name: "fps", value: "N", def: 60, usage: "images par seconde au plus, par session (1 à 120)"},
				{name: "diag", value: "127.0.0.1:PORT", usage: "diagnostics (JSON, profils Go) sur cette adresse locale",
					defText: "aucun"},
				{name: "login-grace", value: "DURÉE", def: 2 * time.Minute, usage: "ferme une connexion qui ne s'est pas authentifiée dans ce délai (0 : jamais)"},
				{name: "max-startups", value: "DÉBUT:TAUX:PLEIN", def: "60:30:200",
					usage: "connexions non authentifiées à la fois : au-delà de DÉBUT, TAUX % des nouvelles refusées, jusqu'à toutes à PLEIN"},
				{name: "max-startups-per-source", value: "N", def: 20,
					usage: "connexions non authentifiées à la fois depuis une même adresse (0 : pas de limite)"},
				{name: "penalty-max", value: "DURÉE", def: 10 * time.Minute,
					usage: "attente la plus longue imposée à une source qui échoue encore et encore (0 : aucune)"},
				importsFolder,
			}, run: runServe},
		{path: "year", summary: "l'année scolaire : la clore, passer à la suivante"},
		{path: "year new", summary: "clôt l'année en cours : archive en lecture seule, puis la base passe à l'année suivante",
			help: "La base entière est copiée, cohérente, dans appel-AAAA-AAAA.db à côté d'elle (motifs de santé et notes " +
				"purgés), en lecture seule ; la base garde les comptes, les clés, les motifs, les créneaux et les réglages, " +
				"et attend les imports de la nouvelle année ; le registre d'appel de chaque division est écrit dans registres-AAAA-AAAA. " +
				"Une année ne se clôt qu'une fois ; refusé pendant que le serveur tient la base (un administrateur la clôt alors " +
				"depuis l'interface : N sur l'écran Imports). Les années closes s'ouvrent avec --year, ou par ssh COMPTE+AAAA-AAAA@hôte.",
			flags: []option{
				{name: "zone", value: "ZONE", usage: "zone des vacances de l'année suivante (A, B, C, Corse, une académie d'outre-mer)",
					defText: "celle de l'établissement"},
				{name: "yes", usage: "ne pas demander de confirmation (scripts)"},
			}, run: runYearNew},
		{path: "year purge", summary: "supprime les archives d'année gardées plus longtemps que le réglage archives.retention (10 ans)",
			help:  "Liste les archives appel-AAAA-AAAA.db à côté de la base, avec la date jusqu'à laquelle chacune est gardée, puis demande avant de supprimer celles dont la conservation est échue.",
			flags: []option{{name: "yes", usage: "ne pas demander de confirmation (scripts)"}}, run: runYearPurge},
		{path: "year show", remote: true, summary: "le calendrier de l'année : rentrée, fin des cours, trimestres, vacances et jours fériés, semaine de cours, jours ajoutés",
			run: runYearShow},
		{path: "year holiday", remote: true, args: []arg{{name: "NOM"}, {name: "DEBUT"}, {name: "FIN", optional: true}},
			summary: "corrige (ou ajoute) une période sans cours : premier et dernier jour, ex. \"Vacances d'hiver\" 2028-02-12 2028-02-27",
			run:     runYearHoliday},
		{path: "year periods", remote: true, summary: "les périodes de l'année (trimestres ou semestres), en CSV nom;debut;fin",
			run: runPeriodsShow},
		{path: "year periods set", remote: true, args: []arg{{name: "FICHIER", file: fileIn}},
			summary: "remplace les périodes de l'année (trimestres, semestres) depuis un CSV nom;debut;fin (« - » : l'entrée standard)",
			run:     runPeriodsSet},
		{path: "user", summary: "les comptes et leurs clés SSH"},
		{path: "user list", remote: true, summary: "un compte par ligne : identifiant, rôles, nom", run: runUserList},
		{path: "user add", remote: true, args: []arg{{name: "LOGIN"}}, summary: "crée un compte",
			flags: []option{
				{name: "role", value: "RÔLE[,RÔLE]", required: true, usage: "rôles séparés par des virgules : enseignant, aed, cpe, direction, administrateur (teacher et admin sont lus aussi)"},
				{name: "name", value: "NOM", required: true, usage: "nom affiché"},
			}, run: runUserAdd},
		{path: "user invite", remote: true, args: []arg{{name: "LOGIN", optional: true}},
			summary: "un code d'activation à usage unique : la personne enregistre elle-même sa clé à sa première connexion",
			help: "Le code s'affiche une fois ; à la connexion (ssh -p PORT LOGIN@serveur) avec une clé que le serveur ne " +
				"connaît pas, appel demande « Code d'activation : » et, s'il est juste, enregistre cette clé. Cinq codes " +
				"faux annulent l'invitation.",
			flags: []option{{name: "days", value: "N", def: 14, usage: "jours de validité du code (1 à 90)"},
				{name: "all", usage: "chaque compte actif sans clé"},
				{name: "out", value: "FICHIER.pdf", file: fileOut, usage: "une feuille imprimée par personne (code, comment créer sa clé, empreinte du serveur) au lieu des lignes", defText: "aucune"},
				{name: "host", value: "HÔTE", def: "serveur", usage: "le nom du serveur sur les feuilles"},
				{name: "port", value: "N", def: 2222, usage: "le port SSH sur les feuilles"}},
			run: runInvite},
		{path: "user key", summary: "les clés SSH d'un compte"},
		{path: "user key add", remote: true, args: []arg{{name: "LOGIN"}},
			summary: "autorise les clés publiques OpenSSH d'un compte (une par ligne)",
			help: "Chaque ligne de clé du fichier est autorisée ; une ligne refusée est nommée et aucune clé " +
				"n'est ajoutée. Les lignes vides et celles qui commencent par # sont ignorées.",
			flags: []option{{name: "key-file", value: "FICHIER", required: true, file: fileIn,
				usage: "fichier de clés publiques (.pub, authorized_keys)"}},
			run: runKeyAdd},
		{path: "user key list", remote: true, args: []arg{{name: "LOGIN"}},
			summary: "les clés d'un compte : empreinte, type, commentaire", run: runKeyList},
		{path: "user key rm", remote: true, args: []arg{{name: "LOGIN"}, {name: "EMPREINTE"}},
			summary: "retire une clé d'un compte (son empreinte SHA256:…, ou son début)", run: runKeyRm},
		{path: "export", summary: "les exports : registre d'appel, séances, explication d'un élève, tout l'établissement"},
		{path: "export marks", remote: true, summary: "chaque marque de la période (le registre d'appel)",
			flags: slices.Concat(period, []option{format, out}), run: runExport(writeMarks)},
		{path: "export seances", remote: true, summary: "chaque séance de la période, avec l'état de son appel",
			flags: slices.Concat(period, []option{format, out}), run: runExport(writeSeances)},
		{path: "export explain", remote: true, summary: "les demi-journées qui font les chiffres d'un élève, séance par séance",
			flags: slices.Concat([]option{{name: "pupil", value: "ID", required: true, usage: "l'élève : ELEVE_ID ou INE"}},
				period, []option{format, out}),
			run: runExport(writeExplain)},
		{path: "export pupil", remote: true, summary: "tout ce que l'établissement détient sur un élève, lisible (droit d'accès d'une famille)",
			flags: []option{{name: "pupil", value: "ID", required: true, usage: "l'élève : ELEVE_ID ou INE"}, out},
			run:   runExportPupil},
		{path: "export register", remote: true, summary: "le registre d'appel d'une division : chaque séance, l'appel, les absents et les retards",
			flags: slices.Concat([]option{{name: "division", value: "CODE", required: true, usage: "la division, ex. 4B"}}, period,
				[]option{{name: "format", value: "pdf|ods|csv", def: "pdf", choices: []string{"pdf", "ods", "csv"},
					usage: "pdf (à imprimer, à garder), ods ou csv"}, out}),
			run: runExportRegister},
		{path: "export all", remote: true, summary: "tout l'établissement : un fichier CSV documenté par entité, dataset.json, README.txt",
			help: "Avec --out DOSSIER, les fichiers vont dans ce dossier ; avec --out -, et par SSH, ils partent " +
				"dans une archive zip sur la sortie standard. « import all » relit l'un comme l'autre.",
			flags: []option{{name: "out", value: "DOSSIER", file: folderOut, usage: "le dossier à écrire",
				defText: "par SSH, l'archive zip sur la sortie standard"}},
			run: runExportAll},
	}
	table = append(table, settingCommands()...)
	table = append(table, academieCommands()...)
	table = append(table, closureCommands()...)
	table = append(table, weekCommands()...)
	table = append(table, familyCommands()...)
	table = append(table, templateCommands()...)
	table = append(table, disciplineCommands()...)
	table = append(table, command{path: "import", summary: "les imports : fichiers de l'établissement, ou un export complet"})
	for _, k := range imports.Kinds {
		flags := importOptions
		if k == imports.Timetable {
			flags = append(slices.Clip(importOptions), option{name: "slots-from-file",
				usage: "EDT, emp_sts : prendre la grille horaire que donnent les heures du fichier quand elles ne sont pas celles de l'établissement"})
		}
		table = append(table, command{path: "import " + string(k), remote: true,
			args:    []arg{{name: "FICHIER", file: fileIn}},
			summary: "importe un fichier : " + imports.KindLabel(k), flags: flags, run: runImport(k)})
	}
	return append(table,
		command{path: "import undo", remote: true, run: runImportUndo,
			summary: "annule le dernier import : ce qu'il a créé est supprimé, ce qu'il a modifié reprend sa valeur (si rien n'a été enregistré dessus depuis)"},
		command{path: "import all", remote: true, args: []arg{{name: "DOSSIER", file: folderIn}},
			summary: "reconstruit un établissement dans une base vide, depuis « export all » (dossier ou archive zip)",
			flags: []option{
				{name: "check", usage: "lire et vérifier l'export, sans rien écrire"},
				{name: "force", usage: "ignorer les fichiers CSV (dataset.json fait foi)"},
			}, run: runImportAll},
		command{path: "stats", remote: true, summary: "les demi-journées d'absence, les retards, les élèves à signaler",
			flags: slices.Concat(period, []option{
				{name: "division", value: "CODE", usage: "une seule division, ex. 4B", defText: "toutes"},
				{name: "by", value: "pupil|division|month", def: "pupil", choices: []string{"pupil", "division", "month"},
					usage: "par élève, par division, ou le tableau mensuel du ministère"},
				format, out,
			}), run: runStats},
		command{path: "audit", remote: true, summary: "le journal : qui a changé quoi, quand, d'où, avant et après",
			flags: []option{
				{name: "from", value: "DATE", usage: "premier jour, ex. 2026-11-23", defText: "le début du journal"},
				{name: "to", value: "DATE", usage: "dernier jour", defText: "la fin du journal"},
				{name: "login", value: "LOGIN", usage: "seulement ce compte", defText: "tous"},
				{name: "limit", value: "N", def: 0, usage: "au plus N entrées, les plus récentes", defText: "toutes"},
				{name: "format", value: "FORMAT", def: "texte", choices: []string{"texte", "json"},
					usage: "texte : lisible (dates françaises, avant/après en mots) ; json : dates ISO et enregistrements tels que stockés (scripts)"},
				{name: "json", usage: "comme --format json"},
			}, run: runAudit},
		command{path: "backup", remote: true, args: []arg{{name: "FICHIER", file: fileOut}},
			flags:   []option{{name: "force", usage: "remplacer FICHIER s'il existe déjà"}},
			summary: "une copie cohérente de la base, même pendant que le serveur tourne", run: runBackup},
		command{path: "doctor", remote: true,
			summary: "ce qui manque encore avant le premier matin, avec la commande qui le règle (administrateur)", run: runDoctor},
		command{path: "restore", args: []arg{{name: "SAUVEGARDE", file: fileIn}},
			flags:   []option{{name: "yes", usage: "sans demander de confirmation (scripts)"}},
			summary: "remet une sauvegarde vérifiée à la place de la base (l'ancienne est gardée à côté)", run: runRestore},
		command{path: "check", args: []arg{{name: "FICHIER", file: fileIn, optional: true}},
			summary: "vérifie la base (ou une sauvegarde) page par page, sans l'écrire, et dit ce qu'elle contient", run: runCheck},
		command{path: "help", remote: true, args: []arg{{name: "COMMANDE", optional: true, many: true}},
			summary: "cette aide, ou celle d'une commande", run: runHelp},
		command{path: "completion", args: []arg{{name: "SHELL", choices: []string{"bash", "zsh", "fish"}}},
			summary: "le script de complétion du shell, ex. appel completion bash > ~/.local/share/bash-completion/completions/appel",
			run:     runCompletion},
	)
}
