package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"appel/model"
	"appel/model/calendar"
	"appel/model/formats/periods"
	"appel/model/register"
	"appel/storage"
	"appel/tui"
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
		return stopServerFirst(err, "year new")
	}
	defer db.Close()
	svc, err := c.operator(db)
	if err != nil {
		return err
	}
	y, err := prepareYearEnd(db, svc, in.str("zone"))
	if err != nil {
		return err
	}
	for _, l := range y.describe() {
		fmt.Fprintln(c.stdout, l)
	}
	if !in.on("yes") {
		if err := confirm(c.stdin, c.stdout, "Clore l'année "+y.year); err != nil {
			return err
		}
	}
	lines, err := y.run(c)
	for _, l := range lines {
		fmt.Fprintln(c.stdout, l)
	}
	return err
}

// yearEnd is a rollover ready to run: the year it ends, the next one.
type yearEnd struct {
	db      *storage.DB
	svc     *model.Service
	dir     *model.Directory
	next    model.School
	known   bool
	year    string
	archive string
}

// prepareYearEnd checks that svc's actor may end the year the db holds and
// that it has begun, and draws the next year (zone "": the school's).
func prepareYearEnd(db *storage.DB, svc *model.Service, zone string) (*yearEnd, error) {
	if err := svc.Require(model.PermSetup); err != nil {
		return nil, err
	}
	dir, err := db.Directory()
	if err != nil {
		return nil, model.NotFound("cette base n'a pas d'établissement : rien à clore")
	}
	cur := dir.School
	if today := model.DateOf(svc.Now()); today.Before(cur.YearStart) {
		ended, err := db.EndedYears()
		if err != nil {
			return nil, err
		}
		already := ""
		if n := len(ended); n > 0 {
			already = fmt.Sprintf("l'année %s est déjà close (%s) ; ", ended[n-1], filepath.Base(archivePath(db.Path(), ended[n-1])))
		}
		return nil, model.Conflict("%sl'année %s n'a pas commencé (rentrée le %s) : il n'y a rien à clore", already, cur.YearLabel(), cur.YearStart.French())
	}
	next, known, err := calendar.NextYear(cur, zone)
	if err != nil {
		return nil, err
	}
	year := cur.YearLabel()
	return &yearEnd{db: db, svc: svc, dir: dir, next: next, known: known, year: year, archive: archivePath(db.Path(), year)}, nil
}

// describe says what ending the year keeps and drops, one line each.
func (y *yearEnd) describe() []string {
	dir, next := y.dir, y.next
	cur := dir.School
	lines := []string{
		fmt.Sprintf("Fin de l'année %s de %s (%s) :", y.year, model.Visible(cur.Name), cur.UAI),
		fmt.Sprintf("  archive en lecture seule : %s (élèves, marques, registre ; motifs de santé et notes purgés)", y.archive),
		fmt.Sprintf("  gardés : %d comptes et leurs clés, %d motifs, les créneaux et les réglages", len(dir.Accounts), len(dir.Motives)),
		fmt.Sprintf("  retirés de la base : %d élèves, %d divisions, %d groupes, %d cours, les marques et le journal",
			len(dir.Pupils), len(dir.Divisions), len(dir.Groups), len(dir.Courses)),
	}
	calendarText := "calendrier officiel connu"
	if !y.known {
		calendarText = "calendrier provisoire, jours fériés seulement"
	}
	lines = append(lines, fmt.Sprintf("  année suivante : %s, du %s au %s (zone %s, %s)", next.YearLabel(), next.YearStart.French(),
		next.YearEnd.French(), next.Zone, calendarText))
	if today := model.DateOf(y.svc.Now()); !today.After(cur.YearEnd) {
		lines = append(lines, fmt.Sprintf("  attention : les cours de %s ne sont pas finis (fin le %s) ; ce qui serait saisi ensuite n'irait pas dans l'archive",
			y.year, cur.YearEnd.French()))
	}
	return lines
}

