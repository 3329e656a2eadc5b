package main

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"appel/model"
	"appel/storage"
)

// The throw-away school: one division of pupilsPer pupils per teacher, each
// teacher with a séance from 08:00 to 08:55 every weekday in his division.
const (
	pupilsPer = 30
	// loadNow is the server's clock: Monday 23 November 2026, 08:05.
	loadNow = "2026-11-23T08:05"
)

var loadDay = model.NewDate(2026, 11, 23)

// teacher is one simulated account: its login, its signing key, its séance.
type teacher struct {
	Login  string
	Signer gossh.Signer
	Seance model.SeanceID
}

func teacherLogin(i int) string { return fmt.Sprintf("t%04d", i+1) }

func courseID(i int, w time.Weekday) string { return fmt.Sprintf("c%04d-%d", i+1, w) }

// teachers returns the n simulated teachers; their keys derive from their
// index, so that a school built once can be driven again.
func teachers(n int) ([]teacher, error) {
	out := make([]teacher, n)
	for i := range out {
		seed := sha256.Sum256([]byte("appel-load/" + teacherLogin(i)))
		signer, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seed[:]))
		if err != nil {
			return nil, err
		}
		out[i] = teacher{Login: teacherLogin(i), Signer: signer,
			Seance: model.NewSeanceID(loadDay, 8*60, courseID(i, loadDay.Weekday()))}
	}
	return out, nil
}

// buildSchool writes a school for the teachers into a new db file at path.
func buildSchool(path string, ts []teacher) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		return err
	}
	data := schoolData(ts)
	_, err = db.Update(context.Background(), model.Actor{Login: "appel-load"}, "école de charge", data.Write)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func schoolData(ts []teacher) model.Dataset {
	d := model.NewDate
	school := model.School{
		UAI: "0679999Z", Name: "Collège de charge", Zone: "B", TimeZone: "Europe/Paris",
		YearStart: d(2026, 9, 1), YearEnd: d(2027, 7, 3),
		Slots: model.DefaultSlots(), Settings: model.DefaultSettings(),
		Weekdays:  []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		WeekTypes: map[model.Date]string{},
	}
	data := model.Dataset{School: school, Motives: model.DefaultMotives(),
		Accounts: []model.Account{{Login: "admin", Name: "Admin", Roles: []model.Role{model.RoleAdmin}}}}
	for i, t := range ts {
		div := fmt.Sprintf("D%04d", i+1)
		data.Divisions = append(data.Divisions, model.Division{Code: div})
		pupils := divisionPupils(div)
		data.Pupils = append(data.Pupils, pupils...)
		data.Guardians = append(data.Guardians, pupilGuardians(pupils)...)
		data.Accounts = append(data.Accounts, teacherAccount(t, i))
		data.Courses = append(data.Courses, weekCourses(i, t.Login, div)...)
	}
	return data
}

var (
	loadLastNames  = []string{"Bénard", "Caron", "Écuyer", "Fournier", "Hébert", "Lefèvre", "Müller", "N'Diaye", "Quéré", "Sénéchal"}
	loadFirstNames = []string{"Léa", "Noé", "Zoé", "Inès", "Raphaël", "Éloïse", "Maëlys", "Loïc", "Chloé", "Anaïs"}
)

func divisionPupils(div string) []model.Pupil {
	out := make([]model.Pupil, pupilsPer)
	for j := range out {
		out[j] = model.Pupil{
			ID:       model.PupilID(fmt.Sprintf("%s-%02d", div, j+1)),
			LastName: fmt.Sprintf("%s %02d", loadLastNames[j%len(loadLastNames)], j+1), FirstName: loadFirstNames[j%len(loadFirstNames)],
			Division: div,
		}
	}
	return out
}

// pupilGuardians gives each pupil one legal guardian with an e-mail and an
// address, so that a run with the notices on sends one message per absence.
func pupilGuardians(ps []model.Pupil) []model.Guardian {
	out := make([]model.Guardian, len(ps))
	for i, p := range ps {
		out[i] = model.Guardian{ID: "R-" + string(p.ID), Civility: "Mme", LastName: p.LastName, FirstName: "Claire",
			Email: strings.ToLower("famille." + string(p.ID) + "@example.org"), Address: []string{"1 rue de l'École", "67000 STRASBOURG"},
			Links: []model.Kinship{{Pupil: p.ID, Level: 1}}}
	}
	return out
}

func teacherAccount(t teacher, i int) model.Account {
	line := string(gossh.MarshalAuthorizedKey(t.Signer.PublicKey()))
	key, err := model.ParseAuthorizedKey(line)
	if err != nil {
		panic(err) // a key this program made is always readable
	}
	return model.Account{Login: t.Login, Name: fmt.Sprintf("Enseignant %d", i+1),
		Roles: []model.Role{model.RoleTeacher}, Keys: []model.PublicKey{key}}
}

func weekCourses(i int, login, div string) []model.Course {
	var out []model.Course
	for _, w := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
		out = append(out, model.Course{ID: courseID(i, w), Weekday: w, Start: 8 * 60, End: 8*60 + 55,
			Target: model.Target{Kind: model.TargetDivision, Code: div}, Teachers: []string{login},
			Subject: "Mathématiques", Room: fmt.Sprintf("%d", 100+i%300)})
	}
	return out
}
