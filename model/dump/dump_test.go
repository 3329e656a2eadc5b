package dump_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/dump"
	"appel/model/modeltest"
)

// sample is the modeltest school with one of each kind of record.
func sample() model.Dataset {
	d := modeltest.School(3)
	at := modeltest.At(modeltest.Monday, 8, 5)
	maladie := model.DefaultMotives()[0]
	d.School.Subjects = map[string]string{"030201": "ANGLAIS LV1"}
	d.School.WeekSets = map[string][]model.Date{"S3": {modeltest.Monday}}
	d.Pupils[0].LastName = "=HYPERLINK(\"x\")"
	// A001 moved from 4A to 4B on 16 November; A002 arrived on the 10th.
	d.Pupils[3] = d.Pupils[3].MoveTo(model.NewDate(2026, 11, 16), modeltest.Division4B, nil)
	d.Pupils[4].Arrived = model.NewDate(2026, 11, 10)
	d.Guardians = []model.Guardian{{ID: "g1", LastName: "Abadie", FirstName: "Luc", Address: []string{"1 rue", "67000 Strasbourg"},
		Links: []model.Kinship{{Pupil: "E001", Level: 1, Relation: "Père"}}}}
	d.Accounts[0].Keys = []model.PublicKey{{Fingerprint: "SHA256:abc", Line: "ssh-ed25519 AAAA prof@x"}}
	d.Marks = []model.Mark{{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: "E001", Kind: model.KindAbsent,
		Justification: maladie.Justify("cpe", at), By: "prof", At: at}}
	d.RollCalls = []model.RollCall{{Seance: modeltest.MathsSeance(modeltest.Monday), By: "prof", At: at}}
	d.Notices = []model.Notice{{ID: "n1", Pupil: "E002", From: at, To: at.Add(48 * time.Hour), By: "aed", At: at}}
	d.Calls = []model.FamilyCall{{ID: "c1", Pupil: "E002", At: at, By: "aed", Outcome: "message laissé"}}
	d.Reports = []model.Report{{Pupil: "E003", Month: "2026-11", By: "cpe", At: at}}
	d.FamilyNotices = []model.FamilyNotice{{ID: "20261123-M-avis-g1", Kind: model.FamilyAvis, Channel: model.ChannelMail,
		Date: modeltest.Monday, Household: "g1", Guardians: []string{"g1"}, Names: "ABADIE Luc", To: []string{"luc@exemple.fr"},
		Pupils: []model.PupilID{"E001"}, Seances: []model.SeanceID{modeltest.MathsSeance(modeltest.Monday)},
		Status: model.StatusSent, Due: at.Add(16 * time.Minute), Attempts: 2, MessageID: "<a.1@exemple.fr>",
		SentAt: at.Add(17 * time.Minute), Resent: true}}
	d.Templates = map[string]string{model.TemplateAvis: "Absence de {{.Eleve}}\nBonjour,\n{{.Date}}"}
	d.Incidents = []model.Incident{{ID: "inc-1", Date: modeltest.Monday, Time: 8*60 + 10, Place: "cour", Kind: "vol",
		Description: "=trousse\tvolée", By: "aed", At: at,
		Involved: []model.Involved{{Pupil: "E001", Role: model.InvolvedAuthor}, {Staff: "M. Petit", Role: model.InvolvedWitness}}}}
	d.Detentions = []model.DetentionSession{{ID: "ret-1", Date: modeltest.Monday, Start: 13 * 60, End: 15 * 60, Room: "Perm",
		Supervisor: "aed", Capacity: 10, Absent: []model.PupilID{"E002"}, TakenBy: "aed", TakenAt: at}}
	d.Punishments = []model.Punishment{
		{ID: "pun-1", Pupil: "E002", Kind: model.PunishDetention, Date: modeltest.Monday, Reason: "insolence", Incident: "inc-1",
			Detention: "ret-1", State: model.PunishmentNotDone, By: "cpe", At: at},
		{ID: "pun-2", Pupil: "E001", Kind: model.PunishExclusion, Date: modeltest.Monday, Seance: modeltest.MathsSeance(modeltest.Monday),
			Report: "refus de travailler", By: "prof", At: at}}
	d.Sanctions = []model.Sanction{{ID: "san-1", Pupil: "E001", Kind: model.SanctionTempExclusion, Date: modeltest.Monday,
		Facts: "violences", Authority: model.AuthorityHead, Sursis: model.SursisPartial, SursisDays: 1, From: modeltest.Monday,
		Days: 3, By: "direction", At: at}}
	d.DisciplineLists = map[string][]model.DisciplineKind{model.ListIncidentKinds: {{Code: "vol", Label: "Vol"},
		{Code: "autre", Label: "Autre", Retired: true}}}
	return d
}

