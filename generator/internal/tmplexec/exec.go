// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE.go-authors file.

package tmplexec

// The run-time half of the executor. Its functions are text/template's
// exec.go (go1.26) with the parse-tree walking taken out: compile.go decides,
// once, which of them a node needs and with what constants, and the closures
// it builds call them. They keep text/template's order of evaluation and its
// s.at(node) calls, so an error names the same action and says the same thing.

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// maxExecDepth is text/template's limit on nested {{template}} calls, which
// turns runaway recursion into an error rather than a stack overflow.
const maxExecDepth = 100000

// state is one execution: the output, where it is (for errors) and the
// variables. Templates run in parallel, each with its own state.
type state struct {
	tmpl  *compiled
	prog  *Program
	wr    io.Writer
	sw    io.StringWriter // wr, when it writes strings without a copy
	node  parse.Node      // current node, for errors
	depth int             // the height of the stack of executing templates

	// vars holds the variables of the templates being executed, one frame
	// per {{template}} call; compile.go gave every variable its slot in its
	// template's frame, so no name is looked up at run time.
	vars  []reflect.Value
	frame int // where the current template's frame starts in vars
	buf   [16]reflect.Value

	arg [1]any // the argument of an escaper call; see stringFunc.call1
}

type missingValType struct{}

// missingVal stands for "no final value": the first command of a pipeline
// has no value piped into it. It is never changed.
var missingVal = reflect.ValueOf(missingValType{})

var missingValReflectType = reflect.TypeFor[missingValType]()

func isMissing(v reflect.Value) bool {
	return v.IsValid() && v.Type() == missingValReflectType
}

var zero reflect.Value

// at marks the state to be on node n, for error reporting.
func (s *state) at(node parse.Node) {
	s.node = node
}

// doublePercent returns the string with %'s replaced by %%, if necessary,
// so it can be used safely inside a Printf format string.
func doublePercent(str string) string {
	return strings.ReplaceAll(str, "%", "%%")
}

// errorf records a text/template ExecError, worded as text/template words
// it, and terminates processing.
func (s *state) errorf(format string, args ...any) {
	name := doublePercent(s.tmpl.name)
	if s.node == nil {
		format = fmt.Sprintf("template: %s: %s", name, format)
	} else {
		location, context := s.tmpl.tree.ErrorContext(s.node)
		format = fmt.Sprintf("template: %s: executing %q at <%s>: %s", location, name, doublePercent(context), format)
	}
	panic(texttemplate.ExecError{
		Name: s.tmpl.name,
		Err:  fmt.Errorf(format, args...),
	})
}

// writeError is the wrapper type used internally when Execute has an
// error writing to its output. We strip the wrapper in errRecover.
type writeError struct {
	Err error // Original error.
}

func (s *state) writeError(err error) {
	panic(writeError{
		Err: err,
	})
}

// errRecover is the handler that turns panics into returns from the top
// level of Execute.
func errRecover(errp *error) {
	e := recover()
	if e != nil {
		switch err := e.(type) {
		case runtime.Error:
			panic(e)
		case writeError:
			*errp = err.Err // Strip the wrapper.
		case texttemplate.ExecError:
			*errp = err // Keep the wrapper.
		default:
			panic(e)
		}
	}
}

// Sentinel errors for use with panic to signal early exits from range loops.
var (
	walkBreak    = errors.New("break")
	walkContinue = errors.New("continue")
)

// Execute applies the compiled template set to data and writes the output to
// wr, as html/template's Execute does.
func (p *Program) Execute(wr io.Writer, data any) (err error) {
	defer errRecover(&err)
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &state{tmpl: p.root, prog: p, wr: wr}
	s.sw, _ = wr.(io.StringWriter)
	s.vars = s.buf[:0]
	s.grow(p.root.size)
	s.vars[0] = value
	p.root.run(s, value)
	return nil
}

// grow makes room for n slots from the current frame on.
func (s *state) grow(n int) {
	for len(s.vars) < s.frame+n {
		s.vars = append(s.vars, reflect.Value{})
	}
}

