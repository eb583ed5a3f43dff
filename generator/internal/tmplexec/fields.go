package tmplexec

import (
	"reflect"
	"sync/atomic"
	"text/template/parse"
)

// What a .Name selects depends on the type of the value it is applied to, so
// text/template finds it by name every time (MethodByName, FieldByName). A
// fieldSite is one .Name in a template: it finds what the name selects once
// per receiver type and keeps the answer.

// fieldSite is one identifier of a field chain (.A.B.C has three).
type fieldSite struct {
	name string
	node parse.Node // the chain's node, which text/template's errors point at
	args []arg      // the arguments, for the last identifier of a command

	// selections holds what name selects, per receiver type. It is replaced,
	// never changed in place, so templates running in parallel read it
	// without a lock.
	selections atomic.Pointer[[]*selection]
}

type selectionKind int

const (
	selectSlow   selectionKind = iota // anything else, and the errors: text/template's own code
	selectMethod                      // a method: call it
	selectField                       // an exported struct field: read it
	selectMapKey                      // a map with string keys: index it
)

// selection is what a name selects on values of one type.
type selection struct {
	typ  reflect.Type // the receiver's type, after indirection
	addr bool         // whether the receiver is addressable, for a non-pointer

	kind       selectionKind
	method     reflect.Value // the method expression, the receiver its first argument
	sig        *signature    // the method's signature, without the receiver
	fieldIndex []int         // the field's index path
	key        reflect.Value // the map key
}

// maxSelections bounds the types one site remembers; a site that sees more
// (none of ours does) resolves the rest on every use, as text/template does.
const maxSelections = 8

// lookup returns what the site's name selects on receiver, a value that
// indirect has already followed to its end.
func (f *fieldSite) lookup(receiver reflect.Value) *selection {
	typ := receiver.Type()
	k := receiver.Kind()
	// A method of *T is reachable from an addressable T; text/template
	// takes the address, so the answer differs with addressability.
	addr := k != reflect.Pointer && k != reflect.Interface && receiver.CanAddr()
	if p := f.selections.Load(); p != nil {
		for _, e := range *p {
			if e.typ == typ && e.addr == addr {
				return e
			}
		}
	}
	e := resolve(receiver, typ, addr, f.name)
	for {
		old := f.selections.Load()
		var list []*selection
		if old != nil {
			if len(*old) >= maxSelections {
				return e
			}
			list = append(list, *old...)
		}
		list = append(list, e)
		if f.selections.CompareAndSwap(old, &list) {
			return e
		}
	}
}

// resolve works out what name selects on receiver the way text/template's
// evalField does: a method of the value (or of its address) first, then an
// exported struct field, then a map key. What it cannot settle for the type
// as a whole (unexported fields, nil pointers, embedded nil pointers are
// caught at run time) is left to the slow path.
func resolve(receiver reflect.Value, typ reflect.Type, addr bool, name string) *selection {
	e := &selection{typ: typ, addr: addr}
	ptr, ptrType := receiver, typ
	if addr {
		ptr, ptrType = receiver.Addr(), reflect.PointerTo(typ)
	}
	if m, ok := ptrType.MethodByName(name); ok {
		e.kind, e.method = selectMethod, m.Func
		e.sig = newSignature(ptr.Method(m.Index).Type())
		return e
	}
	switch typ.Kind() {
	case reflect.Struct:
		if sf, ok := typ.FieldByName(name); ok && sf.IsExported() {
			e.kind, e.fieldIndex = selectField, sf.Index
		}
	case reflect.Map:
		if stringType.AssignableTo(typ.Key()) {
			e.kind, e.key = selectMapKey, reflect.ValueOf(name)
		}
	}
	return e
}
