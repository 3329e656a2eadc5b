package xmlin

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"appel/model/formats"
	"appel/model/formats/charset"
)

// Handlers maps element paths below the root ("DONNEES/ELEVES/ELEVE", upper
// case) to the function that receives each such element, read whole.
type Handlers map[string]func(*Node) error

// Walk streams the XML document data (file is its name for messages). It
// calls checkRoot with the root element's name first, then, wherever in the
// document an element's path matches a handler, reads that element whole and
// hands it over. Elements no handler asks for are skipped, so unknown elements
// and element order do not matter. A malformed document is refused with its line.
func Walk(file string, data []byte, checkRoot func(root string) error, hs Handlers) error {
	text, err := decode(file, data)
	if err != nil {
		return err
	}
	w := &walker{file: file, hs: hs}
	w.dec = xml.NewDecoder(bytes.NewReader(text))
	w.dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	sawRoot := false
	for {
		tok, err := w.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return w.syntax(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			if _, isEnd := tok.(xml.EndElement); isEnd && len(w.path) > 0 {
				w.path = w.path[:len(w.path)-1]
			}
			continue
		}
		if sawRoot && len(w.path) == 0 {
			line, _ := w.dec.InputPos()
			return formats.Errorf(file, line, "XML mal formé (élément <%s> après la fin du document)", start.Name.Local)
		}
		if !sawRoot {
			sawRoot = true
			if err := checkRoot(start.Name.Local); err != nil {
				return err
			}
			w.path = append(w.path, "")
			continue
		}
		if err := w.start(start); err != nil {
			return err
		}
	}
	if !sawRoot {
		return formats.Errorf(file, 0, "aucun élément XML : fichier vide ou qui n'est pas du XML")
	}
	return nil
}

type walker struct {
	file string
	dec  *xml.Decoder
	hs   Handlers
	path []string // path[0] stands for the root
}

func (w *walker) start(start xml.StartElement) error {
	w.path = append(w.path, strings.ToUpper(start.Name.Local))
	h, ok := w.hs[strings.Join(w.path[1:], "/")]
	if !ok {
		return nil
	}
	line, _ := w.dec.InputPos()
	n, err := readTree(w.dec, start, line)
	if err != nil {
		return w.syntax(err)
	}
	if err := checkTree(w.file, n); err != nil {
		return err
	}
	w.path = w.path[:len(w.path)-1]
	return h(n)
}

// syntax turns a decoding error into a refusal that names the line.
func (w *walker) syntax(err error) error {
	line, _ := w.dec.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return formats.Errorf(w.file, se.Line, "XML mal formé (%s)", syntaxMessage(se.Msg))
	}
	if err == io.ErrUnexpectedEOF {
		return formats.Errorf(w.file, line, "XML tronqué : le fichier s'arrête avant la fin du document")
	}
	return formats.Errorf(w.file, line, "XML illisible (%v)", err)
}

// decode returns the document data as UTF-8, decoded from the encoding that
// its XML declaration names (UTF-8 when it names none), once every byte and
// every character is checked: a byte the encoding leaves undefined, a
// control or invisible character is refused with its line and column. The
// decoder then reads the text as it is, whatever the declaration says.
func decode(file string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	text := data
	if label := declaredEncoding(data); label != "" {
		c, ok := charset.Lookup(label)
		if !ok {
			return nil, formats.Errorf(file, 1, "%v", charset.Unsupported(label))
		}
		if c != nil {
			if err := c.Check(file, data); err != nil {
				return nil, err
			}
			text = []byte(c.Decode(data))
		}
	}
	if err := formats.CheckLayout(file, string(text)); err != nil {
		return nil, err
	}
	return text, nil
}

// declaredEncoding returns the encoding that the XML declaration at the start
// of data names, or "".
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(data[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	rest, ok := strings.CutPrefix(rest, "=")
	rest = strings.TrimLeft(rest, " \t\r\n")
	if !ok || rest == "" || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	value, _, _ := strings.Cut(rest[1:], rest[:1])
	return value
}

// Root returns the name of the root element of the XML document data,
// reading no further than its start tag.
func Root(file string, data []byte) (string, error) {
	var root string
	stop := errors.New("root found")
	err := Walk(file, data, func(r string) error { root = r; return stop }, nil)
	if err != nil && err != stop {
		return "", err
	}
	return root, nil
}

// LooksLikeXML reports whether data, once a byte-order mark and white space
// are skipped, starts with '<'.
func LooksLikeXML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}