// call runs t with dot, as {{template}} does: t sees only its own variables,
// in a frame after the caller's, and the caller's position is as it was
// before the call.
func (s *state) call(t *compiled, dot reflect.Value) {
	tmpl, node, frame := s.tmpl, s.node, s.frame
	s.depth++
	s.frame += tmpl.size
	s.grow(t.size)
	s.vars[s.frame] = dot
	s.tmpl = t
	t.run(s, dot)
	s.tmpl, s.node, s.frame = tmpl, node, frame
	s.depth--
}

func (s *state) varValue(slot int) reflect.Value { return s.vars[s.frame+slot] }

func (s *state) setVar(slot int, v reflect.Value) { s.vars[s.frame+slot] = v }

func (s *state) write(b []byte) {
	if _, err := s.wr.Write(b); err != nil {
		s.writeError(err)
	}
}

func (s *state) writeString(str string) {
	var err error
	if s.sw != nil {
		_, err = s.sw.WriteString(str)
	} else {
		_, err = io.WriteString(s.wr, str)
	}
	if err != nil {
		s.writeError(err)
	}
}

// IsTrue reports whether the value is 'true', in the sense of not the zero of its type,
// and whether the value has a meaningful truth value. This is the definition of
// truth used by if and other such actions.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		// Something like var x interface{}, never set. It's a form of nil.
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true // Struct values are always true.
	default:
		return
	}
	return truth, true
}

// notAFunction reports an error for arguments given to a word that takes
// none; hasArgs is text/template's len(args) > 1 || !isMissing(final),
// which compile.go knows.
func (s *state) notAFunction(hasArgs bool, word parse.Node) {
	if hasArgs {
		s.errorf("can't give argument to non-function %s", word)
	}
}

// idealConstant is called to return the value of a number in a context where
// we don't know the type. In that case, the syntax of the number tells us
// its type, and we use Go rules to resolve. Note there is no such thing as
// a uint ideal constant in this situation - the value must be of int type.
func (s *state) idealConstant(constant *parse.NumberNode) reflect.Value {
	// These are ideal constants but we don't know the type
	// and we have no context.  (If it was a method argument,
	// we'd know what we need.) The syntax guides us to some extent.
	s.at(constant)
	switch {
	case constant.IsComplex:
		return reflect.ValueOf(constant.Complex128) // incontrovertible.

	case constant.IsFloat &&
		!isHexInt(constant.Text) && !isRuneInt(constant.Text) &&
		strings.ContainsAny(constant.Text, ".eEpP"):
		return reflect.ValueOf(constant.Float64)

	case constant.IsInt:
		n := int(constant.Int64)
		if int64(n) != constant.Int64 {
			s.errorf("%s overflows int", constant.Text)
		}
		return reflect.ValueOf(n)

	case constant.IsUint:
		s.errorf("%s overflows int", constant.Text)
	}
	return zero
}

