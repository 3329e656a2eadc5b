package model

import (
	"fmt"
	"reflect"
	"strings"
)

// CheckText refuses a dataset (a full import, a new school) that holds a
// text its kind may not hold: every string of every record is checked, as a
// Note when its field is a note, else as Plain. The message names the record
// by its place in dataset.json (« pupils[12].last_name »).
func (d Dataset) CheckText() error {
	return checkValue(reflect.ValueOf(d), "")
}

func checkValue(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		kind := Plain
		if isNotePath(path) {
			kind = Note
		}
		if f, ok := CheckText(v.String(), kind); !ok {
			return invalid("%s : %s en position %d", path, f.What(), f.Column)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return checkValue(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := checkValue(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			key := fmt.Sprint(iter.Key().Interface())
			if err := checkValue(iter.Key(), path+".(clé)"); err != nil {
				return err
			}
			if err := checkValue(iter.Value(), fmt.Sprintf("%s[%s]", path, Visible(key))); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			field := t.Field(i)
			if !field.IsExported() {
				continue
			}
			if err := checkValue(v.Field(i), joinPath(path, jsonName(field))); err != nil {
				return err
			}
		}
	}
	return nil
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" || name == "-" {
		return f.Name
	}
	return name
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// noteFields are the JSON names of the fields that hold free text (Note).
var noteFields = []string{".note", ".description", ".reason", ".report", ".facts"}

func isNotePath(path string) bool {
	for _, f := range noteFields {
		if strings.HasSuffix(path, f) {
			return true
		}
	}
	return false
}
