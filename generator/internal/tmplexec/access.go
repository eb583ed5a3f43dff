package tmplexec

import (
	"errors"
	htmltemplate "html/template"
	"reflect"
	texttemplate "text/template"
	"unsafe"
)

// html/template keeps what an executor needs out of reach: the text/template
// it escapes into (whose name space also holds the templates it derives for
// other contexts, such as "title" called inside an attribute), that set's
// functions (where its escapers, _html_template_htmlescaper and the like, are
// registered) and the missingkey option. There is no exported accessor, and
// the escapers cannot be copied without html/template's whole context machine
// (attrEscaper strips tags through it), so this file reads the three fields by
// name through reflect. Every read checks the field's type first: if a Go
// release renames or retypes one, Compile reports it and the caller keeps the
// standard Execute, which is slower but never wrong.

// errInternals means this Go release's html/template is not laid out as
// expected; the caller should fall back to the standard Execute.
var errInternals = errors.New("tmplexec: html/template internals are not as expected")

// fieldOf returns an addressable, unrestricted view of the named field of the
// struct p points to, or false if there is none of type want.
func fieldOf(p reflect.Value, name string, want reflect.Type) (reflect.Value, bool) {
	if p.Kind() != reflect.Pointer || p.IsNil() || p.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := p.Elem().FieldByName(name)
	if !f.IsValid() || (want != nil && f.Type() != want) {
		return reflect.Value{}, false
	}
	// The field is unexported, so f may be read but not used as an interface;
	// a value made at its address, of its own type, may.
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem(), true
}

// textOf returns the text/template that t escapes into.
func textOf(t *htmltemplate.Template) (*texttemplate.Template, error) {
	f, ok := fieldOf(reflect.ValueOf(t), "text", reflect.TypeFor[*texttemplate.Template]())
	if !ok || f.IsNil() {
		return nil, errInternals
	}
	return f.Interface().(*texttemplate.Template), nil
}

// commonOf returns text/template's shared part of t's name space.
func commonOf(t *texttemplate.Template) (reflect.Value, error) {
	c, ok := fieldOf(reflect.ValueOf(t), "common", nil)
	if !ok || c.Kind() != reflect.Pointer || c.IsNil() {
		return reflect.Value{}, errInternals
	}
	return c, nil
}

// execFuncsOf returns the functions t's name space executes with: the
// FuncMap given to Funcs and html/template's escapers.
func execFuncsOf(t *texttemplate.Template) (map[string]reflect.Value, error) {
	c, err := commonOf(t)
	if err != nil {
		return nil, err
	}
	f, ok := fieldOf(c, "execFuncs", reflect.TypeFor[map[string]reflect.Value]())
	if !ok {
		return nil, errInternals
	}
	// A copy: the set is not changed after it is escaped, but the copy makes
	// the compiled program independent of the set's locks.
	out := map[string]reflect.Value{}
	for k, v := range f.Interface().(map[string]reflect.Value) {
		out[k] = v
	}
	return out, nil
}

// missingKeyAction is text/template's missingkey option.
type missingKeyAction int

const (
	mapInvalid   missingKeyAction = iota // "missingkey=default": an invalid value
	mapZeroValue                         // "missingkey=zero": the element type's zero
	mapError                             // "missingkey=error": execution stops
)

// missingKeyOf returns t's missingkey option.
func missingKeyOf(t *texttemplate.Template) (missingKeyAction, error) {
	c, err := commonOf(t)
	if err != nil {
		return 0, err
	}
	opt, ok := fieldOf(c, "option", nil)
	if !ok || opt.Kind() != reflect.Struct {
		return 0, errInternals
	}
	mk := opt.FieldByName("missingKey")
	if !mk.IsValid() || mk.Kind() != reflect.Int || mk.Type().Name() != "missingKeyAction" {
		return 0, errInternals
	}
	switch a := missingKeyAction(mk.Int()); a {
	case mapInvalid, mapZeroValue, mapError:
		return a, nil
	}
	return 0, errInternals
}