func isRuneInt(s string) bool {
	return len(s) > 0 && s[0] == '\''
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

var (
	errorType        = reflect.TypeFor[error]()
	fmtStringerType  = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	stringType       = reflect.TypeFor[string]()
	emptyIfaceType   = reflect.TypeFor[any]()
)

// evalField evaluates an expression like (.Field) or (.Field arg1 arg2).
// The 'final' argument represents the return value from the preceding
// value of the pipeline, if any. What text/template finds by name on every
// evaluation (MethodByName, FieldByName) the site has cached for the
// receiver's type; the rare and the failing cases go the slow way, which is
// text/template's own.
func (s *state) evalField(dot reflect.Value, f *fieldSite, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		if s.prog.missingKey == mapError { // Treat invalid value as missing map key.
			s.errorf("nil data; no entry for key %q", f.name)
		}
		return zero
	}
	orig := receiver
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		// Calling a method on a nil interface can't work. The
		// MethodByName method call below would panic.
		s.errorf("nil pointer evaluating %s.%s", orig.Type(), f.name)
		return zero
	}
	e := f.lookup(receiver)
	switch e.kind {
	case selectMethod:
		ptr := receiver
		if e.addr {
			ptr = ptr.Addr()
		}
		return s.evalMethodCall(dot, e.method, ptr, e.sig, f.node, f.name, f.args, final)
	case selectField:
		var field reflect.Value
		if len(e.fieldIndex) == 1 {
			field = receiver.Field(e.fieldIndex[0])
		} else {
			var err error
			if field, err = receiver.FieldByIndexErr(e.fieldIndex); err != nil {
				s.errorf("%v", err)
			}
		}
		// If it's a function, we must call it.
		if len(f.args) > 0 || !isMissing(final) {
			s.errorf("%s has arguments but cannot be invoked as function", f.name)
		}
		return field
	case selectMapKey:
		if len(f.args) > 0 || !isMissing(final) {
			s.errorf("%s is not a method but has arguments", f.name)
		}
		result := receiver.MapIndex(e.key)
		if !result.IsValid() {
			switch s.prog.missingKey {
			case mapInvalid:
				// Just use the invalid value.
			case mapZeroValue:
				result = reflect.Zero(receiver.Type().Elem())
			case mapError:
				s.errorf("map has no entry for key %q", f.name)
			}
		}
		return result
	}
	return s.evalFieldSlow(dot, f, final, orig)
}

// evalFieldSlow is text/template's evalField, by name, for what the cache
// does not hold: errors, mostly.
func (s *state) evalFieldSlow(dot reflect.Value, f *fieldSite, final, receiver reflect.Value) reflect.Value {
	fieldName := f.name
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)

	// Unless it's an interface, need to get to a value of type *T to guarantee
	// we see all methods of T and *T.
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if method := ptr.MethodByName(fieldName); method.IsValid() {
		return s.evalCall(dot, method, newSignature(method.Type()), f.node, fieldName, f.args, final)
	}
	hasArgs := len(f.args) > 0 || !isMissing(final)
	// It's not a method; must be a field of a struct or an element of a map.
	switch receiver.Kind() {
	case reflect.Struct:
		tField, ok := receiver.Type().FieldByName(fieldName)
		if ok {
			field, err := receiver.FieldByIndexErr(tField.Index)
			if !tField.IsExported() {
				s.errorf("%s is an unexported field of struct type %s", fieldName, typ)
			}
			if err != nil {
				s.errorf("%v", err)
			}
			// If it's a function, we must call it.
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", fieldName)
			}
			return field
		}
	case reflect.Map:
		// If it's a map, attempt to use the field name as a key.
		nameVal := reflect.ValueOf(fieldName)
		if nameVal.Type().AssignableTo(receiver.Type().Key()) {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", fieldName)
			}
			result := receiver.MapIndex(nameVal)
			if !result.IsValid() {
				switch s.prog.missingKey {
				case mapInvalid:
					// Just use the invalid value.
				case mapZeroValue:
					result = reflect.Zero(receiver.Type().Elem())
				case mapError:
					s.errorf("map has no entry for key %q", fieldName)
				}
			}
			return result
		}
	case reflect.Pointer:
		etyp := receiver.Type().Elem()
		if etyp.Kind() == reflect.Struct {
			if _, ok := etyp.FieldByName(fieldName); !ok {
				// If there's no such field, say "can't evaluate"
				// instead of "nil pointer evaluating".
				break
			}
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		}
	}
	s.errorf("can't evaluate field %s in type %s", fieldName, typ)
	panic("not reached")
}

// signature is what evalCall needs to know of a function's type, worked out
// once per function rather than on every call.
type signature struct {
	typ      reflect.Type
	numIn    int
	variadic bool
	in       []reflect.Type // the parameters' types; the last is a slice if variadic
	ddd      reflect.Type   // the variadic parameter's element type
	bad      error          // goodFunc's verdict on the results
}

func newSignature(typ reflect.Type) *signature {
	sig := &signature{typ: typ, numIn: typ.NumIn(), variadic: typ.IsVariadic()}
	for i := range sig.numIn {
		sig.in = append(sig.in, typ.In(i))
	}
	if sig.variadic {
		sig.ddd = sig.in[sig.numIn-1].Elem()
	}
	sig.bad = goodFunc("", typ)
	return sig
}

