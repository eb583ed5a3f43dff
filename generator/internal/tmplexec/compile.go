// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE.go-authors file.

package tmplexec

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"runtime"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// The compile-time half of the executor: each node of an escaped parse tree
// becomes a closure, built once, that does what text/template's walk and eval
// functions (exec.go, go1.26) do for that node, without looking at the node's
// type again; the closures' bodies follow text/template's code.
// Settled here rather than on every execution: which function an identifier
// names (html/template's escapers are called as plain Go functions), which
// frame slot a variable is, the values of constants, what a {{template}}
// call names.

// Program is a template set compiled for execution. It is read-only after
// Compile, except for its per-type caches, which are safe for concurrent
// use, so one Program serves many goroutines.
type Program struct {
	root       *compiled
	missingKey missingKeyAction
}

// compiled is one template of the set.
type compiled struct {
	name string      // the text template's name, which errors show
	tree *parse.Tree // for errors' positions and context
	size int         // the slots of its variables' frame, $ included
	run  stepFn
}

type (
	// stepFn does what walking a node does.
	stepFn func(s *state, dot reflect.Value)
	// pipeFn evaluates a pipeline.
	pipeFn func(s *state, dot reflect.Value) reflect.Value
	// cmdFn evaluates a command; final is the value piped in, or missingVal.
	cmdFn func(s *state, dot, final reflect.Value) reflect.Value
)

// Unsupported is returned by Compile for a template set it cannot run as the
// standard Execute would; the caller should keep the standard Execute.
type Unsupported struct {
	Template string
	Node     string
	Why      string
}

func (u *Unsupported) Error() string {
	return fmt.Sprintf("tmplexec: template %s: %s: %s", u.Template, u.Node, u.Why)
}

// Compile escapes t's set, as its first Execute would, and compiles the
// escaped templates that t reaches. An error means the caller should keep
// using t.Execute: either escaping failed (Execute reports it the same way
// each time) or the set holds something this package does not run.
func Compile(t *htmltemplate.Template) (_ *Program, err error) {
	// exec.go follows one release's text/template; another release may have
	// changed what it copies. The differential tests say whether it did.
	if v := runtime.Version(); !strings.HasPrefix(v, goRelease+".") && v != goRelease {
		return nil, &Unsupported{Template: t.Name(), Why: "written against " + goRelease + "'s text/template, running on " + v + ": compare exec.go with this release's and update goRelease"}
	}
	if err := escape(t); err != nil {
		return nil, err
	}
	text, err := textOf(t)
	if err != nil {
		return nil, err
	}
	funcs, err := execFuncsOf(text)
	if err != nil {
		return nil, err
	}
	mk, err := missingKeyOf(text)
	if err != nil {
		return nil, err
	}
	c := &compiler{text: text, funcs: funcs, builtins: map[string]reflect.Value{}, byName: map[string]*compiled{}}
	for name, fn := range builtins() {
		c.builtins[name] = reflect.ValueOf(fn)
	}
	defer func() {
		if r := recover(); r != nil {
			u, ok := r.(*Unsupported)
			if !ok {
				panic(r)
			}
			err = u
		}
	}()
	root := c.template(text.Name())
	if root == nil {
		return nil, &Unsupported{Template: text.Name(), Why: "incomplete or empty template"}
	}
	return &Program{root: root, missingKey: mk}, nil
}

// goRelease is the Go release whose text/template exec.go and funcs.go follow.
const goRelease = "go1.26"

// stopWriter fails the first write, which stops an execution there.
type stopWriter struct{}

var errStop = errors.New("stop")

func (stopWriter) Write([]byte) (int, error) { return 0, errStop }

// escape makes html/template escape t's set. html/template escapes on the
// first Execute and offers no other way, so escape executes t with no data
// into a writer that stops it at the first write: the escaped trees are what
// Compile reads. An error returned here is an escaping error, which every
// later Execute of t returns as well.
func escape(t *htmltemplate.Template) error {
	err := t.Execute(stopWriter{}, nil)
	if err == nil || errors.Is(err, errStop) {
		return nil
	}
	// Running with no data may fail before anything is written: the set
	// was escaped all the same.
	if _, ok := errors.AsType[texttemplate.ExecError](err); ok {
		return nil
	}
	return err
}

