package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"appel/internal/atomicfile"
	"appel/model"
	"appel/model/dump"
	"appel/storage"
)

// maxArchive bounds the zip archive that `import all` reads, and each file in it.
const maxArchive = 1 << 30

// runExportAll writes the whole school: one CSV file per entity, README.txt,
// dataset.json and journal.csv, into the folder of --out, or, with --out -
// (the default over SSH), as one zip archive on standard output.
func runExportAll(c *cli, in input) error {
	out := in.str("out")
	if out == "" && c.session != nil {
		out = "-"
	}
	if out == "" {
		return usageErr("appel export all --out DOSSIER (« - » : une archive zip sur la sortie standard)")
	}
	return c.withOperatorFor("export all > export.zip", func(svc *model.Service) error {
		files, data, err := dumpSchool(svc)
		if err != nil {
			return err
		}
		where := "dans l'archive"
		if out == "-" {
			err = writeArchive(c.stdout, files, svc.Now())
		} else {
			where = "dans " + out
			err = c.writeFolder(out, files)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stderr, "Export complet : %d fichiers %s (%d élèves, %d marques ; voir README.txt)\n",
			len(files), where, len(data.Pupils), len(data.Marks))
		return nil
	})
}

// dumpSchool is the whole school and its journal as the files of `export all`.
func dumpSchool(svc *model.Service) ([]dump.File, model.Dataset, error) {
	data, err := svc.Dataset()
	if err != nil {
		return nil, data, err
	}
	var journal []model.AuditEntry
	err = svc.SetupView(func(_ *model.Directory, tx model.ReadTx) error {
		journal, err = tx.Audit(model.AuditQuery{})
		return err
	})
	if err != nil {
		return nil, data, err
	}
	files, err := dump.Write(data, journal)
	return files, data, err
}

// writeFolder writes files into dir (created if needed), each to a
// temporary name, synced, then renamed; none over a protected path.
func (c *cli) writeFolder(dir string, files []dump.File) error {
	guard, err := c.protected()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := guard.check(filepath.Join(dir, f.Name)); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return model.Invalid("dossier %s impossible à créer : %v", dir, err)
	}
	for _, f := range files {
		if err := writeFileAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

// writeArchive writes files as one zip archive on w, in their order.
func writeArchive(w io.Writer, files []dump.File, at time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeFileAtomic(path string, data []byte) error {
	err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(data); return err })
	switch {
	case errors.Is(err, atomicfile.ErrFolder):
		return fmt.Errorf("écriture impossible dans %s : %v", filepath.Dir(path), err)
	case err != nil:
		return fmt.Errorf("écriture de %s : %v", path, err)
	}
	return nil
}

// runImportAll rebuilds a school from a full export into a db that holds
// none: a folder, its zip archive, or the archive on standard input (« - »).
// --force skips the comparison of the CSV files with dataset.json (which is
// authoritative); --check reads and checks the export and writes nothing.
func runImportAll(c *cli, in input) error {
	files, err := readExport(c.stdin, in.arg(0))
	if err != nil {
		return err
	}
	err = withOperator(c, func(svc *model.Service) error {
		return restore(svc, files, in.on("check"), in.on("force"), c.stdout)
	})
	if errors.Is(err, storage.ErrLocked) {
		return &model.Error{Kind: storage.ErrLocked, Message: "le serveur tient cette base ; import all reconstruit un établissement dans une base vide : indiquez-en une autre avec --db"}
	}
	return err
}

// readExport reads the files of a full export: from a folder, from its zip
// archive, or from the archive on stdin when where is « - ».
func readExport(stdin io.Reader, where string) (map[string][]byte, error) {
	if where == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxArchive+1))
		if err != nil {
			return nil, model.Invalid("lecture de l'entrée standard impossible : elle a été interrompue")
		}
		return readArchive(data, "l'entrée standard")
	}
	info, err := os.Stat(where)
	if err != nil {
		return nil, model.Invalid("%s introuvable : un dossier ou une archive zip de « export all »", where)
	}
	if info.IsDir() {
		return readFolder(where)
	}
	data, err := readSmallFile(where, maxArchive+1)
	if err != nil {
		return nil, model.Invalid("lecture de %s impossible : fichier illisible ou qui n'est pas un fichier ordinaire", where)
	}
	return readArchive(data, where)
}

// readFolder reads the files of `export all` found in dir.
func readFolder(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	for _, name := range dump.Names() {
		data, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case errors.Is(err, os.ErrNotExist):
			continue
		case err != nil:
			return nil, model.Invalid("lecture de %s impossible : %v", name, err)
		}
		files[name] = data
	}
	return files, nil
}

// readArchive reads the files of `export all` in a zip archive, at its top
// or in one folder; other entries are ignored.
func readArchive(data []byte, from string) (map[string][]byte, error) {
	if len(data) > maxArchive {
		return nil, model.Invalid("%s dépasse %d Mo : ce n'est pas une archive de « export all »", from, maxArchive>>20)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, model.Invalid("%s n'est pas une archive zip de « export all »", from)
	}
	known := map[string]bool{}
	for _, name := range dump.Names() {
		known[name] = true
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		name := path.Base(f.Name)
		if !known[name] || strings.Count(path.Clean(f.Name), "/") > 1 {
			continue
		}
		if _, twice := files[name]; twice {
			return nil, model.Invalid("%s contient deux fois %s", from, name)
		}
		content, err := readEntry(f)
		if err != nil {
			return nil, model.Invalid("%s : %s illisible (archive abîmée ou trop grande)", from, name)
		}
		files[name] = content
	}
	return files, nil
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxArchive+1))
	if err == nil && len(data) > maxArchive {
		err = errors.New("too large")
	}
	return data, err
}

// restore rebuilds the school of files into svc's store, or only checks it.
func restore(svc *model.Service, files map[string][]byte, check, force bool, out io.Writer) error {
	data, err := dump.Read(files, force)
	if err != nil {
		return err
	}
	if check {
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
