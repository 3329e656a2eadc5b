// Package atomicfile writes a file whole or not at all: into a temporary
// file beside it, synced, then renamed over the name, so that a crash or a
// full disk never leaves half a file under the name a user asked for.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrFolder is wrapped by Write when the folder cannot take a new file.
var ErrFolder = errors.New("dossier non inscriptible")

// Write calls write on a temporary file beside path, syncs it and renames it
// to path; on any error path is left as it was and the temporary file goes.
func Write(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("%w : %v", ErrFolder, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