// compiler holds what compiling a set needs.
type compiler struct {
	text     *texttemplate.Template
	funcs    map[string]reflect.Value // the set's functions, escapers included
	builtins map[string]reflect.Value
	byName   map[string]*compiled

	// The template being compiled: its variables in scope, by slot, and the
	// most slots in use at once.
	cur   string
	scope []string
	size  int
}

func (c *compiler) unsupported(n parse.Node, why string) {
	node := ""
	if n != nil {
		node = n.String()
	}
	panic(&Unsupported{Template: c.cur, Node: node, Why: why})
}

// template compiles the named template of the set, once; nil if the set has
// none of that name.
func (c *compiler) template(name string) *compiled {
	if t, ok := c.byName[name]; ok {
		return t
	}
	tt := c.text.Lookup(name)
	if tt == nil {
		c.byName[name] = nil
		return nil
	}
	if tt.Tree == nil || tt.Root == nil {
		c.unsupported(nil, fmt.Sprintf("template %q is incomplete", name))
	}
	t := &compiled{name: name, tree: tt.Tree}
	// Recorded before the body is compiled, so a template that calls itself
	// finds itself.
	c.byName[name] = t
	cur, scope, size := c.cur, c.scope, c.size
	c.cur, c.scope, c.size = name, []string{"$"}, 1
	t.run = c.list(tt.Root)
	t.size = c.size
	c.cur, c.scope, c.size = cur, scope, size
	return t
}

// Variables. text/template keeps a stack of named variables and searches it
// by name; the stack at any point of a template is the same on every
// execution (declarations push, the end of an if, with or range pops), so
// the compiler mirrors it and gives each variable a fixed slot.

func (c *compiler) declare(name string) int {
	c.scope = append(c.scope, name)
	c.size = max(c.size, len(c.scope))
	return len(c.scope) - 1
}

func (c *compiler) lookupVar(name string) (int, bool) {
	for i := len(c.scope) - 1; i >= 0; i-- {
		if c.scope[i] == name {
			return i, true
		}
	}
	return 0, false
}

func (c *compiler) mark() int { return len(c.scope) }

func (c *compiler) pop(mark int) { c.scope = c.scope[:mark] }

// Walk: the nodes that write.

func (c *compiler) list(l *parse.ListNode) stepFn {
	steps := make([]stepFn, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		steps = append(steps, c.node(n))
	}
	switch len(steps) {
	case 1:
		step := steps[0]
		return func(s *state, dot reflect.Value) {
			s.at(l)
			step(s, dot)
		}
	}
	return func(s *state, dot reflect.Value) {
		s.at(l)
		for _, step := range steps {
			step(s, dot)
		}
	}
}

func (c *compiler) node(node parse.Node) stepFn {
	switch n := node.(type) {
	case *parse.ActionNode:
		return c.action(n)
	case *parse.BreakNode:
		return func(s *state, dot reflect.Value) {
			s.at(n)
			panic(walkBreak)
		}
	case *parse.CommentNode:
		return func(s *state, dot reflect.Value) { s.at(n) }
	case *parse.ContinueNode:
		return func(s *state, dot reflect.Value) {
			s.at(n)
			panic(walkContinue)
		}
	case *parse.IfNode:
		return c.ifOrWith(n, false, n.Pipe, n.List, n.ElseList)
	case *parse.ListNode:
		return c.list(n)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateCall(n)
	case *parse.TextNode:
		text := n.Text
		return func(s *state, dot reflect.Value) {
			s.at(n)
			s.write(text)
		}
	case *parse.WithNode:
		return c.ifOrWith(n, true, n.Pipe, n.List, n.ElseList)
	}
	c.unsupported(node, "unknown node")
	return nil
}

