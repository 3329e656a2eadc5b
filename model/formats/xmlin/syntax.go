package xmlin

import (
	"strings"

	"appel/model"
	"appel/model/formats"
)

// syntaxMessages translates the messages of encoding/xml's syntax errors,
// by prefix; names quoted from the file are cut to an excerpt.
var syntaxMessages = []struct{ prefix, french string }{
	{"unexpected EOF", "le fichier s'arrête avant la fin du document"},
	{"element <", "élément fermé par une autre balise"},
	{"unexpected end element", "balise fermante sans balise ouvrante"},
	{"expected element name after", "nom d'élément attendu après « < »"},
	{"invalid characters between", "caractères inattendus dans une balise fermante"},
	{"expected target name after", "instruction « <? » sans nom"},
	{"invalid sequence", "commentaire ou déclaration « <! » mal formé"},
	{"invalid <!", "déclaration « <! » mal formée"},
	{"expected /> in element", "« /> » attendu dans un élément"},
	{"expected attribute name", "nom d'attribut attendu"},
	{"attribute name without =", "attribut sans « = »"},
	{"unquoted or missing attribute value", "valeur d'attribut manquante ou sans guillemets"},
	{"unescaped ]]>", "« ]]> » hors d'une section CDATA"},
	{"unescaped < inside quoted string", "« < » dans une valeur entre guillemets"},
	{"invalid character entity", "entité inconnue (seules &amp; &lt; &gt; &quot; &apos; et &#…; existent)"},
	{"invalid UTF-8", "octets qui ne sont pas de l'UTF-8"},
	{"illegal character code", "référence à un caractère interdit"},
	{"invalid XML name", "nom d'élément ou d'attribut invalide"},
}

// syntaxMessage returns the French for a message of encoding/xml.
func syntaxMessage(msg string) string {
	for _, m := range syntaxMessages {
		if strings.HasPrefix(msg, m.prefix) {
			return m.french
		}
	}
	return "erreur de syntaxe"
}

// checkTree refuses an element, or one of its descendants, whose text or
// attribute holds a character that an imported text may not hold. The file's
// raw characters are checked before (decode): what is left is written as a
// character reference (&#x202E;), which XML allows. Tabs and line breaks
// inside a value were put on one line by readTree.
func checkTree(file string, root *Node) error {
	stack := []*Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = append(stack[:len(stack)-1], n.Kids...)
		values := []string{n.Text}
		for _, a := range n.Attrs {
			values = append(values, a.Value)
		}
		for _, v := range values {
			if f, ok := model.CheckText(v, model.Plain); !ok {
				return formats.Errorf(file, n.Line, "élément <%s> : %s, écrit en référence de caractère : un fichier importé ne peut pas en contenir",
					formats.Excerpt(n.Name), f.What())
			}
		}
	}
	return nil
}
