package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// field is one member of a JSON object, in the order the record wrote it.
type field struct {
	name  string
	value any
}

// object is a JSON object with its members in order.
type object []field

// readableChange writes an audit entry's before and after for a person: the
// members of a record as « nom : valeur » joined by « · », only those that
// changed when both sides are records, dates as the school writes them.
func readableChange(before, after string, loc *time.Location) (string, string) {
	b, bOK := decodeOrdered(before)
	a, aOK := decodeOrdered(after)
	if !bOK || !aOK {
		return orDash(before), orDash(after)
	}
	bo, bIsObj := b.(object)
	ao, aIsObj := a.(object)
	if bIsObj && aIsObj {
		bo, ao = changedFields(bo, ao)
		if len(bo) == 0 && len(ao) == 0 {
			return "(inchangé)", "(inchangé)"
		}
	}
	return readableTop(before, b, bo, bIsObj, loc), readableTop(after, a, ao, aIsObj, loc)
}

func readableTop(raw string, v any, o object, isObj bool, loc *time.Location) string {
	switch {
	case raw == "":
		return "-"
	case isObj && len(o) == 0:
		return "—"
	case isObj:
		return joinFields(o, " · ", loc)
	}
	return readableValue(v, loc)
}

// changedFields keeps the members whose value differs between the two sides.
func changedFields(before, after object) (object, object) {
	var b, a object
	for _, f := range before {
		if v, ok := lookup(after, f.name); !ok || !reflect.DeepEqual(v, f.value) {
			b = append(b, f)
		}
	}
	for _, f := range after {
		if v, ok := lookup(before, f.name); !ok || !reflect.DeepEqual(v, f.value) {
			a = append(a, f)
		}
	}
	return b, a
}

func lookup(o object, name string) (any, bool) {
	for _, f := range o {
		if f.name == name {
			return f.value, true
		}
	}
	return nil, false
}

func joinFields(o object, sep string, loc *time.Location) string {
	parts := make([]string, len(o))
	for i, f := range o {
		parts[i] = f.name + " : " + readableValue(f.value, loc)
	}
	return strings.Join(parts, sep)
}

func readableValue(v any, loc *time.Location) string {
	switch v := v.(type) {
	case nil:
		return "—"
	case bool:
		if v {
			return "oui"
		}
		return "non"
	case json.Number:
		return v.String()
	case string:
		return readableString(v, loc)
	case object:
		return "{" + joinFields(v, ", ", loc) + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = readableValue(e, loc)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// readableString writes RFC 3339 instants and ISO dates the French way.
func readableString(s string, loc *time.Location) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc).Format("02/01/2006 15:04")
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("02/01/2006")
	}
	return s
}

// decodeOrdered reads one JSON value keeping its objects' member order; ""
// decodes as nothing. It reports false when raw is not JSON.
func decodeOrdered(raw string) (any, bool) {
	if raw == "" {
		return nil, true
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil || dec.More() {
		return nil, false
	}
	return v, true
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		var o object
		for dec.More() {
			name, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			o = append(o, field{name: fmt.Sprint(name), value: v})
		}
		_, err := dec.Token()
		return o, err
	case json.Delim('['):
		list := []any{}
		for dec.More() {
			v, err := decodeValue(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token()
		return list, err
	}
	return tok, nil
}