// action prints its pipeline's value, unless the pipeline declares
// variables. Nearly every action html/template has escaped ends in escapers
// ({{.T "x" | _html_template_attrescaper}}): those are called directly and
// their string written as it is, which is what printing a string does.
func (c *compiler) action(n *parse.ActionNode) stepFn {
	// Variables declared here persist until the enclosing block ends.
	if len(n.Pipe.Decl) > 0 {
		pipe := c.pipeline(n.Pipe, true)
		return func(s *state, dot reflect.Value) {
			s.at(n)
			pipe(s, dot)
		}
	}
	cmds := n.Pipe.Cmds
	k := len(cmds)
	for k > 1 && c.isStringFilter(cmds[k-1]) {
		k--
	}
	if k == len(cmds) {
		pipe := c.pipeline(n.Pipe, true)
		return func(s *state, dot reflect.Value) {
			s.at(n)
			s.printValue(n, pipe(s, dot))
		}
	}
	prefix := c.commands(n.Pipe, cmds[:k])
	filters := make([]*stringFunc, 0, len(cmds)-k)
	for _, cmd := range cmds[k:] {
		filters = append(filters, c.stringFunc(cmd))
	}
	return func(s *state, dot reflect.Value) {
		s.at(n)
		v := prefix(s, dot)
		f := filters[0]
		s.at(f.ident)
		str := f.callValue(s, v)
		for _, f := range filters[1:] {
			s.at(f.ident)
			str = f.call1(s, str)
		}
		s.at(n)
		s.writeString(str)
	}
}

func (c *compiler) ifOrWith(n parse.Node, with bool, pipe *parse.PipeNode, list, elseList *parse.ListNode) stepFn {
	mark := c.mark()
	p := c.pipeline(pipe, true)
	// Both branches see the pipeline's variables; neither sees the other's.
	inner := c.mark()
	body := c.list(list)
	c.pop(inner)
	var els stepFn
	if elseList != nil {
		els = c.list(elseList)
	}
	c.pop(mark)
	return func(s *state, dot reflect.Value) {
		s.at(n)
		val := p(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			s.errorf("if/with can't use %v", val)
		}
		if truth {
			if with {
				body(s, val)
			} else {
				body(s, dot)
			}
		} else if els != nil {
			els(s, dot)
		}
	}
}

func (c *compiler) rangeNode(r *parse.RangeNode) stepFn {
	mark := c.mark()
	pipe := c.pipeline(r.Pipe, true)
	// The range variables' slots: declared by the pipeline just now, or, for
	// {{range $i, $e = …}}, the variables assigned.
	decl := make([]int, len(r.Pipe.Decl))
	for i, v := range r.Pipe.Decl {
		if !r.Pipe.IsAssign {
			// text/template sets the top of its stack, where the
			// pipeline has just pushed them.
			decl[i] = c.mark() - len(decl) + i
			continue
		}
		slot, ok := c.lookupVar(v.Ident[0])
		if !ok {
			c.unsupported(r, "undefined range variable "+v.Ident[0])
		}
		decl[i] = slot
	}
	if hasJumps(r.ElseList) {
		// text/template catches a break there as this range's, and lets
		// a continue escape: rare enough not to copy.
		c.unsupported(r, "break or continue in a range's else")
	}
	inner := c.mark()
	body := c.list(r.List)
	c.pop(inner)
	var els stepFn
	if r.ElseList != nil {
		els = c.list(r.ElseList)
	}
	c.pop(mark)
	jumps := hasJumps(r.List)
	it := &rangeLoop{node: r, decl: decl, assign: r.Pipe.IsAssign, body: body, jumps: jumps}
	return func(s *state, dot reflect.Value) {
		s.at(r)
		val, _ := indirect(pipe(s, dot))
		if it.run(s, val) {
			return
		}
		if els != nil {
			els(s, dot)
		}
	}
}

// hasJumps reports whether a range body holds a {{break}} or {{continue}} of
// its own: only then does each iteration need text/template's recover.
func hasJumps(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.BreakNode, *parse.ContinueNode:
		return true
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, x := range n.Nodes {
			if hasJumps(x) {
				return true
			}
		}
	case *parse.IfNode:
		return hasJumps(n.List) || hasJumps(n.ElseList)
	case *parse.WithNode:
		return hasJumps(n.List) || hasJumps(n.ElseList)
	case *parse.RangeNode:
		// Its own body's jumps are its own (its else list's are refused).
		return false
	}
	return false
}

