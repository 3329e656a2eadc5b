package model

import (
	"fmt"
	"slices"
	"time"
)

// SetupItem is one point of the set-up checklist: what a school needs
// before its first morning, whether it is there, and the command or key
// that makes it so.
type SetupItem struct {
	Done bool
	What string
	Fix  string
}

// SetupChecklist lists what the school still lacks before its first
// morning (appel doctor, the administrator's « Mise en route »): a CPE,
// pupils, guardians, a timetable, an account for every teacher of the
// timetable, a key for every teacher, the mail relay. Administrators only.
func (s *Service) SetupChecklist() ([]SetupItem, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermSetup); err != nil {
		return nil, err
	}
	var guardians []Guardian
	var set SettingValues
	err = s.store.View(func(tx ReadTx) error {
		if guardians, err = tx.AllGuardians(); err != nil {
			return err
		}
		stored, err := tx.Settings()
		set = NewSettingValues(stored)
		return err
	})
	if err != nil {
		return nil, err
	}
	return []SetupItem{
		{slices.ContainsFunc(dir.Accounts, func(a Account) bool { return a.Has(RoleCPE) }),
			"un compte de CPE", "appel user add LOGIN --role cpe --name \"NOM\""},
		{len(dir.Pupils) > 0, "les élèves", "appel import siecle FICHIER (export SIECLE Base élèves)"},
		{len(guardians) > 0, "les responsables des élèves", "appel import responsables FICHIER (export SIECLE)"},
		{len(dir.Courses) > 0, "l'emploi du temps", "appel import timetable FICHIER (EDT, UDT ou emp_sts)"},
		teachersWithoutAccount(dir),
		teachersWithoutKey(dir, s.now()),
		{set.IsSet(SettingSMTPAddr) && set.IsSet(SettingSMTPFrom), "le relais de messagerie des avis aux familles",
			"appel settings set smtp.addr HÔTE:PORT ; appel settings set smtp.from ADRESSE"},
	}, nil
}

// teachersWithoutAccount is the timetable's teachers that no account is.
func teachersWithoutAccount(dir *Directory) SetupItem {
	missing := map[string]bool{}
	for _, c := range dir.Courses {
		for _, t := range c.Teachers {
			if _, ok := dir.Account(t); !ok {
				missing[t] = true
			}
		}
	}
	item := SetupItem{Done: len(missing) == 0, What: "un compte pour chaque enseignant de l'emploi du temps",
		Fix: "appel import sts FICHIER (crée un compte par enseignant), ou appel user add LOGIN --role enseignant"}
	if !item.Done {
		item.What = fmt.Sprintf("%d enseignant(s) de l'emploi du temps sans compte : leurs séances n'ont personne pour l'appel", len(missing))
	}
	return item
}

// teachersWithoutKey counts the teachers who cannot log in yet: no key and
// no invitation still valid at now (an invited teacher enrols his own key at
// his first connection).
func teachersWithoutKey(dir *Directory, now time.Time) SetupItem {
	n, invited := 0, 0
	for _, a := range dir.Accounts {
		if !a.Has(RoleTeacher) || a.Disabled || len(a.Keys) > 0 {
			continue
		}
		if a.invitedAt(now) {
			invited++
		} else {
			n++
		}
	}
	item := SetupItem{Done: n == 0, What: "une clé SSH ou une invitation pour chaque enseignant",
		Fix: "appel user invite --all --out invitations.pdf (un code par personne), ou appel user key add LOGIN --key-file CLÉ.pub"}
	if n > 0 {
		item.What = fmt.Sprintf("%d enseignant(s) sans clé SSH ni invitation : ils ne peuvent pas se connecter", n)
	}
	if invited > 0 {
		item.What += fmt.Sprintf(" (%d invitation(s) en attente)", invited)
	}
	return item
}
