package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"appel/model"
	"appel/model/dump"
)

// exportAll writes the whole school into dir (created if needed): one CSV
// file per entity, README.txt, dataset.json and journal.csv. Each file is
// written to a temporary name, synced, then renamed.
func exportAll(svc *model.Service, dir string, out io.Writer) error {
	data, err := svc.Dataset()
	if err != nil {
		return err
	}
	var journal []model.AuditEntry
	err = svc.SetupView(func(_ *model.Directory, tx model.ReadTx) error {
		journal, err = tx.Audit(model.AuditQuery{})
		return err
	})
	if err != nil {
		return err
	}
	files, err := dump.Write(data, journal)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return model.Invalid("dossier %s impossible à créer : %v", dir, err)
	}
	for _, f := range files {
		if err := writeFileAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "Export complet : %d fichiers dans %s (%d élèves, %d marques ; voir README.txt)\n",
		len(files), dir, len(data.Pupils), len(data.Marks))
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("écriture impossible dans %s : %v", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err = errors.Join(err, tmp.Sync(), tmp.Close()); err != nil {
		return fmt.Errorf("écriture de %s : %v", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// restoreDir rebuilds a school from a full export into svc's store, which
// must hold none. --force skips the comparison of the CSV files with
// dataset.json (which is authoritative); --check reads and checks the folder
// and writes nothing.
func restoreDir(svc *model.Service, dir string, f importFlags, out io.Writer) error {
	files := map[string][]byte{}
	for _, name := range dump.Names() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, os.ErrNotExist):
			continue
		case err != nil:
			return model.Invalid("lecture de %s impossible : %v", name, err)
		}
		files[name] = data
	}
	data, err := dump.Read(files, f.force)
	if err != nil {
		return err
	}
	if f.check {
		fmt.Fprintf(out, "Export de %s (%s) lisible et cohérent : %d élèves, %d cours, %d marques. Vérification seulement (--check) : rien n'a été écrit.\n",
			data.School.UAI, data.School.Name, len(data.Pupils), len(data.Courses), len(data.Marks))
		return nil
	}
	receipt, err := svc.Restore(data)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Établissement %s (%s) reconstruit : %d élèves, %d cours, %d marques, %d enregistrements.\n",
		data.School.UAI, data.School.Name, len(data.Pupils), len(data.Courses), len(data.Marks), len(receipt.Entries))
	return nil
}
