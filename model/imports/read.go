package imports

import (
	"io"
	"os"
	"path/filepath"

	"appel/model"
)

// MaxFileSize bounds a file to import: the largest school exports weigh a
// few megabytes.
const MaxFileSize = 512 << 20

// ReadFile reads a file to import. It refuses what is not a regular file (a
// directory, a device such as /dev/zero, a pipe) and a file over MaxFileSize,
// with a message naming the path.
func ReadFile(path string) (Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return Source{}, model.Invalid("lecture de %s impossible : %v", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Source{}, model.Invalid("lecture de %s impossible : %v", path, err)
	}
	if !info.Mode().IsRegular() {
		return Source{}, model.Invalid("%s n'est pas un fichier ordinaire", path)
	}
	return readLimited(f, model.Visible(filepath.Base(path)), path, MaxFileSize)
}

// ReadAll reads a file to import from r (the standard input), named name.
func ReadAll(r io.Reader, name string) (Source, error) {
	return readLimited(r, model.Visible(name), name, MaxFileSize)
}

func readLimited(r io.Reader, name, path string, limit int64) (Source, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Source{}, model.Invalid("lecture de %s impossible : %v", path, err)
	}
	if int64(len(data)) > limit {
		return Source{}, model.Invalid("%s dépasse %d Mo : ce n'est pas un export d'établissement", path, limit>>20)
	}
	return Source{Name: name, Data: data}, nil
}
