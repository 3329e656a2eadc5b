package imports

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"

	"appel/model"
)

// Folder is the imports folder of the server's machine, which its
// administrator chooses (appel serve --imports DIR): the import screen lists
// its files and reads one by the name it listed, never by a path a user
// types. Reads stay inside the folder, symbolic links included.
type Folder struct {
	root *os.Root
}

// FileInfo is a file of the folder, as the import screen lists it.
type FileInfo struct {
	Name     string
	Size     int64
	Modified time.Time
}

// OpenFolder opens dir as the imports folder.
func OpenFolder(dir string) (*Folder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, model.Invalid("dossier d'imports %s illisible : %s", dir, pathless(err))
	}
	return &Folder{root: root}, nil
}

// Close releases the folder.
func (f *Folder) Close() error { return f.root.Close() }

// Files lists the regular files of the folder by name; hidden files (".x"),
// names with a character that is not printable (a control or bidi format
// character, which a terminal would obey) and what is not a regular file are
// left out.
func (f *Folder) Files() ([]FileInfo, error) {
	entries, err := fs.ReadDir(f.root.FS(), ".")
	if err != nil {
		return nil, model.Invalid("le dossier d'imports est illisible : %s", pathless(err))
	}
	var files []FileInfo
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.IndexFunc(e.Name(), notPrintable) >= 0 {
			continue
		}
		info, err := f.root.Stat(e.Name())
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		files = append(files, FileInfo{Name: e.Name(), Size: info.Size(), Modified: info.ModTime()})
	}
	slices.SortFunc(files, func(a, b FileInfo) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

func notPrintable(r rune) bool { return !unicode.IsPrint(r) }

// Read reads the file of the folder named name, as ReadFile does; a name
// that is not a plain file name of the folder is refused.
func (f *Folder) Read(name string) (Source, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") || strings.IndexFunc(name, notPrintable) >= 0 {
		return Source{}, model.Invalid("ce nom n'est pas celui d'un fichier du dossier d'imports")
	}
	file, err := f.root.Open(name)
	if err != nil {
		return Source{}, model.Invalid("lecture de %s impossible : %s", name, pathless(err))
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return Source{}, model.Invalid("%s n'est pas un fichier ordinaire", name)
	}
	return readLimited(file, name, name, MaxFileSize)
}

// pathless says why a file of the folder could not be read, without the
// path: the folder's place on the server is not the user's business.
func pathless(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "fichier introuvable"
	case errors.Is(err, fs.ErrPermission):
		return "accès refusé"
	case strings.Contains(err.Error(), "escapes"):
		return "le lien mène hors du dossier d'imports"
	}
	return "erreur du système de fichiers"
}
