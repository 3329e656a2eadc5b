package model

import (
	"slices"
	"strings"
	"time"
)

// The discipline's two editable lists (DisciplineKind items), by name.
const (
	ListIncidentKinds   = "incidents"
	ListPunishmentKinds = "punitions"
)

// DisciplineKind is one entry of an editable list: a kind of incident or a
// kind of punishment. Retired entries stay on the records that use them.
type DisciplineKind struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	Retired bool   `json:"retired,omitempty"`
}

// The punishments that appel itself acts upon (circulaire 2014-059).
const (
	PunishNote      = "carnet"
	PunishApology   = "excuse"
	PunishHomework  = "devoir"
	PunishDetention = "retenue"
	PunishExclusion = "exclusion-cours"
)

// DefaultIncidentKinds is the list of kinds of incident a new school starts with.
var DefaultIncidentKinds = []DisciplineKind{
	{Code: "violence-verbale", Label: "Violence verbale"},
	{Code: "violence-physique", Label: "Violence physique"},
	{Code: "harcelement", Label: "Harcèlement"},
	{Code: "degradation", Label: "Dégradation"},
	{Code: "vol", Label: "Vol"},
	{Code: "perturbation", Label: "Perturbation du cours"},
	{Code: "refus-travail", Label: "Refus de travail"},
	{Code: "autre", Label: "Autre"},
}

// DefaultPunishmentKinds are the punitions scolaires of the circulaire
// n° 2014-059 of 27 May 2014.
var DefaultPunishmentKinds = []DisciplineKind{
	{Code: PunishNote, Label: "Inscription sur le carnet de correspondance"},
	{Code: PunishApology, Label: "Excuse orale ou écrite"},
	{Code: PunishHomework, Label: "Devoir supplémentaire"},
	{Code: PunishDetention, Label: "Retenue"},
	{Code: PunishExclusion, Label: "Exclusion ponctuelle de cours"},
}

// KindLabel returns the label of code in list, the code itself when unknown.
func KindLabel(list []DisciplineKind, code string) string {
	for _, k := range list {
		if k.Code == code {
			return k.Label
		}
	}
	return code
}

// ValidateKinds reports the first fault of a list: empty codes or labels,
// codes used twice.
func ValidateKinds(list []DisciplineKind) error {
	seen := map[string]bool{}
	for _, k := range list {
		if k.Code == "" || strings.TrimSpace(k.Label) == "" {
			return invalid("entrée de liste sans code ou sans libellé")
		}
		if seen[k.Code] {
			return invalid("code %q présent deux fois", k.Code)
		}
		seen[k.Code] = true
		if err := CheckField("libellé", k.Label, Plain); err != nil {
			return err
		}
	}
	return nil
}

// InvolvedRole is the part a person played in an incident.
type InvolvedRole string

// The roles in an incident.
const (
	InvolvedAuthor  InvolvedRole = "auteur"
	InvolvedVictim  InvolvedRole = "victime"
	InvolvedWitness InvolvedRole = "temoin"
)

// InvolvedRoles lists the roles in the order the interface offers them.
var InvolvedRoles = []InvolvedRole{InvolvedAuthor, InvolvedVictim, InvolvedWitness}

// Label names the role in French.
func (r InvolvedRole) Label() string {
	switch r {
	case InvolvedAuthor:
		return "auteur"
	case InvolvedVictim:
		return "victime"
	case InvolvedWitness:
		return "témoin"
	}
	return string(r)
}

// ParseInvolvedRole reads auteur, victime, témoin (accents optional).
func ParseInvolvedRole(s string) (InvolvedRole, error) {
	s = FoldAccents(strings.TrimSpace(s))
	for _, r := range InvolvedRoles {
		if s == string(r) {
			return r, nil
		}
	}
	return "", invalid("rôle %q inconnu (auteur, victime, témoin)", Visible(s))
}

// Involved is one person in an incident: a pupil or a member of staff
// (a login or a name), with his role.
type Involved struct {
	Pupil PupilID      `json:"pupil,omitempty"`
	Staff string       `json:"staff,omitempty"`
	Role  InvolvedRole `json:"role"`
}

// Incident is what happened: when, where, what kind, the description, who
// was involved and who reported it.
type Incident struct {
	ID          string     `json:"id"`
	Date        Date       `json:"date"`
	Time        Clock      `json:"time"`
	Place       string     `json:"place,omitempty"`
	Kind        string     `json:"kind"`
	Description string     `json:"description"`
	Involved    []Involved `json:"involved,omitempty"`
	By          string     `json:"by"`
	At          time.Time  `json:"at"`
}

