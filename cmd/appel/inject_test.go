package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/formats/charset"
	"appel/storage"
)

// poisonDB writes, through storage directly (the model's checks are not in
// the way), texts that an old db may hold: in the name of a pupil of prof's
// Monday 08:00 séance (who gets a mark in it), the séance's subject, prof's
// display name and a motive's label. It returns the pupil's ID.
func poisonDB(t *testing.T, path string) model.PupilID {
	t.Helper()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	monday := model.NewDate(2026, 11, 16)
	var course model.Course
	for _, c := range dir.Courses {
		if c.Weekday == monday.Weekday() && c.Start == 8*60 && len(c.Teachers) > 0 && c.Teachers[0] == "prof" {
			course = c
		}
	}
	members := dir.Members(course.Target, monday)
	if course.ID == "" || len(members) == 0 {
		t.Fatalf("no Monday 08:00 course of prof with pupils: %+v", course)
	}
	pupil := members[0]
	_, err = db.Update(context.Background(), model.Actor{Login: "ancienne-version"}, "données d'une ancienne version", func(tx model.Tx) error {
		pupil.LastName, pupil.FirstName = `=HYPERLINK("http://x")`, "Léa\x1b[2J\x1b[5m"
		course.Subject = "Maths\x1b]2;pirate\x07"
		acc, _ := dir.Account("prof")
		acc.Name = "M.\x1b[H Martin\u202e"
		motive := dir.Motives[0]
		motive.Label = "Maladie\x1b[5m"
		mark := model.Mark{Seance: model.NewSeanceID(monday, course.Start, course.ID), Pupil: pupil.ID, Kind: model.KindAbsent,
			Justification: motive.Justify("cpe", monday.Time(9*60, dir.Location())), By: "prof", At: monday.Time(8*60+5, dir.Location())}
		for _, err := range []error{tx.PutPupil(pupil), tx.PutCourse(course), tx.PutAccount(acc), tx.PutMotive(motive), tx.PutMark(mark)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pupil.ID
}

// rawControlIn returns the first control or invisible character of out
// other than line ends, tabs between the columns of a text listing, and the
// byte-order mark that starts a CSV file; ok is false when there is none.
func rawControlIn(out string) (rune, bool) {
	out = strings.TrimPrefix(out, "\uFEFF")
	for _, r := range out {
		if r != '\n' && r != '\r' && r != '\t' && !model.TextAllowed(r, model.Plain) {
			return r, true
		}
	}
	if !utf8.ValidString(out) {
		return utf8.RuneError, true
	}
	return 0, false
}

// TestExportsHoldNoRawControl: from a db holding injected texts, no CSV, ODS
// or JSON export, and no listing of the command line, holds a raw control
// or invisible character; a name starting with « = » is neutralised.
func TestExportsHoldNoRawControl(t *testing.T) {
	db := demoDB(t)
	poisonDB(t, db)
	common := []string{"--db", db, "--now", cliNow}
	outputs := map[string]string{}
	for _, args := range [][]string{
		{"export", "marks", "--from", "2026-11-16", "--to", "2026-11-16"},
		{"export", "seances", "--from", "2026-11-16", "--to", "2026-11-16"},
		{"stats", "--by", "pupil"}, {"stats", "--by", "division"}, {"stats", "--by", "month"},
		{"user", "list"}, {"audit"},
	} {
		outputs[strings.Join(args, " ")] = appelCmd(t, append(args, common...)...)
		ods := append(args, "--format", "ods")
		if args[0] == "export" || args[0] == "stats" {
			outputs[strings.Join(ods, " ")] = odsContent(t, appelCmd(t, append(ods, common...)...))
		}
	}
	folder := filepath.Join(t.TempDir(), "tout")
	appelCmd(t, append([]string{"export", "all", "--out", folder}, common...)...)
	files, _ := filepath.Glob(filepath.Join(folder, "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		outputs["export all : "+filepath.Base(f)] = string(data)
	}
	for what, out := range outputs {
		if r, bad := rawControlIn(out); bad {
			t.Errorf("%s holds the raw character %U", what, r)
		}
	}
	fresh := filepath.Join(t.TempDir(), "neuve.db")
	_, errOut, code := appelRun(t, "", "import", "all", folder, "--db", fresh)
	if code != 1 || !strings.Contains(errOut, "first_name : caractère de contrôle U+001B (échappement)") {
		t.Errorf("import all of a poisoned school: exit %d, %q", code, errOut)
	}
	marks := outputs["export marks --from 2026-11-16 --to 2026-11-16"]
	if !strings.Contains(marks, `'=HYPERLINK(""http://x"")`) || strings.Contains(marks, `;"=HYPERLINK`) {
		t.Errorf("the formula is not neutralised:\n%s", marks)
	}
	if !strings.Contains(marks, `Léa\x1b[2J\x1b[5m`) || !strings.Contains(marks, `Maladie\x1b[5m`) {
		t.Errorf("the injected texts are not shown escaped:\n%s", marks)
	}
	if ods := outputs["export marks --from 2026-11-16 --to 2026-11-16 --format ods"]; !strings.Contains(ods, `'=HYPERLINK(&quot;http://x&quot;)`) {
		t.Errorf("the ODS cell is not neutralised")
	}
}

// odsContent returns the content.xml of an ODS file.
func odsContent(t *testing.T, data string) string {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			content, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(content)
		}
	}
	t.Fatal("no content.xml in the ODS file")
	return ""
}

// TestImportRefusesControlCharacters: a timetable, SIECLE or absences file
// holding a control character is refused with its line and column, and
// nothing is written.
func TestImportRefusesControlCharacters(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	appelCmd(t, "import", "siecle", schoolfiles.Path(t, "eleves.zip"), "--db", db, "--now", cliNow)
	appelCmd(t, "import", "sts", schoolfiles.Path(t, "sts_emp.xml"), "--db", db, "--now", cliNow)
	appelCmd(t, "import", "timetable", schoolfiles.Path(t, "emp_sts.xml"), "--slots-from-file", "--db", db, "--now", cliNow)
	eleves := strings.Replace(charset.Latin9.Decode(schoolfiles.Read(t, "eleves.xml")), "<PRENOM>No", "<PRENOM>\x1b[2J\x1b[41mNo", 1)
	empSTS := strings.Replace(string(schoolfiles.Read(t, "emp_sts.xml")), `<GROUPE CODE="LATIN 4e">`, "<GROUPE CODE=\"LATIN\u202e 4e\">", 1)
	tests := []struct {
		kind, name, content, what string
	}{
		{"timetable", "edt.csv", "jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines\r\n" +
			"lundi;08:00;08:55;4e 1;;Français;jlefevre;101;toutes\r\nlundi;09:00;09:55;4e 1;;MATHS\x1b[2J\x1b[41m;eoeuvrard;;toutes\r\n",
			"caractère de contrôle U+001B (échappement)"},
		{"timetable", "emp_sts.xml", empSTS, "caractère de direction du texte U+202E"},
		{"timetable", "EXP_COURS.csv", "NUMERO;JOUR;H.DEBUT;DUREE;FREQUENCE;MAT_LIBELLE;PROF_NOM;CLASSE;SALLE\r\n" +
			"1;lundi;  09h00;1h00;H;Français\u0085;LEFÈVRE;4e 1;12\r\n", "caractère de contrôle U+0085"},
		{"siecle", "ElevesSansAdresses.xml", eleves, "caractère de contrôle U+001B (échappement)"},
		{"absences", "historique.csv", "eleve;date;debut;fin;marque;minutes;motif;justifiee\r\n" +
			"1001;16/11/2026;08:00;17:00;absent;;Maladie\x1b]0;pirate\x07;oui\r\n", "caractère de contrôle U+001B (échappement)"},
	}
	before := appelCmd(t, "export", "marks", "--db", db)
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			data := []byte(tt.content)
			if tt.kind == "siecle" {
				data, _ = charset.Latin9.Encode(tt.content)
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			out, errOut, code := appelRun(t, "", "import", tt.kind, path, "--db", db, "--now", cliNow)
			want := tt.name + ", " + placeOf(tt.content) + " : " + tt.what
			if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(out, want) {
				t.Errorf("exit %d, want %q\n%s%s", code, want, out, errOut)
			}
			if r, bad := rawControlIn(out + errOut); bad {
				t.Errorf("the message holds the raw character %U", r)
			}
		})
	}
	if after := appelCmd(t, "export", "marks", "--db", db); after != before {
		t.Error("a refused file changed the marks")
	}
}

