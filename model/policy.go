package model

// Permission names something a role may do. Every query and write of the
// Service checks one through Policy; nothing else grants access.
type Permission string

// The permissions of DOMAIN.md's roles.
const (
	// PermRollCall: take the roll call of the séances one teaches or replaces.
	PermRollCall Permission = "appel"
	// PermReadAttendance: read every pupil's attendance.
	PermReadAttendance Permission = "lire-assiduite"
	// PermEditMarks: enter or correct a mark in any séance.
	PermEditMarks Permission = "corriger-marques"
	// PermSeeMotives: read the motives' labels (medical motives are private).
	PermSeeMotives Permission = "voir-motifs"
	// PermJustify: apply a motive, announce an absence, record a lateness at the gate.
	PermJustify Permission = "justifier"
	// PermOverrule: decide an absence's validity against its motive's.
	PermOverrule Permission = "valider"
	// PermRemind: send a teacher a reminder to take a roll call.
	PermRemind Permission = "relancer"
	// PermContacts: read guardians' contacts and the log of calls to families.
	PermContacts Permission = "contacts"
	// PermLogCall: log a call to a pupil's family.
	PermLogCall Permission = "appels-familles"
	// PermStats: statistics, counts, the threshold list.
	PermStats Permission = "statistiques"
	// PermReport: record a report to the DASEN.
	PermReport Permission = "signaler"
	// PermAudit: read the audit log.
	PermAudit Permission = "audit"
	// PermExport: export marks and statistics.
	PermExport Permission = "exporter"
	// PermAccounts: manage accounts and their keys.
	PermAccounts Permission = "comptes"
	// PermSetup: motives, calendar, imports, backups.
	PermSetup Permission = "parametrage"
	// PermFamilies: edit guardians' contacts, decide, send or hold the
	// notices to families, print their letters.
	PermFamilies Permission = "familles"
	// PermTemplates: edit the texts of the notices and letters to families.
	PermTemplates Permission = "modeles"
	// PermIncident: report an incident, give a punishment to one's own pupils.
	PermIncident Permission = "incidents"
	// PermDiscipline: see every incident and punishment, punish any pupil,
	// plan the detention sessions (the vie scolaire and the direction).
	PermDiscipline Permission = "discipline"
	// PermSeeSanctions: read the sanctions' detail and the registre.
	PermSeeSanctions Permission = "voir-sanctions"
	// PermSanction: pronounce a sanction (R511-13: the head of school).
	PermSanction Permission = "sanctionner"
)