func filesOf(t *testing.T, d model.Dataset) map[string][]byte {
	t.Helper()
	files, err := dump.Write(d, []model.AuditEntry{{Seq: 1, Action: 1, Login: "cli:x", Verb: "fixture", Entity: model.EntityPupil, Key: "E001", After: `{"id":"E001"}`}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	var names []string
	for _, f := range files {
		out[f.Name] = f.Data
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != strings.Join(dump.Names(), " ") {
		t.Errorf("files %v, Names %v", names, dump.Names())
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	d := sample()
	files := filesOf(t, d)
	back, err := dump.Read(files, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["eleves.csv"]), "A001;;Autre;Léa;;;4B;;;;16/11/2026;4A [ESP 4AB]\r\n") {
		t.Errorf("eleves.csv does not show A001's move:\n%s", files["eleves.csv"])
	}
	a, _ := json.Marshal(d)
	b, _ := json.Marshal(back)
	if !bytes.Equal(a, b) {
		t.Errorf("dataset changed through the export:\n%s\n%s", a, b)
	}
}

func TestCSVProfile(t *testing.T) {
	files := filesOf(t, sample())
	for _, want := range []struct{ file, line string }{
		{"eleves.csv", "\uFEFFeleve_id;ine;nom;prenom;naissance;sexe;division;groupes;sortie;arrivee;depuis;parcours\r\n"},
		{"eleves.csv", "E001;0000001000A;\"'=HYPERLINK(\"\"x\"\")\";Léa;;;4B;ESP 4AB;;;;\r\n"},
		{"marques.csv", "20261123-0800-c-maths-1;23/11/2026;E001;absent;;oui;maladie;Maladie;oui;non;cpe;23/11/2026 08:05;prof;23/11/2026 08:05\r\n"},
		{"liens_responsables.csv", "g1;E001;1;Père\r\n"},
		{"responsables.csv", "1 rue / 67000 Strasbourg"},
		{"cours.csv", "c-svt;lundi;13:30;14:25;division;4B;SVT;prof;Labo;A;;\r\n"},
		{"etablissement.csv", "0670001A;Collège des Tests;B;Europe/Paris;01/09/2026;03/07/2027;lundi,mardi,mercredi,jeudi,vendredi;brute;12:00;0;0;\r\n"},
		{"ensembles_semaines.csv", "S3;23/11/2026\r\n"},
		{"modeles.csv", "avis;Absence de {{.Eleve}}\\nBonjour,\\n{{.Date}}\r\n"},
		{"avis_familles.csv", "20261123-M-avis-g1;avis;mél;23/11/2026;matin;E001;20261123-0800-c-maths-1;g1;ABADIE Luc;luc@exemple.fr;envoyé;23/11/2026 08:21;2;;;<a.1@exemple.fr>;23/11/2026 08:22;oui\r\n"},
		{"journal.csv", "1;1;;cli:x;;;fixture;élève;E001;;\"{\"\"id\"\":\"\"E001\"\"}\"\r\n"},
	} {
		if !strings.Contains(string(files[want.file]), want.line) {
			t.Errorf("%s lacks %q:\n%s", want.file, want.line, files[want.file])
		}
	}
}

// TestReadmeDocumentsEveryColumn: every header of every CSV file is named
// in README.txt under its file.
func TestReadmeDocumentsEveryColumn(t *testing.T) {
	files := filesOf(t, sample())
	readme := string(files[dump.ReadmeName])
	for name, data := range files {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		at := strings.Index(readme, "\r\n"+name+" — ")
		if at < 0 {
			t.Errorf("README.txt does not describe %s", name)
			continue
		}
		section := readme[at:]
		if end := strings.Index(section[2:], "\r\n\r\n"); end > 0 {
			section = section[:end+2]
		}
		header := strings.TrimPrefix(strings.SplitN(string(data), "\r\n", 2)[0], "\uFEFF")
		for _, col := range strings.Split(header, ";") {
			if !strings.Contains(section, "\r\n  "+col+" ") {
				t.Errorf("README.txt: column %s of %s undocumented", col, name)
			}
		}
	}
}

func TestReadRefuses(t *testing.T) {
	files := filesOf(t, sample())
	edited := bytes.Replace(files["eleves.csv"], []byte("Léa"), []byte("Lea"), 1)
	tests := []struct {
		name  string
		edit  func(map[string][]byte)
		want  string
		force bool
	}{
		{"edited csv", func(f map[string][]byte) { f["eleves.csv"] = edited }, "eleves.csv, ligne 2 : diffère de dataset.json", true},
		{"missing csv", func(f map[string][]byte) { delete(f, "marques.csv") }, "marques.csv absent de l'export", true},
		{"no json", func(f map[string][]byte) { delete(f, dump.JSONName) }, "dataset.json absent", false},
		{"bad json", func(f map[string][]byte) { f[dump.JSONName] = []byte("{") }, "dataset.json illisible", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			copied := map[string][]byte{}
			for k, v := range files {
				copied[k] = v
			}
			tc.edit(copied)
			_, err := dump.Read(copied, false)
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want %q", err, tc.want)
			}
			if _, err := dump.Read(copied, true); tc.force != (err == nil) {
				t.Errorf("unchecked read: %v", err)
			}
		})
	}
}

// TestNoRawControl: a school stored before appel checked its input, with
// terminal escapes, C1 controls and bidi characters in its texts, exports
// with no raw control or invisible character in any file, and dataset.json
// still gives back the exact texts.
func TestNoRawControl(t *testing.T) {
	d := sample()
	nasty := "MATHS\x1b[2J\x1b[41m\u009b2J\u202e\u200b\U000e0041\t="
	d.Pupils[1].LastName = nasty
	d.Courses[0].Subject = nasty
	d.Calls[0].Note = nasty
	d.School.Name = nasty
	files := filesOf(t, d)
	for name, data := range files {
		s := strings.TrimPrefix(string(data), "\uFEFF")
		for _, r := range strings.NewReplacer("\r\n", "", "\n", "").Replace(s) {
			if !model.TextAllowed(r, model.Plain) {
				t.Errorf("%s holds the raw character %U", name, r)
				break
			}
		}
	}
	back, err := dump.Read(files, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["eleves.csv"]), "A001;;Autre;Léa;;;4B;;;;16/11/2026;4A [ESP 4AB]\r\n") {
		t.Errorf("eleves.csv does not show A001's move:\n%s", files["eleves.csv"])
	}
	if back.Pupils[1].LastName != nasty || back.Calls[0].Note != nasty {
		t.Errorf("dataset.json lost the texts: %q", back.Pupils[1].LastName)
	}
	if !strings.Contains(string(files["eleves.csv"]), `MATHS\x1b[2J`) {
		t.Errorf("eleves.csv does not show the escape:\n%s", files["eleves.csv"])
	}
}
