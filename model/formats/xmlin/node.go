package xmlin

import (
	"encoding/xml"
	"strings"

	"appel/model/formats"
)

// Node is an element read whole: its name, attributes, trimmed text, children
// and the line where it starts. Every method accepts a nil Node and then
// returns zero values, so that optional elements need no checks.
type Node struct {
	Name  string
	Line  int
	Attrs []xml.Attr
	// Text is the element's own character data, on one line (tabs and line
	// breaks become spaces), trimmed.
	Text string
	Kids []*Node
}

// Attr returns the trimmed value of the attribute name (case ignored), or "".
func (n *Node) Attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// Child returns the first child element called name (case ignored), or nil.
func (n *Node) Child(name string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if strings.EqualFold(k.Name, name) {
			return k
		}
	}
	return nil
}

// Find returns every element reached from n along path, fanning out at each
// step: Find("SERVICES", "SERVICE") lists the SERVICE of every SERVICES child.
func (n *Node) Find(path ...string) []*Node {
	if n == nil {
		return nil
	}
	level := []*Node{n}
	for _, name := range path {
		var next []*Node
		for _, x := range level {
			for _, k := range x.Kids {
				if strings.EqualFold(k.Name, name) {
					next = append(next, k)
				}
			}
		}
		level = next
	}
	return level
}

// Value returns the text of the first element reached along path, or "".
func (n *Node) Value(path ...string) string {
	for _, name := range path {
		n = n.Child(name)
	}
	if n == nil {
		return ""
	}
	return n.Text
}

// Values returns the non-empty texts of every element reached along path.
func (n *Node) Values(path ...string) []string {
	var out []string
	for _, x := range n.Find(path...) {
		if x.Text != "" {
			out = append(out, x.Text)
		}
	}
	return out
}

// flatAttrs puts attribute values on one line, as XML's attribute-value
// normalisation does (a tab or line break becomes a space).
func flatAttrs(as []xml.Attr) []xml.Attr {
	for i := range as {
		as[i].Value = formats.Flat(as[i].Value)
	}
	return as
}

// readTree reads the subtree whose start element was just returned by dec.
// It is iterative so that deeply nested input cannot exhaust the stack.
func readTree(dec *xml.Decoder, start xml.StartElement, line int) (*Node, error) {
	root := &Node{Name: start.Name.Local, Line: line, Attrs: flatAttrs(start.Attr)}
	stack := []*Node{root}
	texts := []*strings.Builder{{}}
	for len(stack) > 0 {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		top := len(stack) - 1
		switch t := tok.(type) {
		case xml.StartElement:
			l, _ := dec.InputPos()
			kid := &Node{Name: t.Name.Local, Line: l, Attrs: flatAttrs(t.Attr)}
			stack[top].Kids = append(stack[top].Kids, kid)
			stack = append(stack, kid)
			texts = append(texts, &strings.Builder{})
		case xml.CharData:
			texts[top].Write(t)
		case xml.EndElement:
			stack[top].Text = strings.TrimSpace(formats.Flat(texts[top].String()))
			stack, texts = stack[:top], texts[:top]
		}
	}
	return root, nil
}