var grants = map[Permission][]Role{
	PermRollCall:       {RoleTeacher, RoleAED, RoleCPE, RoleAdmin},
	PermReadAttendance: {RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermEditMarks:      {RoleAED, RoleCPE, RoleAdmin},
	PermSeeMotives:     {RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermJustify:        {RoleAED, RoleCPE, RoleAdmin},
	PermOverrule:       {RoleCPE, RoleAdmin},
	PermRemind:         {RoleAED, RoleCPE, RoleAdmin},
	PermContacts:       {RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermLogCall:        {RoleAED, RoleCPE, RoleAdmin},
	PermStats:          {RoleCPE, RoleDirection, RoleAdmin},
	PermReport:         {RoleCPE, RoleAdmin},
	PermAudit:          {RoleCPE, RoleDirection, RoleAdmin},
	PermExport:         {RoleCPE, RoleDirection, RoleAdmin},
	PermAccounts:       {RoleAdmin},
	PermSetup:          {RoleAdmin},
	PermFamilies:       {RoleAED, RoleCPE, RoleAdmin},
	PermTemplates:      {RoleCPE, RoleAdmin},
	PermIncident:       {RoleTeacher, RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermDiscipline:     {RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermSeeSanctions:   {RoleAED, RoleCPE, RoleDirection, RoleAdmin},
	PermSanction:       {RoleDirection},
}

// Policy answers what one account may do.
type Policy struct {
	account Account
}

// PolicyFor returns the policy of an account; a disabled account may do nothing.
func PolicyFor(a Account) Policy { return Policy{account: a} }

// Login returns the account's login.
func (p Policy) Login() string { return p.account.Login }

// Allows reports whether the account holds a role granted perm.
func (p Policy) Allows(perm Permission) bool {
	if p.account.Disabled {
		return false
	}
	for _, r := range grants[perm] {
		if p.account.Has(r) {
			return true
		}
	}
	return false
}

// Require returns ErrForbidden unless perm is allowed.
func (p Policy) Require(perm Permission) error {
	if p.Allows(perm) {
		return nil
	}
	return Forbidden("action réservée (%s) : votre rôle ne le permet pas", perm)
}

// CanReadSeance reports whether the account may read a séance's attendance:
// its own séances (or those it replaces), or all with PermReadAttendance.
func (p Policy) CanReadSeance(s Seance) bool {
	return p.Allows(PermReadAttendance) || (p.Allows(PermRollCall) && s.TaughtBy(p.account.Login))
}

// CanMarkSeance reports whether the account may enter marks in a séance.
func (p Policy) CanMarkSeance(s Seance) bool {
	if s.Cancelled {
		return false
	}
	return p.Allows(PermEditMarks) || (p.Allows(PermRollCall) && s.TaughtBy(p.account.Login))
}

// CanReadTarget reports whether the account may read the attendance of a
// division or group: all of them with PermReadAttendance, else those it teaches.
func (p Policy) CanReadTarget(dir *Directory, t Target) bool {
	if p.Allows(PermReadAttendance) {
		return true
	}
	if !p.Allows(PermRollCall) {
		return false
	}
	for _, c := range dir.Courses {
		if c.Target == t && c.Teaches(p.account.Login) {
			return true
		}
	}
	return false
}

// CanReadPupil reports whether the account may read a pupil's attendance: all
// pupils with PermReadAttendance, else the pupils of the audiences it teaches.
func (p Policy) CanReadPupil(dir *Directory, pupil Pupil) bool {
	if p.Allows(PermReadAttendance) {
		return true
	}
	if !p.Allows(PermRollCall) {
		return false
	}
	for _, c := range dir.Courses {
		if !c.Teaches(p.account.Login) {
			continue
		}
		if c.Target.Kind == TargetDivision && pupil.Division == c.Target.Code ||
			c.Target.Kind == TargetGroup && pupil.InGroup(c.Target.Code) {
			return true
		}
	}
	return false
}

// View returns a for this reader: motives hidden unless PermSeeMotives.
func (p Policy) View(a Attendance) Attendance {
	if p.Allows(PermSeeMotives) {
		return a
	}
	return a.Redacted()
}

// teachesPupil reports whether the account teaches pupil (one of the
// audiences of its courses).
func (p Policy) teachesPupil(dir *Directory, pupil Pupil) bool {
	for _, c := range dir.Courses {
		if !c.Teaches(p.account.Login) {
			continue
		}
		if c.Target.Kind == TargetDivision && pupil.Division == c.Target.Code ||
			c.Target.Kind == TargetGroup && pupil.InGroup(c.Target.Code) {
			return true
		}
	}
	return false
}

// CanPunish reports whether the account may give pupil a punishment: any
// pupil with PermDiscipline, else the pupils it teaches.
func (p Policy) CanPunish(dir *Directory, pupil Pupil) bool {
	if p.Allows(PermDiscipline) {
		return true
	}
	return p.Allows(PermIncident) && p.teachesPupil(dir, pupil)
}

// CanSeeIncident reports whether the account may read an incident: all of
// them with PermDiscipline, else those it reported or that involve a pupil
// it teaches.
func (p Policy) CanSeeIncident(dir *Directory, i Incident) bool {
	if p.Allows(PermDiscipline) {
		return true
	}
	if !p.Allows(PermIncident) {
		return false
	}
	if i.By == p.account.Login {
		return true
	}
	for _, id := range i.Pupils() {
		if pupil, ok := dir.Pupil(id); ok && p.teachesPupil(dir, pupil) {
			return true
		}
	}
	return false
}

// CanSeePunishment reports whether the account may read a punishment: all
// of them with PermDiscipline, else those it gave or given to its pupils.
func (p Policy) CanSeePunishment(dir *Directory, x Punishment) bool {
	if p.Allows(PermDiscipline) {
		return true
	}
	if !p.Allows(PermIncident) {
		return false
	}
	if x.By == p.account.Login {
		return true
	}
	pupil, ok := dir.Pupil(x.Pupil)
	return ok && p.teachesPupil(dir, pupil)
}