// arg is an argument of a call: its node, for errors, and how to evaluate it
// for a parameter of a type known only when the callee is.
type arg struct {
	node parse.Node
	eval func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value
}

// evalCall executes a function or method call. If it's a method, fun already has the receiver bound, so
// it looks just like a function call. args are the arguments after the
// function's name; final is the value piped in, if any.
func (s *state) evalCall(dot, fun reflect.Value, sig *signature, node parse.Node, name string, args []arg, final reflect.Value) reflect.Value {
	return s.evalMethodCall(dot, fun, reflect.Value{}, sig, node, name, args, final)
}

// evalMethodCall is evalCall with the receiver, if valid, passed as the
// first argument of fun, a method expression: reflect makes a method value
// (Value.Method) at a cost on every call, a method expression it does not.
// sig is the method's signature without the receiver.
func (s *state) evalMethodCall(dot, fun, recv reflect.Value, sig *signature, node parse.Node, name string, args []arg, final reflect.Value) reflect.Value {
	typ := sig.typ
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if sig.variadic {
		numFixed = sig.numIn - 1 // last arg is the variadic one.
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, sig.numIn-1, len(args))
		}
	} else if numIn != sig.numIn {
		s.errorf("wrong number of args for %s: want %d got %d", name, sig.numIn, numIn)
	}
	if sig.bad != nil {
		s.errorf("%v", goodFunc(name, typ))
	}

	// Build the arg list, after the receiver if there is one.
	off := 0
	if recv.IsValid() {
		off = 1
	}
	var small [4]reflect.Value
	argv := valueList(&small, off+numIn)
	if off == 1 {
		argv[0] = recv
	}
	in := argv[off:]
	// Args must be evaluated. Fixed args first.
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		in[i] = args[i].eval(s, dot, sig.in[i])
	}
	// Now the ... args.
	if sig.variadic {
		for ; i < len(args); i++ {
			in[i] = args[i].eval(s, dot, sig.ddd)
		}
	}
	// Add final value if necessary.
	if !isMissing(final) {
		t := sig.in[sig.numIn-1]
		if sig.variadic {
			if numIn-1 < numFixed {
				// The added final argument corresponds to a fixed parameter of the function.
				// Validate against the type of the actual parameter.
				t = sig.in[numIn-1]
			} else {
				// The added final argument corresponds to the variadic part.
				// Validate against the type of the elements of the variadic slice.
				t = t.Elem()
			}
		}
		in[i] = s.validateType(final, t)
	}

	v, err := safeCall(fun, argv)
	// If we have an error that is not nil, stop execution and return that
	// error to the caller.
	if err != nil {
		s.at(node)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrap(v)
}

// valueList returns a list of n values: small's first n when they fit. Most
// calls take a receiver and an argument or two, and their list then stays on
// the caller's stack, where make's, its length unknown to the compiler, would
// not.
func valueList(small *[4]reflect.Value, n int) []reflect.Value {
	if n <= len(small) {
		return small[:n]
	}
	return make([]reflect.Value, n)
}

func unwrap(v reflect.Value) reflect.Value {
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// canBeNil reports whether an untyped nil can be assigned to the type. See reflect.Zero.
func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// validateType guarantees that the value is valid and assignable to the type.
func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			// An untyped nil interface{}. Accept as a proper nil value.
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			// Like above, but use the zero value of the non-nil type.
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
			// fallthrough
		}
		// Does one dereference or indirection work? We could do more, as we
		// do with method receivers, but that gets messy and method receivers
		// are much more constrained, so it makes more sense there than here.
		// Besides, one is almost always all you need.
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