// run ends the year, writes the registers, and says what it did.
func (y *yearEnd) run(c *cli) ([]string, error) {
	err := y.db.Rollover(storage.Rollover{
		Year: y.year, Archive: y.archive, Next: y.next, Purge: model.NewArchivePurge(y.dir.Motives), Actor: y.svc.Actor(),
	})
	if err != nil {
		return nil, err
	}
	lines := []string{fmt.Sprintf("Année %s close : archive %s (lecture seule ; appel --year %s pour la consulter).", y.year, y.archive, y.year)}
	folder, n, err := c.writeRegisters(y.archive, y.year, y.svc.Now)
	if err != nil {
		lines = append(lines, fmt.Sprintf("Registres d'appel non écrits (%s) : appel --year %s export register --division CODE les écrit.",
			model.UserMessage(err), y.year))
	} else {
		lines = append(lines, fmt.Sprintf("Registres d'appel : %d divisions dans %s.", n, folder))
	}
	lines = append(lines, fmt.Sprintf("La base tient l'année %s : rentrée le %s. Importez SIECLE, STS-Web et l'emploi du temps.",
		y.next.YearLabel(), y.next.YearStart.French()))
	if !y.known {
		lines = append(lines, "Vacances de "+y.next.YearLabel()+" inconnues : appel import calendrier FICHIER (le calendrier scolaire officiel).")
	}
	return lines, nil
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

// runYearShow prints the school year's calendar: its bounds, trimestres and
// periods without classes.
func runYearShow(c *cli, in input) error {
	return c.withOperatorFor("year show", func(svc *model.Service) error {
		dir, err := svc.Directory()
		if err != nil {
			return err
		}
		writeCalendar(c.stdout, dir.School)
		return nil
	})
}

func writeCalendar(w io.Writer, s model.School) {
	fmt.Fprintf(w, "Année %s, zone %s : rentrée le %s, fin des cours le %s\n", s.YearLabel(), s.Zone, s.YearStart.French(), s.YearEnd.French())
	for _, p := range s.Periods {
		fmt.Fprintf(w, "  %s : du %s au %s\n", model.Visible(p.Name), p.From.French(), p.To.French())
	}
	for _, h := range s.Holidays {
		fmt.Fprintf(w, "  %s\t%s\t%s\n", h.From.French(), h.To.French(), model.Visible(h.Name))
	}
	fmt.Fprintf(w, "  Semaine de cours : %s\n", model.WeekText(s.Weekdays, s.ClosedHalfDays))
	for _, x := range s.ExtraDays {
		fmt.Fprintf(w, "  %s\tjour de cours\t%s (emploi du temps du %s, %s)\n", x.Date.French(), model.Visible(x.Name), model.FrenchWeekday(x.Follows), x.HalfDaysText())
	}
}

// runYearHoliday sets the dates of a period without classes (or adds it):
// the administrator's correction of the imported calendar.
func runYearHoliday(c *cli, in input) error {
	name := strings.TrimSpace(in.arg(0))
	if err := model.CheckField("nom de la période", name, model.Plain); err != nil {
		return err
	}
	from, to, err := daySpan(in, 1)
	if err != nil {
		return err
	}
	if to.Before(from) {
		return model.Invalid("le %s précède le %s", to.French(), from.French())
	}
	return c.withOperatorFor("year holiday …", func(svc *model.Service) error {
		var school model.School
		_, err := svc.SetupUpdate("calendrier : "+name, func(dir *model.Directory, tx model.Tx) error {
			school = withHoliday(dir.School, model.Holiday{Name: name, From: from, To: to}, len(dir.Courses) == 0)
			return tx.PutSchool(school)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s : du %s au %s.\n", model.Visible(name), from.French(), to.French())
		writeCalendar(c.stdout, school)
		return nil
	})
}

// withHoliday returns s with h in place of the period of the same name (or
// added), the trimestres drawn again, and the A/B weeks too when weeks is set.
func withHoliday(s model.School, h model.Holiday, weeks bool) model.School {
	holidays := make([]model.Holiday, 0, len(s.Holidays)+1)
	for _, x := range s.Holidays {
		if model.FoldAccents(x.Name) != model.FoldAccents(h.Name) {
			holidays = append(holidays, x)
		}
	}
	holidays = append(holidays, h)
	slices.SortStableFunc(holidays, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
	s.Holidays = holidays
	s.Periods = calendar.PeriodsAfterHolidays(s)
	if weeks {
		s.WeekTypes = calendar.WeekTypes(s)
	}
	return s
}

// runYearPurge lists the archives of ended years beside the db, and deletes,
// once confirmed, those kept longer than the setting archives.retention.
func runYearPurge(c *cli, in input) error {
	if c.year != "" {
		return usageErr("--year n'a pas cours ici : year purge regarde les archives à côté de la base")
	}
	db, err := c.open()
	if err != nil {
		return stopServerFirst(err, "year purge")
	}
	defer db.Close()
	svc, err := c.operator(db)
	if err != nil {
		return err
	}
	settings, err := svc.Settings()
	if err != nil {
		return err
	}
	retention := settings.Int(model.SettingArchiveRetention)
	archives, err := archivesBeside(db.Path())
	if err != nil {
		return err
	}
	today := model.DateOf(svc.Now())
	expired := model.ExpiredYears(archives, today, retention)
	fmt.Fprintf(c.stdout, "Archives d'année à côté de %s (gardées %d ans après la fin de l'année, réglage %s) :\n",
		db.Path(), retention, model.SettingArchiveRetention)
	for _, a := range archives {
		until, _ := model.KeptUntil(a.Year, retention)
		state := "gardée jusqu'au " + until.French()
		if today.After(until) {
			state = "à supprimer (conservation échue le " + until.French() + ")"
		}
		fmt.Fprintf(c.stdout, "  %s\t%s\t%s\n", a.Year, filepath.Base(a.Path), state)
	}
	if len(expired) == 0 {
		fmt.Fprintln(c.stdout, "Aucune archive à supprimer.")
		return nil
	}
	if !in.on("yes") {
		if err := confirm(c.stdin, c.stdout, fmt.Sprintf("Supprimer %d archive(s)", len(expired))); err != nil {
			return err
		}
	}
	for _, a := range expired {
		if err := os.Remove(a.Path); err != nil {
			return fmt.Errorf("suppression de %s impossible : %v", a.Path, err)
		}
		fmt.Fprintf(c.stdout, "Supprimée : %s\n", a.Path)
		registers := filepath.Join(filepath.Dir(a.Path), "registres-"+a.Year)
		if _, err := os.Stat(registers); err == nil {
			if err := os.RemoveAll(registers); err != nil {
				return fmt.Errorf("suppression de %s impossible : %v", registers, err)
			}
			fmt.Fprintf(c.stdout, "Supprimés : les registres d'appel de %s (%s)\n", a.Year, registers)
		}
	}
	return syncFolder(filepath.Dir(db.Path()))
}

// archivesBeside lists the archives of ended years in the db's folder, by
// year: the files appel-AAAA-AAAA.db whose stamp names that year.
func archivesBeside(dbPath string) ([]model.ArchivedYear, error) {
	paths, err := filepath.Glob(filepath.Join(filepath.Dir(dbPath), "appel-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9].db"))
	if err != nil {
		return nil, err
	}
	var out []model.ArchivedYear
	for _, p := range paths {
		stamp, err := storage.ReadStamp(p)
		if err != nil || "appel-"+stamp.Year+".db" != filepath.Base(p) {
			continue
		}
		out = append(out, model.ArchivedYear{Year: stamp.Year, Path: p})
	}
	return out, nil
}

// syncFolder makes the folder's entries (a deletion) durable.
func syncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// writeRegisters writes the registre d'appel of every division of the
// archive, for the whole year, as PDF files in registres-AAAA-AAAA beside it.
func (c *cli) writeRegisters(archive, year string, now func() time.Time) (string, int, error) {
	db, err := storage.OpenArchive(archive, storage.Options{Timeout: time.Second, Now: now})
	if err != nil {
		return "", 0, err
	}
	defer db.Close()
	svc, err := c.operator(db)
	if err != nil {
		return "", 0, err
	}
	dir, err := svc.Directory()
	if err != nil {
		return "", 0, err
	}
	folder := filepath.Join(filepath.Dir(archive), "registres-"+year)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", 0, err
	}
	for _, d := range dir.Divisions {
		r, err := svc.Register(d.Code, dir.School.YearStart, dir.School.YearEnd)
		if err != nil {
			return folder, 0, err
		}
		path := filepath.Join(folder, "registre-"+fileSafe(d.Code)+".pdf")
		if err := c.output(path, func(w io.Writer) error { return register.Write(w, r) }); err != nil {
			return folder, 0, err
		}
	}
	return folder, len(dir.Divisions), syncFolder(folder)
}

// fileSafe keeps letters, digits, « - » and « _ » of a division code for a
// file name; anything else becomes « _ ».
func fileSafe(code string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, code)
}

// stopServerFirst explains a locked db to a command that needs it alone.
func stopServerFirst(err error, command string) error {
	if !errors.Is(err, storage.ErrLocked) {
		return err
	}
	return &model.Error{Kind: storage.ErrLocked, Message: fmt.Sprintf(
		"le serveur tient la base : arrêtez-le (appel serve), puis relancez appel %s ; rien n'a été fait", command)}
}

// yearEndFor lets the interface on db end its school year (« N » on the
// administrator's Imports screen); nil on an archive.
func (c *cli) yearEndFor(db *storage.DB) *tui.YearEnd {
	if c.year != "" {
		return nil
	}
	return &tui.YearEnd{
		Describe: func(svc *model.Service) ([]string, error) {
			y, err := prepareYearEnd(db, svc, "")
			if err != nil {
				return nil, err
			}
			return y.describe(), nil
		},
		End: func(svc *model.Service) ([]string, error) {
			y, err := prepareYearEnd(db, svc, "")
			if err != nil {
				return nil, err
			}
			return y.run(c)
		},
	}
}

func runPeriodsShow(c *cli, _ input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		_, err := c.stdout.Write(periods.Write(dir.School.Periods))
		return err
	})
}

func runPeriodsSet(c *cli, in input) error {
	src, err := readSource(c.stdin, in.arg(0))
	if err != nil {
		return err
	}
	ps, err := periods.Parse(src.Name, src.Data)
	if err != nil {
		return err
	}
	return c.withOperatorFor(c.stdinLine(in.arg(0)), func(svc *model.Service) error {
		if err := svc.SetPeriods(ps); err != nil {
			return err
		}
		for _, p := range ps {
			fmt.Fprintf(c.stdout, "%s : du %s au %s\n", model.Visible(p.Name), p.From.French(), p.To.French())
		}
		fmt.Fprintf(c.stdout, "Périodes enregistrées : %d. Les décomptes ne changent pas, seul leur regroupement par période.\n", len(ps))
		return nil
	})
}
