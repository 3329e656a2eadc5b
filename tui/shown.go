package tui

import (
	"reflect"

	"appel/model"
)

// shown returns v with every string that a name may not hold written as a
// visible escape (model.Visible), so that a text stored before appel checked
// its input (a terminal escape, a bidi override) reaches the screen
// harmlessly. v is never modified: what changes is copied, the rest is
// shared. Exported fields, slice and array elements, pointers and map values
// are visited; map keys and unexported fields are left as they are.
func shown[T any](v T) T {
	out, changed := shownValue(reflect.ValueOf(&v).Elem())
	if !changed {
		return v
	}
	return out.Interface().(T)
}

// maxShownDepth bounds the walk (model values are shallow; cycles are not).
const maxShownDepth = 16

func shownValue(v reflect.Value) (reflect.Value, bool) { return shownAt(v, 0) }

func shownAt(v reflect.Value, depth int) (reflect.Value, bool) {
	if depth > maxShownDepth {
		return v, false
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if _, ok := model.CheckText(s, model.Plain); ok {
			return v, false
		}
		out := reflect.New(v.Type()).Elem()
		out.SetString(model.Visible(s))
		return out, true
	case reflect.Struct:
		return shownStruct(v, depth)
	case reflect.Slice, reflect.Array:
		return shownElems(v, depth)
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		elem, changed := shownAt(v.Elem(), depth+1)
		if !changed {
			return v, false
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(elem)
		return p, true
	case reflect.Map:
		return shownMap(v, depth)
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		elem, changed := shownAt(v.Elem(), depth+1)
		if !changed {
			return v, false
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(elem)
		return out, true
	}
	return v, false
}

func shownStruct(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	t := v.Type()
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			continue
		}
		f, changed := shownAt(v.Field(i), depth+1)
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = reflect.New(t).Elem()
			out.Set(v)
		}
		out.Field(i).Set(f)
	}
	return out, out.IsValid()
}

func shownElems(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	for i := range v.Len() {
		e, changed := shownAt(v.Index(i), depth+1)
		if !changed {
			continue
		}
		if !out.IsValid() {
			if v.Kind() == reflect.Slice {
				out = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
				reflect.Copy(out, v)
			} else {
				out = reflect.New(v.Type()).Elem()
				out.Set(v)
			}
		}
		out.Index(i).Set(e)
	}
	return out, out.IsValid()
}

func shownMap(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	iter := v.MapRange()
	for iter.Next() {
		e, changed := shownAt(iter.Value(), depth+1)
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = reflect.MakeMapWithSize(v.Type(), v.Len())
			copyIter := v.MapRange()
			for copyIter.Next() {
				out.SetMapIndex(copyIter.Key(), copyIter.Value())
			}
		}
		out.SetMapIndex(iter.Key(), e)
	}
	return out, out.IsValid()
}
