package tui

import (
	"reflect"
	"sync"

	"appel/model"
)

// shown returns v with every string that a name may not hold written as a
// visible escape (model.Visible), so that a text stored before appel checked
// its input (a terminal escape, a bidi override) reaches the screen
// harmlessly. v is never modified: what changes is copied, the rest is
// shared. Exported fields, slice and array elements, pointers, interfaces
// and map values are visited; map keys and unexported fields are left as
// they are. Types without strings are skipped whole (walkOf).
func shown[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	w := walkOf(rv.Type())
	if w == nil {
		return v
	}
	out, changed := w.visit(rv, 0)
	if !changed {
		return v
	}
	return out.Interface().(T)
}

// maxShownDepth bounds the walk (model values are shallow; cycles are not).
const maxShownDepth = 16

// walk is how to visit the values of one type: which of its parts may hold
// a string. A nil *walk means the type holds none.
type walk struct {
	kind   reflect.Kind
	fields []fieldWalk // structs: the exported fields that may hold strings
	elem   *walk       // slices, arrays, pointers, map values
}

type fieldWalk struct {
	index int
	walk  *walk
}

var (
	walksMu sync.Mutex
	walks   = map[reflect.Type]*walk{}
)

// walkOf returns the walk of t, built once per type.
func walkOf(t reflect.Type) *walk {
	walksMu.Lock()
	defer walksMu.Unlock()
	return buildWalk(t, map[reflect.Type]bool{})
}

func buildWalk(t reflect.Type, building map[reflect.Type]bool) *walk {
	if w, ok := walks[t]; ok {
		return w
	}
	if building[t] {
		return nil // a recursive type: its inner occurrences are not visited
	}
	building[t] = true
	var w *walk
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		w = &walk{kind: t.Kind()}
	case reflect.Struct:
		var fields []fieldWalk
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				if fw := buildWalk(f.Type, building); fw != nil {
					fields = append(fields, fieldWalk{i, fw})
				}
			}
		}
		if fields != nil {
			w = &walk{kind: reflect.Struct, fields: fields}
		}
	case reflect.Slice, reflect.Array, reflect.Pointer, reflect.Map:
		if elem := buildWalk(t.Elem(), building); elem != nil {
			w = &walk{kind: t.Kind(), elem: elem}
		}
	}
	delete(building, t)
	walks[t] = w
	return w
}

// visit returns v made visible, and whether anything changed.
func (w *walk) visit(v reflect.Value, depth int) (reflect.Value, bool) {
	if depth > maxShownDepth {
		return v, false
	}
	switch w.kind {
	case reflect.String:
		s := v.String()
		if _, ok := model.CheckText(s, model.Plain); ok {
			return v, false
		}
		out := reflect.New(v.Type()).Elem()
		out.SetString(model.Visible(s))
		return out, true
	case reflect.Struct:
		return w.visitStruct(v, depth)
	case reflect.Slice, reflect.Array:
		return w.visitElems(v, depth)
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		elem, changed := w.elem.visit(v.Elem(), depth+1)
		if !changed {
			return v, false
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(elem)
		return p, true
	case reflect.Map:
		return w.visitMap(v, depth)
	case reflect.Interface:
		return visitInterface(v, depth)
	}
	return v, false
}

func visitInterface(v reflect.Value, depth int) (reflect.Value, bool) {
	if v.IsNil() {
		return v, false
	}
	inner := walkOf(v.Elem().Type())
	if inner == nil {
		return v, false
	}
	elem, changed := inner.visit(v.Elem(), depth+1)
	if !changed {
		return v, false
	}
	out := reflect.New(v.Type()).Elem()
	out.Set(elem)
	return out, true
}

func (w *walk) visitStruct(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	for _, f := range w.fields {
		nv, changed := f.walk.visit(v.Field(f.index), depth+1)
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = reflect.New(v.Type()).Elem()
			out.Set(v)
		}
		out.Field(f.index).Set(nv)
	}
	return out, out.IsValid()
}

func (w *walk) visitElems(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	for i := range v.Len() {
		e, changed := w.elem.visit(v.Index(i), depth+1)
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

func (w *walk) visitMap(v reflect.Value, depth int) (reflect.Value, bool) {
	var out reflect.Value
	iter := v.MapRange()
	for iter.Next() {
		e, changed := w.elem.visit(iter.Value(), depth+1)
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = reflect.MakeMapWithSize(v.Type(), v.Len())
			all := v.MapRange()
			for all.Next() {
				out.SetMapIndex(all.Key(), all.Value())
			}
		}
		out.SetMapIndex(iter.Key(), e)
	}
	return out, out.IsValid()
}
