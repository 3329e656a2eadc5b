package model

import (
	"slices"
	"strings"
	"time"
)

// PupilRecord is everything the school holds on one pupil (the GDPR's right
// of access, article 15): his identity and enrolments, his guardians, every
// mark, announced absence, call to his family, report and notice sent, and
// how many audit entries name him.
type PupilRecord struct {
	School    School
	Pupil     Pupil
	At        time.Time
	Guardians []Guardian
	Marks     []Mark
	Notices   []Notice
	Calls     []FamilyCall
	Reports   []Report
	Sent      []FamilyNotice
	// Incidents that involve him, his punishments and his sanctions not yet
	// erased (an erased one is no longer in his file: R511-13).
	Incidents   []Incident
	Punishments []Punishment
	Sanctions   []Sanction
	// Audited counts the audit entries about him (his record, his marks).
	Audited int
	// Names maps logins to people's names.
	Names map[string]string
}

// Name returns the name of a login, the login when unknown.
func (r PupilRecord) Name(login string) string {
	if n, ok := r.Names[login]; ok && n != "" {
		return n
	}
	return login
}

// PupilRecord gathers, in one read of the store, everything the school holds
// on the pupil, motives included: for the readers who may export and see
// motives (CPE, direction, administrators), who answer a family's request.
func (s *Service) PupilRecord(id PupilID) (PupilRecord, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return PupilRecord{}, err
	}
	if err := pol.Require(PermExport); err != nil {
		return PupilRecord{}, err
	}
	if !pol.Allows(PermSeeMotives) {
		return PupilRecord{}, Forbidden("la copie des données d'un élève montre ses motifs : réservée à qui peut les voir")
	}
	p, ok := dir.Pupil(id)
	if !ok {
		return PupilRecord{}, NotFound("élève %s introuvable", id)
	}
	r := PupilRecord{School: dir.School, Pupil: p, At: s.now().In(dir.Location()), Names: map[string]string{}}
	for _, a := range dir.Accounts {
		r.Names[a.Login] = a.Name
	}
	err = s.store.View(func(tx ReadTx) error { return r.read(tx, dir) })
	return r, err
}

func (r *PupilRecord) read(tx ReadTx, dir *Directory) error {
	id := r.Pupil.ID
	var err error
	if r.Guardians, err = tx.Guardians(id); err != nil {
		return err
	}
	if r.Marks, err = tx.MarksOfPupil(id, NewDate(1900, 1, 1), NewDate(2999, 12, 31)); err != nil {
		return err
	}
	if r.Notices, err = tx.NoticesOfPupil(id); err != nil {
		return err
	}
	if r.Calls, err = tx.Calls(id); err != nil {
		return err
	}
	reports, err := tx.Reports()
	if err != nil {
		return err
	}
	for _, rep := range reports {
		if rep.Pupil == id {
			r.Reports = append(r.Reports, rep)
		}
	}
	sent, err := tx.AllFamilyNotices()
	if err != nil {
		return err
	}
	for _, n := range sent {
		if slices.Contains(n.Pupils, id) {
			r.Sent = append(r.Sent, n)
		}
	}
	if err := r.readDiscipline(tx); err != nil {
		return err
	}
	entries, err := tx.Audit(AuditQuery{})
	if err != nil {
		return err
	}
	for _, e := range entries {
		if k := e.Key; k == string(id) || strings.HasSuffix(k, "/"+string(id)) || strings.HasPrefix(k, string(id)+"/") {
			r.Audited++
		}
	}
	return nil
}

// readDiscipline gathers the incidents, punishments and sanctions about him.
func (r *PupilRecord) readDiscipline(tx ReadTx) error {
	id := r.Pupil.ID
	incidents, err := tx.Incidents()
	if err != nil {
		return err
	}
	for _, i := range incidents {
		if slices.Contains(i.Pupils(), id) {
			r.Incidents = append(r.Incidents, i)
		}
	}
	punishments, err := tx.Punishments()
	if err != nil {
		return err
	}
	for _, p := range punishments {
		if p.Pupil == id {
			r.Punishments = append(r.Punishments, p)
		}
	}
	sanctions, err := tx.Sanctions()
	if err != nil {
		return err
	}
	today := DateOf(r.At)
	for _, x := range sanctions {
		if x.Pupil == id && !x.Erased(today) {
			r.Sanctions = append(r.Sanctions, x)
		}
	}
	return nil
}
