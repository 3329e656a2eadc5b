// Package xmlin reads the XML files that schools export: a bare XML file or a
// zip holding one, in UTF-8, ISO-8859-15, ISO-8859-1 or Windows-1252. It
// streams the document and hands each interesting element to its caller as a
// small tree (Node) that remembers its line, so that parsers neither depend on
// element order nor hold the whole file in memory twice.
package xmlin

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"appel/model/formats"
)

// MaxSize bounds the uncompressed size of the XML file inside a zip (SIECLE
// exports of the largest lycées stay far below).
const MaxSize = 256 << 20

// IsZip reports whether data starts like a zip archive (PK\x03\x04).
func IsZip(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// Unwrap returns the XML of a file: data itself, or the one XML file that the
// zip data holds. name is the file's name; the name returned is the one to
// use in messages (« export.zip:ElevesSansAdresses.xml »).
func Unwrap(name string, data []byte) (string, []byte, error) {
	if !IsZip(data) {
		return name, data, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return name, nil, formats.Errorf(name, 0, "archive zip illisible (%v)", err)
	}
	f, err := theXML(name, zr.File)
	if err != nil {
		return name, nil, err
	}
	inner := name + ":" + f.Name
	xml, err := readEntry(f)
	if err != nil {
		return inner, nil, formats.Errorf(inner, 0, "%v", err)
	}
	return inner, xml, nil
}

// theXML picks the single XML entry of a zip, ignoring folders and the
// __MACOSX shadow files that macOS adds.
func theXML(name string, files []*zip.File) (*zip.File, error) {
	var found []*zip.File
	for _, f := range files {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, "._") {
			continue
		}
		if strings.EqualFold(path.Ext(base), ".xml") {
			found = append(found, f)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, formats.Errorf(name, 0, "l'archive zip ne contient aucun fichier XML")
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = f.Name
	}
	return nil, formats.Errorf(name, 0, "l'archive zip contient %d fichiers XML (%s) ; extrayez celui à importer",
		len(found), strings.Join(names, ", "))
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("fichier illisible dans l'archive (%v)", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("fichier illisible dans l'archive (%v)", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("fichier de plus de %d Mo dans l'archive", MaxSize>>20)
	}
	return data, nil
}