// evalConstArg is the second half of text/template's evalArg: a constant
// (bool, number, string, nil) argument for a parameter of type typ.
func (s *state) evalConstArg(dot reflect.Value, typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if _, ok := n.(*parse.NilNode); ok {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	}
	switch typ.Kind() {
	case reflect.Bool:
		return s.evalBool(typ, n)
	case reflect.Complex64, reflect.Complex128:
		return s.evalComplex(typ, n)
	case reflect.Float32, reflect.Float64:
		return s.evalFloat(typ, n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return s.evalInteger(typ, n)
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalEmptyInterface(dot, n)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(s.evalEmptyInterface(dot, n))
		}
	case reflect.String:
		return s.evalString(typ, n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return s.evalUnsignedInteger(typ, n)
	}
	s.errorf("can't handle %s for arg of type %s", n, typ)
	panic("not reached")
}

func (s *state) evalBool(typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if n, ok := n.(*parse.BoolNode); ok {
		value := reflect.New(typ).Elem()
		value.SetBool(n.True)
		return value
	}
	s.errorf("expected bool; found %s", n)
	panic("not reached")
}

func (s *state) evalString(typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if n, ok := n.(*parse.StringNode); ok {
		value := reflect.New(typ).Elem()
		value.SetString(n.Text)
		return value
	}
	s.errorf("expected string; found %s", n)
	panic("not reached")
}

func (s *state) evalInteger(typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if n, ok := n.(*parse.NumberNode); ok && n.IsInt {
		value := reflect.New(typ).Elem()
		value.SetInt(n.Int64)
		return value
	}
	s.errorf("expected integer; found %s", n)
	panic("not reached")
}

func (s *state) evalUnsignedInteger(typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if n, ok := n.(*parse.NumberNode); ok && n.IsUint {
		value := reflect.New(typ).Elem()
		value.SetUint(n.Uint64)
		return value
	}
	s.errorf("expected unsigned integer; found %s", n)
	panic("not reached")
}

func (s *state) evalFloat(typ reflect.Type, n parse.Node) reflect.Value {
	s.at(n)
	if n, ok := n.(*parse.NumberNode); ok && n.IsFloat {
		value := reflect.New(typ).Elem()
		value.SetFloat(n.Float64)
		return value
	}
	s.errorf("expected float; found %s", n)
	panic("not reached")
}

func (s *state) evalComplex(typ reflect.Type, n parse.Node) reflect.Value {
	if n, ok := n.(*parse.NumberNode); ok && n.IsComplex {
		value := reflect.New(typ).Elem()
		value.SetComplex(n.Complex128)
		return value
	}
	s.errorf("expected complex; found %s", n)
	panic("not reached")
}

// evalEmptyInterface is reached, from evalConstArg, with constants only:
// evalArg handles the other nodes before it gets here.
func (s *state) evalEmptyInterface(dot reflect.Value, n parse.Node) reflect.Value {
	s.at(n)
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.DotNode:
		return dot
	case *parse.NilNode:
		// NilNode is handled in evalArg, the only place that calls here.
		s.errorf("evalEmptyInterface: nil (can't happen)")
	case *parse.NumberNode:
		return s.idealConstant(n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	}
	s.errorf("can't handle assignment of %s to empty interface argument", n)
	panic("not reached")
}

// indirect returns the item at the end of indirection, and a bool to indicate
// if it's nil. If the returned bool is true, the returned value's kind will be
// either a pointer or interface.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the concrete value in an interface value,
// or else the zero reflect.Value.
// That is, if v represents the interface value x, the result is the same as reflect.ValueOf(x):
// the fact that x was an interface value is forgotten.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// printValue writes the textual representation of the value to the output of
// the template.
func (s *state) printValue(n parse.Node, v reflect.Value) {
	s.at(n)
	if v.Kind() == reflect.String && v.Type() == stringType && v.CanInterface() {
		// What fmt.Fprint writes for a plain string, without boxing it.
		s.writeString(v.String())
		return
	}
	iface, ok := printableValue(v)
	if !ok {
		s.errorf("can't print %s of type %s", n, v.Type())
	}
	_, err := fmt.Fprint(s.wr, iface)
	if err != nil {
		s.writeError(err)
	}
}

// printableValue returns the, possibly indirected, interface value inside v that
// is best for a call to formatted printer.
func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v) // fmt.Fprint handles nil.
	}
	if !v.IsValid() {
		return "<no value>", true
	}

	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// evalFieldChain evaluates .X.Y.Z possibly followed by arguments.
