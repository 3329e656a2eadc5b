package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ImportUndo is what taking back the last import did, or why it could not.
type ImportUndo struct {
	// Verb is the import's audit verb (« import siecle : eleves.xml »).
	Verb string
	// Deleted, Restored count the records the import created (now removed)
	// and those it changed (their former value back).
	Deleted, Restored int
}

// UndoLastImport takes back the last import: what it created is deleted,
// what it changed gets its former value, in one audited write. It refuses
// when a record of the import was written since, when something was
// recorded on a pupil it created (a mark, a notice…), or when the import
// wrote records it cannot take back; the refusal names them.
func (s *Service) UndoLastImport() (ImportUndo, error) {
	if err := s.Require(PermSetup); err != nil {
		return ImportUndo{}, err
	}
	var u ImportUndo
	_, err := s.update("annulation d'import", func(tx Tx) error {
		u = ImportUndo{}
		all, err := tx.Audit(AuditQuery{})
		if err != nil {
			return err
		}
		last, later := lastImport(all)
		if len(last) == 0 {
			return NotFound("aucun import à annuler")
		}
		u.Verb = last[0].Verb
		if err := undoable(last, later); err != nil {
			return err
		}
		for i := len(last) - 1; i >= 0; i-- {
			deleted, err := revert(tx, last[i])
			if err != nil {
				return err
			}
			if deleted {
				u.Deleted++
			} else {
				u.Restored++
			}
		}
		return nil
	})
	return u, err
}

// lastImport returns the entries of the last import in the audit (oldest
// first), and the entries written after it.
func lastImport(all []AuditEntry) (last, later []AuditEntry) {
	for i := len(all) - 1; i >= 0; i-- {
		if !strings.HasPrefix(all[i].Verb, "import ") {
			continue
		}
		action := all[i].Action
		j := i
		for j > 0 && all[j-1].Action == action {
			j--
		}
		return all[j : i+1], all[i+1:]
	}
	return nil, nil
}

// undoable refuses an import whose records were written since, or that
// wrote records an undo does not take back.
func undoable(last, later []AuditEntry) error {
	keys := map[string]bool{}
	var created []string
	for _, e := range last {
		if !revertible(e) {
			return invalid("cet import a écrit des %s (%s) : il ne peut pas être annulé ; corrigez à la main", e.Entity, Visible(e.Key))
		}
		keys[e.Entity+"\x00"+e.Key] = true
		if e.Entity == EntityPupil && e.Before == "" {
			created = append(created, e.Key)
		}
	}
	for _, e := range later {
		if keys[e.Entity+"\x00"+e.Key] {
			return invalid("%s %s a changé depuis l'import (le %s, par %s) : l'import ne peut plus être annulé",
				e.Entity, Visible(e.Key), e.At.Format("02/01/2006 15:04"), Visible(e.Login))
		}
		for _, id := range created {
			if mentions(e, id) {
				return invalid("l'élève %s créé par l'import a déjà des enregistrements (%s, le %s) : l'import ne peut plus être annulé",
					Visible(id), e.Entity, e.At.Format("02/01/2006 15:04"))
			}
		}
	}
	return nil
}

// revertible reports whether an undo takes e back: the school's structure
// always; marks and exceptions to the timetable only when the import
// carried them to other séances (a timetable whose hours changed), not an
// absence history's marks.
func revertible(e AuditEntry) bool {
	switch e.Entity {
	case EntityPupil, EntityGuardian, EntityCourse, EntityDivision, EntityGroup, EntityAccount, EntitySchool:
		return true
	case EntityMark, EntitySeanceChange:
		return !strings.HasPrefix(e.Verb, "import absences")
	}
	return false
}

// revert gives one record its value before e: deleted when e created it.
func revert(tx Tx, e AuditEntry) (deleted bool, err error) {
	if e.Before == "" {
		return true, deleteRecord(tx, e)
	}
	return false, putRecord(tx, e.Entity, e.Before)
}

func deleteRecord(tx Tx, e AuditEntry) error {
	entity, key := e.Entity, e.Key
	switch entity {
	case EntityMark:
		var m Mark
		if err := json.Unmarshal([]byte(e.After), &m); err != nil {
			return fmt.Errorf("audit illisible : %w", err)
		}
		return tx.DeleteMark(m.Key())
	case EntitySeanceChange:
		return tx.DeleteSeanceChange(SeanceID(key))
	case EntityPupil:
		return tx.DeletePupil(PupilID(key))
	case EntityGuardian:
		return tx.DeleteGuardian(key)
	case EntityCourse:
		return tx.DeleteCourse(key)
	case EntityDivision:
		return tx.DeleteDivision(key)
	case EntityGroup:
		return tx.DeleteGroup(key)
	case EntityAccount:
		return tx.DeleteAccount(key)
	}
	return invalid("%s %s : création impossible à annuler", entity, Visible(key))
}

func putRecord(tx Tx, entity, before string) error {
	switch entity {
	case EntityPupil:
		return putJSON(before, tx.PutPupil)
	case EntityGuardian:
		return putJSON(before, tx.PutGuardian)
	case EntityCourse:
		return putJSON(before, tx.PutCourse)
	case EntityDivision:
		return putJSON(before, tx.PutDivision)
	case EntityGroup:
		return putJSON(before, tx.PutGroup)
	case EntityAccount:
		return putJSON(before, tx.PutAccount)
	case EntitySchool:
		return putJSON(before, tx.PutSchool)
	case EntityMark:
		return putJSON(before, tx.PutMark)
	case EntitySeanceChange:
		return putJSON(before, tx.PutSeanceChange)
	}
	return invalid("%s : modification impossible à annuler", entity)
}

func putJSON[T any](raw string, put func(T) error) error {
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return fmt.Errorf("audit illisible : %w", err)
	}
	return put(v)
}

// mentions reports whether an entry about another record names the pupil
// id: in its key, or as a JSON string of its values (a mark, a notice…).
func mentions(e AuditEntry, id string) bool {
	if e.Entity == EntityPupil {
		return false
	}
	quoted := `"` + id + `"`
	return strings.Contains(e.Key, id) || strings.Contains(e.Before, quoted) || strings.Contains(e.After, quoted)
}
