package main

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"appel/model"
	"appel/model/calendar"
	"appel/storage"
)

// yearPattern is a school year's name: 2026-2027.
var yearPattern = regexp.MustCompile(`^(\d{4})-(\d{4})$`)

// checkYear reads --year: two consecutive years.
func checkYear(year string) error {
	m := yearPattern.FindStringSubmatch(year)
	if m == nil {
		return usageErr("--year %q illisible (attendu 2026-2027)", year)
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	if b != a+1 {
		return usageErr("--year %q : une année scolaire va d'une année à la suivante (2026-2027)", year)
	}
	return nil
}

// archivePath is the archive of year beside the db at dbPath.
func archivePath(dbPath, year string) string {
	return filepath.Join(filepath.Dir(dbPath), "appel-"+year+".db")
}

// runYearNew ends the current school year: the archive, then the next year.
func runYearNew(c *cli, in input) error {
	if c.year != "" {
		return usageErr("--year ouvre une année close, qui ne se clôt pas une seconde fois")
	}
	db, err := c.open()
	if err != nil {
		return lockedHint(err, "year new")
	}
	defer db.Close()
	svc, err := c.operator(db)
	if err != nil {
		return err
	}
	dir, err := db.Directory()
	if err != nil {
		return model.NotFound("cette base n'a pas d'établissement : rien à clore")
	}
	cur := dir.School
	if today := model.DateOf(svc.Now()); today.Before(cur.YearStart) {
		ended, err := db.EndedYears()
		if err != nil {
			return err
		}
		already := ""
		if n := len(ended); n > 0 {
			already = fmt.Sprintf("l'année %s est déjà close (%s) ; ", ended[n-1], filepath.Base(archivePath(db.Path(), ended[n-1])))
		}
		return model.Conflict("%sl'année %s n'a pas commencé (rentrée le %s) : il n'y a rien à clore", already, cur.YearLabel(), cur.YearStart.French())
	}
	next, known, err := calendar.NextYear(cur, in.str("zone"))
	if err != nil {
		return err
	}
	year := cur.YearLabel()
	archive := archivePath(db.Path(), year)
	c.describeRollover(dir, next, archive, known)
	if !in.on("yes") {
		if err := confirm(c.stdin, c.stdout, "Clore l'année "+year); err != nil {
			return err
		}
	}
	err = db.Rollover(storage.Rollover{
		Year: year, Archive: archive, Next: next, Purge: model.NewArchivePurge(dir.Motives), Actor: svc.Actor(),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Année %s close : archive %s (lecture seule ; appel --year %s pour la consulter).\n", year, archive, year)
	fmt.Fprintf(c.stdout, "La base tient l'année %s : rentrée le %s. Importez SIECLE, STS-Web et l'emploi du temps.\n",
		next.YearLabel(), next.YearStart.French())
	if !known {
		fmt.Fprintln(c.stdout, "Vacances de "+next.YearLabel()+" inconnues : appel import calendrier FICHIER (le calendrier scolaire officiel).")
	}
	return nil
}

// describeRollover says what ending the year keeps and drops.
func (c *cli) describeRollover(dir *model.Directory, next model.School, archive string, known bool) {
	w := c.stdout
	fmt.Fprintf(w, "Fin de l'année %s de %s (%s) :\n", dir.School.YearLabel(), model.Visible(dir.School.Name), dir.School.UAI)
	fmt.Fprintf(w, "  archive en lecture seule : %s (élèves, marques, registre ; motifs de santé et notes purgés)\n", archive)
	fmt.Fprintf(w, "  gardés : %d comptes et leurs clés, %d motifs, les créneaux et les réglages\n", len(dir.Accounts), len(dir.Motives))
	fmt.Fprintf(w, "  retirés de la base : %d élèves, %d divisions, %d groupes, %d cours, les marques et le journal\n",
		len(dir.Pupils), len(dir.Divisions), len(dir.Groups), len(dir.Courses))
	calendarText := "calendrier officiel connu"
	if !known {
		calendarText = "calendrier provisoire, jours fériés seulement"
	}
	fmt.Fprintf(w, "  année suivante : %s, du %s au %s (zone %s, %s)\n", next.YearLabel(), next.YearStart.French(),
		next.YearEnd.French(), next.Zone, calendarText)
}

// confirm asks a yes/no question on out, reading the answer from in; any
// answer but « oui » (or « o ») refuses.
func confirm(in io.Reader, out io.Writer, question string) error {
	fmt.Fprintf(out, "%s ? Tapez « oui » pour confirmer : ", question)
	line, err := bufio.NewReader(in).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	if answer == "oui" || answer == "o" {
		return nil
	}
	if err != nil && answer == "" {
		return usageErr("pas de réponse : rien n'a été fait (--yes pour confirmer dans un script)")
	}
	return model.Conflict("abandonné : rien n'a été fait")
}
