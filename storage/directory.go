package storage

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// dirState is the cached structure: a directory, nil before any school, or
// the error met while building it.
type dirState struct {
	dir *model.Directory
	err error
}

// Directory returns the structure as last committed, shared by all readers:
// callers must not modify it.
func (db *DB) Directory() (*model.Directory, error) {
	st := db.dir.Load()
	switch {
	case st == nil || st.err == nil && st.dir == nil:
		return nil, model.NotFound("aucun établissement dans cette base")
	case st.err != nil:
		return nil, st.err
	}
	return st.dir, nil
}

// reloadDirectory rebuilds the cached directory from the structure buckets.
func (db *DB) reloadDirectory() error {
	var dir *model.Directory
	err := db.bolt.View(func(btx *bolt.Tx) error {
		var err error
		dir, err = loadDirectory(reader{btx})
		return err
	})
	if err != nil {
		return err
	}
	db.dir.Store(&dirState{dir: dir})
	return nil
}

// loadDirectory reads the structure; it returns nil when there is no school.
func loadDirectory(r reader) (*model.Directory, error) {
	raw := r.btx.Bucket(bSchool).Get(keySchool)
	if raw == nil {
		return nil, nil
	}
	var d model.Directory
	if err := json.Unmarshal(raw, &d.School); err != nil {
		return nil, fmt.Errorf("lecture de l'établissement : %w", err)
	}
	var err error
	steps := []func(){
		func() { d.Divisions, err = all[model.Division](r, bDivisions) },
		func() { d.Groups, err = all[model.Group](r, bGroups) },
		func() { d.Pupils, err = all[model.Pupil](r, bPupils) },
		func() { d.Accounts, err = all[model.Account](r, bAccounts) },
		func() { d.Courses, err = all[model.Course](r, bCourses) },
		func() { d.Motives, err = all[model.Motive](r, bMotives) },
		func() { d.Changes, err = all[model.SeanceChange](r, bSeanceChanges) },
		func() { d.Extras, err = all[model.Seance](r, bExtraSeances) },
	}
	for _, step := range steps {
		if step(); err != nil {
			return nil, err
		}
	}
	return model.NewDirectory(d), nil
}
