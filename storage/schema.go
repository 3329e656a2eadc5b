package storage

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// Bucket names. The layout is drawn in the package documentation.
var (
	bMeta             = []byte("meta")
	bMarks            = []byte("marks")
	bMarksByPupil     = []byte("marks_by_pupil")
	bRollCalls        = []byte("rollcalls")
	bNotices          = []byte("notices")
	bNoticesByPupil   = []byte("notices_by_pupil")
	bNoticesByEnd     = []byte("notices_by_end")
	bCalls            = []byte("calls")
	bCallsByID        = []byte("calls_by_id")
	bReports          = []byte("reports")
	bSchool           = []byte("school")
	bDivisions        = []byte("divisions")
	bGroups           = []byte("groups")
	bPupils           = []byte("pupils")
	bGuardians        = []byte("guardians")
	bGuardiansByPupil = []byte("guardians_by_pupil")
	bAccounts         = []byte("accounts")
	bCourses          = []byte("courses")
	bMotives          = []byte("motives")
	bSeanceChanges    = []byte("seance_changes")
	bExtraSeances     = []byte("extra_seances")
	bAudit            = []byte("audit")
	bAuditByTime      = []byte("audit_by_time")
	bSettings         = []byte("settings")
	bFamilyNotices    = []byte("family_notices")
	bTemplates        = []byte("templates")
	bMessages         = []byte("messages")
	bIncidents        = []byte("incidents")
	bPunishments      = []byte("punishments")
	bDetentions       = []byte("detentions")
	bSanctions        = []byte("sanctions")
	bDisciplineLists  = []byte("discipline_lists")
)

// bucketsDiscipline are the buckets of the discipline (one migration).
var bucketsDiscipline = [][]byte{bIncidents, bPunishments, bDetentions, bSanctions, bDisciplineLists}

// bucketsV1 are the buckets of schema version 1.
var bucketsV1 = [][]byte{
	bMeta, bMarks, bMarksByPupil, bRollCalls, bNotices, bNoticesByPupil, bNoticesByEnd,
	bCalls, bCallsByID, bReports, bSchool, bDivisions, bGroups, bPupils, bGuardians,
	bGuardiansByPupil, bAccounts, bCourses, bMotives, bSeanceChanges, bExtraSeances,
	bAudit, bAuditByTime,
}

// keySchema holds the schema version in the meta bucket (big-endian uint64).
var keySchema = []byte("schema")

// keyAction holds the last action number in the meta bucket (uint64 BE).
var keyAction = []byte("action")

// keySchool is the only key of the school bucket.
var keySchool = []byte("school")

// ErrNewerSchema is wrapped by Open when the file was written by a newer appel.
var ErrNewerSchema = errors.New("schéma de base trop récent")

// ErrOlderSchema is wrapped by a read-only Open of a file that an older
// appel wrote (OpenArchive reads it through a migrated copy).
var ErrOlderSchema = errors.New("schéma de base ancien")

// migration moves a file from the previous version to version.
type migration struct {
	version int
	what    string
	apply   func(*bolt.Tx) error
}

// migrations lists every schema change in order; the last one's version is the
// version this code writes. Never edit a released entry: append a new one.
var migrations = []migration{
	{version: 1, what: "création des compartiments", apply: createBuckets(bucketsV1)},
	{version: 2, what: "réglages de l'établissement", apply: createBuckets([][]byte{bSettings})},
	{version: 3, what: "avis aux familles (file d'envoi)", apply: createBuckets([][]byte{bFamilyNotices})},
	{version: 4, what: "motifs de santé (purgés des archives d'année)", apply: flagHealthMotives},
	{version: 5, what: "modèles des avis et courriers aux familles", apply: createBuckets([][]byte{bTemplates})},
	{version: 6, what: "messages gardés jusqu'à leur lecture", apply: createBuckets([][]byte{bMessages})},
	{version: 7, what: "discipline : incidents, punitions, retenues, sanctions", apply: createBuckets(bucketsDiscipline)},
}

// latest returns the version that list leads to.
func latest(list []migration) int {
	if len(list) == 0 {
		return 0
	}
	return list[len(list)-1].version
}

func createBuckets(names [][]byte) func(*bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		for _, name := range names {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("création du compartiment %s : %w", name, err)
			}
		}
		return nil
	}
}

// schemaOf reads the version of a file; 0 for a new, empty file.
func schemaOf(tx *bolt.Tx) int {
	b := tx.Bucket(bMeta)
	if b == nil {
		return 0
	}
	v := b.Get(keySchema)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// tooNew builds the error for a file written by a newer version.
func tooNew(path string, found, known int) error {
	return fmt.Errorf("la base %s a été créée par une version plus récente d'appel (schéma %d, cette version lit jusqu'à %d) : %w",
		path, found, known, ErrNewerSchema)
}

// migrate brings the file up to the last version of list, in tx.
func migrate(tx *bolt.Tx, path string, list []migration) error {
	from := schemaOf(tx)
	if from > latest(list) {
		return tooNew(path, from, latest(list))
	}
	v := from
	for _, m := range list {
		if m.version <= v {
			continue
		}
		if err := m.apply(tx); err != nil {
			return fmt.Errorf("mise à jour de la base vers le schéma %d (%s) : %w", m.version, m.what, err)
		}
		v = m.version
	}
	if v == from {
		return nil
	}
	meta, err := tx.CreateBucketIfNotExists(bMeta)
	if err != nil {
		return err
	}
	return meta.Put(keySchema, u64(uint64(v)))
}

// checkSchema verifies, without writing, that a read-only file is current.
func checkSchema(tx *bolt.Tx, path string, list []migration) error {
	switch v := schemaOf(tx); {
	case v > latest(list):
		return tooNew(path, v, latest(list))
	case v < latest(list):
		return fmt.Errorf("la base %s est au schéma %d : ouvrez-la une fois en écriture pour la mettre à jour (schéma %d) : %w",
			path, v, latest(list), ErrOlderSchema)
	}
	return nil
}

// healthMotives are the default motives that tell of a pupil's health.
var healthMotives = [][]byte{[]byte("maladie"), []byte("rdv-medical")}

// flagHealthMotives sets model.Motive.Health on the default health motives
// of a file written before the flag existed (an administrator may change it).
func flagHealthMotives(tx *bolt.Tx) error {
	b := tx.Bucket(bMotives)
	if b == nil {
		return nil
	}
	for _, code := range healthMotives {
		v := b.Get(code)
		if v == nil {
			continue
		}
		var m model.Motive
		if err := json.Unmarshal(v, &m); err != nil {
			return fmt.Errorf("motif %s illisible : %w", code, err)
		}
		m.Health = true
		out, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := b.Put(code, out); err != nil {
			return err
		}
	}
	return nil
}