func (c *compiler) templateCall(n *parse.TemplateNode) stepFn {
	callee := c.template(n.Name)
	// Variables declared by the pipeline persist, in the caller.
	pipe := c.pipeline(n.Pipe, true)
	return func(s *state, dot reflect.Value) {
		s.at(n)
		if callee == nil {
			s.errorf("template %q not defined", n.Name)
		}
		if s.depth == maxExecDepth {
			s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
		}
		s.call(callee, pipe(s, dot))
	}
}

// Eval: pipelines, commands and their arguments.

// pipeline compiles a pipeline; topLevel is false for a parenthesized one.
// A parenthesized pipeline that declares variables is not supported: whether
// its declaration runs can depend on the data (and, or), so its variables
// have no fixed place.
func (c *compiler) pipeline(pipe *parse.PipeNode, topLevel bool) pipeFn {
	if pipe == nil {
		return func(*state, reflect.Value) reflect.Value { return zero }
	}
	if len(pipe.Decl) > 0 && !topLevel {
		c.unsupported(pipe, "a parenthesized pipeline that declares variables")
	}
	eval := c.commands(pipe, pipe.Cmds)
	if len(pipe.Decl) == 0 {
		return eval
	}
	// The variables are declared after the commands are evaluated: the
	// commands do not see them.
	slots := make([]int, len(pipe.Decl))
	for i, v := range pipe.Decl {
		name := v.Ident[0]
		if !pipe.IsAssign {
			slots[i] = c.declare(name)
			continue
		}
		slot, ok := c.lookupVar(name)
		if !ok {
			return func(s *state, dot reflect.Value) reflect.Value {
				eval(s, dot)
				s.errorf("undefined variable: %s", name)
				return zero
			}
		}
		slots[i] = slot
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		v := eval(s, dot)
		for _, slot := range slots {
			s.setVar(slot, v)
		}
		return v
	}
}

// commands compiles the commands of pipe (all of them, or the first few).
func (c *compiler) commands(pipe *parse.PipeNode, cmds []*parse.CommandNode) pipeFn {
	fns := make([]cmdFn, len(cmds))
	for i, cmd := range cmds {
		fns[i] = c.command(cmd, i > 0)
	}
	if len(fns) == 1 {
		fn := fns[0]
		return func(s *state, dot reflect.Value) reflect.Value {
			s.at(pipe)
			return digInterface(fn(s, dot, missingVal))
		}
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		s.at(pipe)
		value := missingVal
		for _, fn := range fns {
			value = digInterface(fn(s, dot, value)) // previous value is this one's final arg.
		}
		return value
	}
}

// digInterface digs into a value of type interface{} for the thing inside,
// as text/template does after each command.
func digInterface(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

// command compiles one command; hasFinal says whether a value is piped in.
func (c *compiler) command(cmd *parse.CommandNode, hasFinal bool) cmdFn {
	firstWord := cmd.Args[0]
	hasArgs := len(cmd.Args) > 1 || hasFinal
	switch n := firstWord.(type) {
	case *parse.FieldNode:
		sites := c.fieldSites(n, n.Ident, cmd.Args[1:])
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(n)
			return s.evalFieldChain(dot, dot, sites, final)
		}
	case *parse.ChainNode:
		return c.chain(n, cmd.Args[1:])
	case *parse.IdentifierNode:
		// Must be a function.
		return c.function(n, cmd, cmd.Args[1:])
	case *parse.PipeNode:
		// Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
		pipe := c.pipeline(n, false)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.notAFunction(hasArgs, firstWord)
			return pipe(s, dot)
		}
	case *parse.VariableNode:
		return c.variable(n, cmd.Args[1:])
	}
	var value reflect.Value
	switch word := firstWord.(type) {
	case *parse.BoolNode:
		value = reflect.ValueOf(word.True)
	case *parse.DotNode:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(firstWord)
			s.notAFunction(hasArgs, firstWord)
			return dot
		}
	case *parse.NilNode:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(firstWord)
			s.notAFunction(hasArgs, firstWord)
			s.errorf("nil is not a command")
			return zero
		}
	case *parse.NumberNode:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(firstWord)
			s.notAFunction(hasArgs, firstWord)
			return s.idealConstant(word)
		}
	case *parse.StringNode:
		value = reflect.ValueOf(word.Text)
	default:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(firstWord)
			s.notAFunction(hasArgs, firstWord)
			s.errorf("can't evaluate command %q", firstWord)
			return zero
		}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		s.at(firstWord)
		s.notAFunction(hasArgs, firstWord)
		return value
	}
}