// Pupils returns the pupils involved in the incident, in order.
func (i Incident) Pupils() []PupilID {
	var out []PupilID
	for _, x := range i.Involved {
		if x.Pupil != "" && !slices.Contains(out, x.Pupil) {
			out = append(out, x.Pupil)
		}
	}
	return out
}

// Validate reports the first inconsistency of an incident.
func (i Incident) Validate() error {
	switch {
	case i.ID == "":
		return invalid("incident sans identifiant")
	case i.Date.IsZero():
		return invalid("incident sans date")
	case i.Kind == "":
		return invalid("incident sans nature")
	case strings.TrimSpace(i.Description) == "":
		return invalid("incident sans description")
	}
	for _, x := range i.Involved {
		if (x.Pupil == "") == (x.Staff == "") {
			return invalid("personne impliquée : un élève ou un personnel")
		}
		if !slices.Contains(InvolvedRoles, x.Role) {
			return invalid("rôle %q inconnu", x.Role)
		}
	}
	return nil
}

// PunishmentState is where a punishment stands.
type PunishmentState string

// The states of a punishment.
const (
	PunishmentToDo    PunishmentState = ""
	PunishmentDone    PunishmentState = "faite"
	PunishmentNotDone PunishmentState = "non-faite"
)

// Label names the state in French.
func (s PunishmentState) Label() string {
	switch s {
	case PunishmentDone:
		return "faite"
	case PunishmentNotDone:
		return "non faite"
	}
	return "à faire"
}

// Punishment is a punition scolaire given to one pupil. An exclusion
// ponctuelle de cours names the séance it comes from and carries the written
// report the rules require (empty while it is missing); a retenue names the
// detention session the pupil is placed in.
type Punishment struct {
	ID        string          `json:"id"`
	Pupil     PupilID         `json:"pupil"`
	Kind      string          `json:"kind"`
	Date      Date            `json:"date"`
	Reason    string          `json:"reason,omitempty"`
	Incident  string          `json:"incident,omitempty"`
	Seance    SeanceID        `json:"seance,omitempty"`
	Report    string          `json:"report,omitempty"`
	Detention string          `json:"detention,omitempty"`
	State     PunishmentState `json:"state,omitempty"`
	By        string          `json:"by"`
	At        time.Time       `json:"at"`
}

// MissingReport reports whether the punishment is an exclusion from a
// lesson whose written report is still to come.
func (p Punishment) MissingReport() bool {
	return p.Kind == PunishExclusion && strings.TrimSpace(p.Report) == ""
}

// Validate reports the first inconsistency of a punishment.
func (p Punishment) Validate() error {
	switch {
	case p.ID == "" || p.Pupil == "":
		return invalid("punition sans identifiant ou sans élève")
	case p.Kind == "":
		return invalid("punition sans nature")
	case p.Date.IsZero():
		return invalid("punition sans date")
	case p.Detention != "" && p.Kind != PunishDetention:
		return invalid("seule une retenue se place dans une séance de retenue")
	case !slices.Contains([]PunishmentState{PunishmentToDo, PunishmentDone, PunishmentNotDone}, p.State):
		return invalid("état de punition %q inconnu", p.State)
	}
	return nil
}

// DetentionSession is a planned retenue: when, where, who supervises, and
// its roll call (the pupils marked absent; Taken once the roll call is done).
type DetentionSession struct {
	ID         string    `json:"id"`
	Date       Date      `json:"date"`
	Start      Clock     `json:"start"`
	End        Clock     `json:"end"`
	Room       string    `json:"room,omitempty"`
	Supervisor string    `json:"supervisor"`
	Capacity   int       `json:"capacity,omitempty"`
	Absent     []PupilID `json:"absent,omitempty"`
	TakenBy    string    `json:"taken_by,omitempty"`
	TakenAt    time.Time `json:"taken_at,omitzero"`
}

// Validate reports the first inconsistency of a detention session.
func (d DetentionSession) Validate() error {
	switch {
	case d.ID == "" || d.Date.IsZero():
		return invalid("retenue sans identifiant ou sans date")
	case d.End <= d.Start:
		return invalid("retenue : la fin doit suivre le début")
	case d.Supervisor == "":
		return invalid("retenue sans surveillant")
	case d.Capacity < 0:
		return invalid("capacité de retenue négative")
	}
	return nil
}

// Taken reports whether the session's roll call was taken.
func (d DetentionSession) Taken() bool { return d.TakenBy != "" }