// placeOf returns « ligne L, colonne C » of the first character of content
// that no imported text may hold.
func placeOf(content string) string {
	line, col := 1, 0
	for _, r := range content {
		col++
		switch {
		case r == '\n':
			line, col = line+1, 0
		case r != '\r' && r != '\t' && !model.TextAllowed(r, model.Plain):
			return fmt.Sprintf("ligne %d, colonne %d", line, col)
		}
	}
	return "aucun caractère refusé"
}

// TestImportQuotesNoForeignLine: a file that is not of the expected kind
// (a system file) is refused without its lines being quoted.
func TestImportQuotesNoForeignLine(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	shadow := filepath.Join(t.TempDir(), "shadow")
	secret := "root:$6$S3cr3tS4lt$Zq9aLongHashOfThePasswordThatMustNeverBePrinted:19000:0:99999:7:::\n" +
		"daemon:*:19000:0:99999:7:::\nadmin,sudo,S3cr3tGroupMember,another,one;two\n"
	if err := os.WriteFile(shadow, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	files := []string{shadow}
	if _, err := os.Stat("/etc/passwd"); err == nil {
		files = append(files, "/etc/passwd")
	}
	for _, file := range files {
		content, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []string{"timetable", "absences", "siecle", "responsables", "sts"} {
			out, errOut, code := appelRun(t, "", "import", kind, file, "--check", "--db", db, "--now", cliNow)
			if code != 1 {
				t.Errorf("%s as %s: exit %d", file, kind, code)
			}
			for _, line := range strings.Split(string(content), "\n") {
				if len(line) > 30 && strings.Contains(out+errOut, line) {
					t.Errorf("%s as %s quotes a whole line of the file:\n%s%s", file, kind, out, errOut)
				}
			}
			if strings.Contains(out+errOut, "S3cr3t") {
				t.Errorf("%s as %s quotes the secret:\n%s%s", file, kind, out, errOut)
			}
		}
	}
}

// TestArgumentsRefuseControlCharacters: a command-line argument that becomes
// stored text is refused, naming the field, when it holds a control or
// invisible character; the message shows it escaped.
func TestArgumentsRefuseControlCharacters(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	key := filepath.Join(t.TempDir(), "id.pub")
	line := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl prof@\x1b]0;pirate\x07\n"
	if err := os.WriteFile(key, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	appelCmd(t, "user", "add", "prof", "--role", "teacher", "--name", "M. Martin", "--db", db)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "pirate", "--role", "teacher", "--name", "M.\x1b[2J Pirate", "--db", db}, "nom affiché : caractère de contrôle U+001B (échappement) en position 3"},
		{[]string{"user", "add", "bidi", "--role", "teacher", "--name", "Mme \u202eeniraM", "--db", db}, "nom affiché : caractère de direction du texte U+202E"},
		{[]string{"user", "key", "add", "prof", "--key-file", key, "--db", db}, "commentaire de la clé : caractère de contrôle U+001B"},
		{[]string{"init", "--uai", "0670001A", "--name", "Collège\x1b[41m", "--db", filepath.Join(t.TempDir(), "autre.db"), "--now", cliNow},
			"nom de l'établissement : caractère de contrôle U+001B"},
	}
	for _, tt := range tests {
		_, errOut, code := appelRun(t, "", tt.args...)
		if code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, %q, want %q", tt.args, code, errOut, tt.want)
		}
		if r, bad := rawControlIn(errOut); bad {
			t.Errorf("%q: the message holds the raw character %U", tt.args, r)
		}
	}
	if n := accounts(t, db); n != 1 {
		t.Errorf("%d accounts, want 1", n)
	}
	if out := appelCmd(t, "user", "key", "list", "prof", "--db", db); strings.TrimSpace(out) != "" {
		t.Errorf("a refused key was stored: %q", out)
	}
	var buf bytes.Buffer
	buf.WriteString(appelCmd(t, "user", "list", "--db", db))
	if r, bad := rawControlIn(buf.String()); bad {
		t.Errorf("user list holds %U", r)
	}
}