// dot is the environment in which to evaluate arguments, while
// receiver is the value being walked along the chain.
func (s *state) evalFieldChain(dot, receiver reflect.Value, sites []*fieldSite, final reflect.Value) reflect.Value {
	n := len(sites)
	for i := 0; i < n-1; i++ {
		receiver = s.evalField(dot, sites[i], missingVal, receiver)
	}
	// Now if it's a method, it gets the arguments.
	return s.evalField(dot, sites[n-1], final, receiver)
}

// stringFunc is a call of a func(...any) string: html/template's escapers,
// print, html, js, urlquery. It needs no reflection.
type stringFunc struct {
	ident *parse.IdentifierNode
	cmd   parse.Node // the node a failed call's error points at
	name  string
	fn    func(...any) string
	value reflect.Value // fn, for the arguments Interface cannot give
	sig   *signature
	// keepsNoArgs is true for functions known not to keep their argument
	// slice (html/template's escapers, fmt's): they are given the state's
	// own, rather than one allocated per call.
	keepsNoArgs bool
}

// call calls the function as text/template's safeCall would: a panic is an
// error of the call.
func (f *stringFunc) call(s *state, args []any) (out string) {
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(error)
			if !ok {
				err = fmt.Errorf("%v", r)
			}
			s.at(f.cmd)
			s.errorf("error calling %s: %w", f.name, err)
		}
	}()
	return f.fn(args...)
}

// callValue calls the function with one argument, the value piped in.
func (f *stringFunc) callValue(s *state, final reflect.Value) string {
	// validateType(final, interface{}), then what reflect's Call does to
	// pass a value as an interface{}.
	if !final.IsValid() {
		return f.call1(s, nil)
	}
	if !final.CanInterface() {
		return s.evalCall(reflect.Value{}, f.value, f.sig, f.cmd, f.name, nil, final).String()
	}
	return f.call1(s, final.Interface())
}

// call1 calls the function with one argument.
func (f *stringFunc) call1(s *state, x any) string {
	if !f.keepsNoArgs {
		return f.call(s, []any{x})
	}
	s.arg[0] = x
	out := f.call(s, s.arg[:])
	s.arg[0] = nil
	return out
}

// callArgs is evalCall for a func(...any) string: every argument is an
// interface{}, so there is no count to check and nothing to convert.
func (f *stringFunc) callArgs(s *state, dot reflect.Value, args []arg, final reflect.Value) string {
	n := len(args)
	if !isMissing(final) {
		n++
	}
	var small [4]reflect.Value
	argv := valueList(&small, n)
	for i, a := range args {
		argv[i] = a.eval(s, dot, emptyIfaceType)
	}
	if !isMissing(final) {
		argv[n-1] = s.validateType(final, emptyIfaceType)
	}
	xs := make([]any, n)
	for i, v := range argv {
		if !v.CanInterface() {
			v, err := safeCall(f.value, argv)
			if err != nil {
				s.at(f.cmd)
				s.errorf("error calling %s: %w", f.name, err)
			}
			return v.String()
		}
		xs[i] = v.Interface()
	}
	return f.call(s, xs)
}