// fieldSites compiles the identifiers of a field chain applied to node's
// value; args are the arguments of the last one.
func (c *compiler) fieldSites(node parse.Node, idents []string, args []parse.Node) []*fieldSite {
	sites := make([]*fieldSite, len(idents))
	for i, id := range idents {
		sites[i] = &fieldSite{name: id, node: node}
	}
	sites[len(sites)-1].args = c.args(args)
	return sites
}

func (c *compiler) chain(chain *parse.ChainNode, args []parse.Node) cmdFn {
	if len(chain.Field) == 0 {
		c.unsupported(chain, "no fields in chain")
	}
	switch chain.Node.Type() {
	case parse.NodeNil:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(chain)
			s.errorf("indirection through explicit nil in %s", chain)
			return zero
		}
	case parse.NodeBool, parse.NodeNumber, parse.NodeString:
		// The parser refuses a field of a constant.
		c.unsupported(chain, "field of a constant")
	}
	// (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
	base := c.arg(chain.Node)
	sites := c.fieldSites(chain, chain.Field, args)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		s.at(chain)
		pipe := base.eval(s, dot, nil)
		return s.evalFieldChain(dot, pipe, sites, final)
	}
}

func (c *compiler) variable(v *parse.VariableNode, args []parse.Node) cmdFn {
	name := v.Ident[0]
	slot, ok := c.lookupVar(name)
	if !ok {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(v)
			s.errorf("undefined variable: %s", name)
			return zero
		}
	}
	if len(v.Ident) == 1 {
		hasArgs := len(args) > 0
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(v)
			value := s.varValue(slot)
			s.notAFunction(hasArgs || !isMissing(final), v)
			return value
		}
	}
	// $x.Field has $x as the first ident, Field as the second. Eval the var, then the fields.
	sites := c.fieldSites(v, v.Ident[1:], args)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		s.at(v)
		return s.evalFieldChain(dot, s.varValue(slot), sites, final)
	}
}

func (c *compiler) args(nodes []parse.Node) []arg {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]arg, len(nodes))
	for i, n := range nodes {
		out[i] = c.arg(n)
	}
	return out
}

// arg compiles an argument, to be evaluated for a parameter of type typ
// (text/template's evalArg); typ is nil for the base of a chain.
func (c *compiler) arg(n parse.Node) arg {
	a := arg{node: n}
	switch x := n.(type) {
	case *parse.DotNode:
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(dot, typ)
		}
	case *parse.FieldNode:
		sites := c.fieldSites(x, x.Ident, nil)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(x)
			return s.validateType(s.evalFieldChain(dot, dot, sites, missingVal), typ)
		}
	case *parse.VariableNode:
		v := c.variable(x, nil)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(v(s, dot, missingVal), typ)
		}
	case *parse.PipeNode:
		pipe := c.pipeline(x, false)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(pipe(s, dot), typ)
		}
	case *parse.IdentifierNode:
		f := c.function(x, x, nil)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(f(s, dot, missingVal), typ)
		}
	case *parse.ChainNode:
		ch := c.chain(x, nil)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			s.at(n)
			return s.validateType(ch(s, dot, missingVal), typ)
		}
	case *parse.StringNode:
		// A string constant for a string parameter is by far the most
		// common argument ({{.T "key"}}): its value is made once.
		value := reflect.ValueOf(x.Text)
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			if typ == stringType {
				s.at(n)
				return value
			}
			return s.evalConstArg(dot, typ, n)
		}
	case *parse.BoolNode, *parse.NumberNode, *parse.NilNode:
		a.eval = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
			return s.evalConstArg(dot, typ, n)
		}
	default:
		c.unsupported(n, "argument")
	}
	return a
}

// Functions.

