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
	if _, ok := reverters[e.Entity]; !ok {
		return false
	}
	if e.Entity == EntityMark || e.Entity == EntitySeanceChange {
		return !strings.HasPrefix(e.Verb, "import absences")
	}
	return true
}

// revert gives one record its value before e: deleted when e created it.
func revert(tx Tx, e AuditEntry) (deleted bool, err error) {
	r, ok := reverters[e.Entity]
	switch {
	case !ok:
		return false, invalid("%s : modification impossible à annuler", e.Entity)
	case e.Before != "":
		return false, r.put(tx, e.Before)
	case r.del == nil:
		return true, invalid("%s %s : création impossible à annuler", e.Entity, Visible(e.Key))
	}
	return true, r.del(tx, e)
}

// reverter puts a record back from the JSON the audit kept, and deletes one
// an import created (del nil: an import never creates it).
type reverter struct {
	put func(tx Tx, raw string) error
	del func(tx Tx, e AuditEntry) error
}

// reverters are what an undo takes back, by entity.
var reverters = map[string]reverter{
	EntityPupil:        revertWith(Tx.PutPupil, byKey(Tx.DeletePupil)),
	EntityGuardian:     revertWith(Tx.PutGuardian, byKey(Tx.DeleteGuardian)),
	EntityCourse:       revertWith(Tx.PutCourse, byKey(Tx.DeleteCourse)),
	EntityDivision:     revertWith(Tx.PutDivision, byKey(Tx.DeleteDivision)),
	EntityGroup:        revertWith(Tx.PutGroup, byKey(Tx.DeleteGroup)),
	EntityAccount:      revertWith(Tx.PutAccount, byKey(Tx.DeleteAccount)),
	EntitySchool:       revertWith(Tx.PutSchool, nil),
	EntityMark:         revertWith(Tx.PutMark, deleteMarkOf),
	EntitySeanceChange: revertWith(Tx.PutSeanceChange, byKey(Tx.DeleteSeanceChange)),
}

func revertWith[T any](put func(Tx, T) error, del func(Tx, AuditEntry) error) reverter {
	return reverter{del: del, put: func(tx Tx, raw string) error {
		v, err := decodeAudit[T](raw)
		if err != nil {
			return err
		}
		return put(tx, v)
	}}
}

// decodeAudit reads a value the audit kept as JSON.
func decodeAudit[T any](raw string) (T, error) {
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return v, fmt.Errorf("audit illisible : %w", err)
	}
	return v, nil
}

// byKey deletes the record the entry's key names.
func byKey[K ~string](del func(Tx, K) error) func(Tx, AuditEntry) error {
	return func(tx Tx, e AuditEntry) error { return del(tx, K(e.Key)) }
}

// deleteMarkOf deletes the mark the entry created (its key is in its value).
func deleteMarkOf(tx Tx, e AuditEntry) error {
	m, err := decodeAudit[Mark](e.After)
	if err != nil {
		return err
	}
	return tx.DeleteMark(m.Key())
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