// evalBuiltinCall is evalCall for the builtin call: its first argument's
// text names the function called, for errors.
func (s *state) evalBuiltinCall(dot reflect.Value, sig *signature, node parse.Node, args []arg, final reflect.Value) reflect.Value {
	name := "call"
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := sig.numIn - 1
	if numIn < numFixed {
		s.errorf("wrong number of args for %s: want at least %d got %d", name, sig.numIn-1, len(args))
	}
	var small [4]reflect.Value
	argv := valueList(&small, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = args[i].eval(s, dot, sig.in[i])
	}
	for ; i < len(args); i++ {
		argv[i] = args[i].eval(s, dot, sig.ddd)
	}
	if !isMissing(final) {
		t := sig.ddd
		if numIn-1 < numFixed {
			t = sig.in[numIn-1]
		}
		argv[i] = s.validateType(final, t)
	}
	var calleeName string
	if len(args) == 0 {
		// final must be present or we would have errored out above.
		calleeName = final.String()
	} else {
		calleeName = args[0].node.String()
	}
	argv = append([]reflect.Value{reflect.ValueOf(calleeName)}, argv...)
	v, err := safeCall(reflect.ValueOf(call), argv)
	if err != nil {
		s.at(node)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrap(v)
}

// rangeLoop is a compiled {{range}}: text/template's walkRange once the
// value to range over is known.
type rangeLoop struct {
	node   *parse.RangeNode
	decl   []int // the slots of the range's variables
	assign bool  // {{range $i, $e = …}} assigns rather than declares
	body   stepFn
	jumps  bool // the body holds a break or continue
}

// run ranges over val and reports whether it ran the body at all; if not,
// the caller runs the else list.
func (r *rangeLoop) run(s *state, val reflect.Value) (ran bool) {
	if r.jumps {
		defer func() {
			if e := recover(); e != nil {
				if e != walkBreak {
					panic(e)
				}
				ran = true
			}
		}()
	}
	switch val.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(r.decl) > 1 {
			s.errorf("can't use %v to iterate over more than one variable", val)
			break
		}
		run := false
		for v := range val.Seq() {
			run = true
			// Pass element as second value, as we do for channels.
			r.oneIteration(s, reflect.Value{}, v)
		}
		return run
	case reflect.Array, reflect.Slice:
		n := val.Len()
		for i := range n {
			var index reflect.Value
			if len(r.decl) > 1 {
				index = reflect.ValueOf(i)
			}
			r.oneIteration(s, index, val.Index(i))
		}
		return n > 0
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		for _, m := range sortedMap(val) {
			r.oneIteration(s, m.Key, m.Value)
		}
		return true
	case reflect.Chan:
		if val.IsNil() {
			break
		}
		if val.Type().ChanDir() == reflect.SendDir {
			s.errorf("range over send-only channel %v", val)
			break
		}
		i := 0
		for ; ; i++ {
			elem, ok := val.Recv()
			if !ok {
				break
			}
			r.oneIteration(s, reflect.ValueOf(i), elem)
		}
		return i > 0
	case reflect.Invalid:
		break // An invalid value is likely a nil map, etc. and acts like an empty map.
	case reflect.Func:
		if val.Type().CanSeq() {
			if len(r.decl) > 1 {
				s.errorf("can't use %v iterate over more than one variable", val)
				break
			}
			run := false
			for v := range val.Seq() {
				run = true
				// Pass element as second value,
				// as we do for channels.
				r.oneIteration(s, reflect.Value{}, v)
			}
			return run
		}
		if val.Type().CanSeq2() {
			run := false
			for i, v := range val.Seq2() {
				run = true
				if len(r.decl) > 1 {
					r.oneIteration(s, i, v)
				} else {
					// If there is only one range variable,
					// oneIteration will use the
					// second value.
					r.oneIteration(s, reflect.Value{}, i)
				}
			}
			return run
		}
		s.errorf("range can't iterate over %v", val)
	default:
		s.errorf("range can't iterate over %v", val)
	}
	return false
}

func (r *rangeLoop) oneIteration(s *state, index, elem reflect.Value) {
	if n := len(r.decl); n > 0 {
		if r.assign {
			// With two variables, index comes first.
			// With one, we use the element.
			if n > 1 {
				s.setVar(r.decl[0], index)
				s.setVar(r.decl[1], elem)
			} else {
				s.setVar(r.decl[0], elem)
			}
		} else {
			// The last variable is the element; with two, the first is
			// the index.
			s.setVar(r.decl[n-1], elem)
			if n > 1 {
				s.setVar(r.decl[n-2], index)
			}
		}
	}
	if r.jumps {
		defer func() {
			// Consume panic(walkContinue)
			if e := recover(); e != nil && e != walkContinue {
				panic(e)
			}
		}()
	}
	r.body(s, elem)
}