// findFunction looks for a function in the set's functions, then the builtins.
func (c *compiler) findFunction(name string) (v reflect.Value, isBuiltin, ok bool) {
	if fn := c.funcs[name]; fn.IsValid() {
		return fn, false, true
	}
	if fn := c.builtins[name]; fn.IsValid() {
		return fn, true, true
	}
	return reflect.Value{}, false, false
}

// keepsNoArgs reports whether the function of that name is known not to
// keep the slice of arguments it is called with.
func keepsNoArgs(name string, isBuiltin bool) bool {
	if isBuiltin {
		switch name {
		case "print", "println", "html", "js", "urlquery":
			return true
		}
		return false
	}
	// html/template registers its escapers under these names, over any
	// function of the same name.
	return strings.HasPrefix(name, "_html_template_")
}

// isStringFilter reports whether cmd is a func(...any) string applied to the
// piped value alone, like _html_template_htmlescaper.
func (c *compiler) isStringFilter(cmd *parse.CommandNode) bool {
	ident, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || len(cmd.Args) != 1 {
		return false
	}
	fn, _, ok := c.findFunction(ident.Ident)
	if !ok {
		return false
	}
	_, ok = fn.Interface().(func(...any) string)
	return ok
}

func (c *compiler) stringFunc(cmd *parse.CommandNode) *stringFunc {
	ident := cmd.Args[0].(*parse.IdentifierNode)
	fn, isBuiltin, _ := c.findFunction(ident.Ident)
	return &stringFunc{ident: ident, cmd: cmd, name: ident.Ident, fn: fn.Interface().(func(...any) string), value: fn, sig: newSignature(fn.Type()),
		keepsNoArgs: keepsNoArgs(ident.Ident, isBuiltin)}
}

// function compiles a call of a function by name; cmd is the node a failed
// call's error points at, args the arguments after the name.
func (c *compiler) function(ident *parse.IdentifierNode, cmd parse.Node, argNodes []parse.Node) cmdFn {
	name := ident.Ident
	fn, isBuiltin, ok := c.findFunction(name)
	if !ok {
		// The parser refuses a name that is not a function, and html/template
		// registers its escapers before it executes: a name missing here
		// means this package read the set wrongly.
		c.unsupported(ident, fmt.Sprintf("no function %q in the set", name))
	}
	args := c.args(argNodes)
	sig := newSignature(fn.Type())
	if isBuiltin && (name == "and" || name == "or") {
		return c.andOr(ident, name, sig, args)
	}
	if isBuiltin && name == "call" {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(ident)
			return s.evalBuiltinCall(dot, sig, cmd, args, final)
		}
	}
	if str, ok := fn.Interface().(func(...any) string); ok {
		f := &stringFunc{ident: ident, cmd: cmd, name: name, fn: str, value: fn, sig: sig, keepsNoArgs: keepsNoArgs(name, isBuiltin)}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			s.at(ident)
			return reflect.ValueOf(f.callArgs(s, dot, args, final))
		}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		s.at(ident)
		return s.evalCall(dot, fn, sig, cmd, name, args, final)
	}
}

// andOr compiles the builtins and and or, which text/template evaluates
// itself so that they stop at the first argument that settles the answer.
func (c *compiler) andOr(ident *parse.IdentifierNode, name string, sig *signature, args []arg) cmdFn {
	or := name == "or"
	return func(s *state, dot, final reflect.Value) reflect.Value {
		s.at(ident)
		numIn := len(args)
		if !isMissing(final) {
			numIn++
		}
		if numIn < sig.numIn-1 {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, sig.numIn-1, len(args))
		}
		argType := sig.in[0]
		var v reflect.Value
		for _, arg := range args {
			v = arg.eval(s, dot, argType).Interface().(reflect.Value)
			if truth(v) == or {
				// This value was already unwrapped
				// by the .Interface().(reflect.Value).
				return v
			}
		}
		if !final.Equal(missingVal) {
			// The last argument to and/or is coming from
			// the pipeline. We didn't short circuit on an earlier
			// argument, so we are going to return this one.
			// We don't have to evaluate final, but we do
			// have to check its type. Then, since we are
			// going to return it, we have to unwrap it.
			v = unwrap(s.validateType(final, argType))
		}
		return v
	}
}
