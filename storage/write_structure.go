package storage

import (
	"encoding/json"

	"appel/model"
)

// PutAccount stores an account.
func (t *tx) PutAccount(a model.Account) error { return t.putID(eAccount, a.Login, a) }

// DeleteAccount removes an account.
func (t *tx) DeleteAccount(login string) error { return t.delID(eAccount, login) }

// Directory builds the structure from this transaction's buckets, its own
// writes included (the cached Directory is the last commit's).
func (t *tx) Directory() (*model.Directory, error) {
	dir, err := loadDirectory(t.reader)
	if err == nil && dir == nil {
		err = model.NotFound("aucun établissement dans cette base")
	}
	return dir, err
}

// PutSchool stores the school, its calendar and settings.
func (t *tx) PutSchool(s model.School) error {
	_, _, err := t.put(eSchool, keySchool, s)
	return err
}

// PutDivision stores a division.
func (t *tx) PutDivision(d model.Division) error { return t.putID(eDivision, d.Code, d) }

// DeleteDivision removes a division.
func (t *tx) DeleteDivision(code string) error { return t.delID(eDivision, code) }

// PutGroup stores a group.
func (t *tx) PutGroup(g model.Group) error { return t.putID(eGroup, g.Code, g) }

// DeleteGroup removes a group.
func (t *tx) DeleteGroup(code string) error { return t.delID(eGroup, code) }

// PutPupil stores a pupil.
func (t *tx) PutPupil(p model.Pupil) error {
	t.touchPupil(p.ID)
	return t.putID(ePupil, string(p.ID), p)
}

// DeletePupil removes a pupil (his marks and notices stay).
func (t *tx) DeletePupil(id model.PupilID) error {
	t.touchPupil(id)
	return t.delID(ePupil, string(id))
}

// PutGuardian stores a guardian and indexes him by the pupils he is linked to.
func (t *tx) PutGuardian(g model.Guardian) error {
	if err := checkID(model.EntityGuardian, g.ID); err != nil {
		return err
	}
	for _, l := range g.Links {
		if err := checkID(model.EntityGuardian, string(l.Pupil)); err != nil {
			return err
		}
	}
	old, changed, err := t.put(eGuardian, []byte(g.ID), g)
	if err != nil || !changed {
		return err
	}
	if err := t.unindexGuardian(old); err != nil {
		return err
	}
	return t.indexGuardian(g, true)
}

// DeleteGuardian removes a guardian and his index entries.
func (t *tx) DeleteGuardian(id string) error {
	old, err := t.del(eGuardian, []byte(id))
	if err != nil {
		return err
	}
	return t.unindexGuardian(old)
}

func (t *tx) unindexGuardian(raw []byte) error {
	if raw == nil {
		return nil
	}
	var g model.Guardian
	if err := json.Unmarshal(raw, &g); err != nil {
		return err
	}
	return t.indexGuardian(g, false)
}

func (t *tx) indexGuardian(g model.Guardian, on bool) error {
	for _, l := range g.Links {
		t.touchPupil(l.Pupil)
		if err := t.index(bGuardiansByPupil, join(string(l.Pupil), g.ID), on); err != nil {
			return err
		}
	}
	return nil
}

// PutCourse stores a timetable entry.
func (t *tx) PutCourse(c model.Course) error { return t.putID(eCourse, c.ID, c) }

// DeleteCourse removes a timetable entry.
func (t *tx) DeleteCourse(id string) error { return t.delID(eCourse, id) }

// PutMotive stores a motive (motives are retired, never deleted).
func (t *tx) PutMotive(m model.Motive) error { return t.putID(eMotive, m.Code, m) }

// PutSeanceChange stores an exception to the timetable.
func (t *tx) PutSeanceChange(c model.SeanceChange) error {
	if err := checkSeanceID(model.EntitySeanceChange, c.Seance); err != nil {
		return err
	}
	t.touchSeance(c.Seance)
	return t.putID(eSeanceChange, string(c.Seance), c)
}

// DeleteSeanceChange removes an exception to the timetable.
func (t *tx) DeleteSeanceChange(id model.SeanceID) error {
	t.touchSeance(id)
	return t.delID(eSeanceChange, string(id))
}

// PutExtraSeance stores a séance added outside the timetable.
func (t *tx) PutExtraSeance(s model.Seance) error {
	if err := checkSeanceID(model.EntityExtraSeance, s.ID); err != nil {
		return err
	}
	t.touchSeance(s.ID)
	return t.putID(eExtraSeance, string(s.ID), s)
}

// DeleteExtraSeance removes a séance added outside the timetable.
func (t *tx) DeleteExtraSeance(id model.SeanceID) error {
	t.touchSeance(id)
	return t.delID(eExtraSeance, string(id))
}

// PutSetting stores the value of a school setting.
func (t *tx) PutSetting(key, value string) error { return t.putID(eSetting, key, value) }

// DeleteSetting removes a setting's value: its default is in force again.
func (t *tx) DeleteSetting(key string) error { return t.delID(eSetting, key) }

// PutTemplate stores the school's template of a kind of notice or letter.
func (t *tx) PutTemplate(kind, text string) error { return t.putID(eTemplate, kind, text) }

// DeleteTemplate removes a template: the default is in force again.
func (t *tx) DeleteTemplate(kind string) error { return t.delID(eTemplate, kind) }
