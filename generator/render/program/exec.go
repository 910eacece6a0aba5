package program

import (
	"fmt"
	"io"
	"reflect"
	"sort"
)

// Writer is where a Program writes a page.
type Writer interface {
	io.Writer
	io.StringWriter
}

// fallback is the panic that ends a run which html/template must redo.
type fallback struct{ why string }

// writeError is the panic that ends a run whose writer failed.
type writeError struct{ err error }

func bail(why string) { panic(fallback{why}) }

// Execute runs the template name with data. On ErrFallback, or any other
// error, w may hold part of a page: the caller discards it.
func (p *Program) Execute(w Writer, name string, data any) (err error) {
	t := p.tree(name)
	if t == nil {
		p.lastWhy.Store(name + ": " + p.WhyNot(name))
		p.fallbacks.Add(1)
		return ErrFallback
	}
	s := &state{p: p, w: w, vars: make([]variable, 1, 16)}
	dot := reflect.ValueOf(data)
	s.vars[0] = variable{"$", dot}
	defer func() {
		if r := recover(); r != nil {
			if we, ok := r.(writeError); ok {
				err = we.err
				return
			}
			// A fallback, or a panic in a function the template
			// called: html/template reports the latter as an error.
			why := fmt.Sprint("panic: ", r)
			if f, ok := r.(fallback); ok {
				why = f.why
			}
			p.lastWhy.Store(name + ": " + why)
			p.fallbacks.Add(1)
			err = ErrFallback
		}
	}()
	s.list(dot, t.root)
	return nil
}

type variable struct {
	name  string
	value reflect.Value
}

// state is one run of a Program.
type state struct {
	p     *Program
	w     Writer
	vars  []variable
	base  int // the first variable of the template being run
	depth int
}

// control is how a list of nodes ended: normally, or at {{break}} or
// {{continue}}.
type control int

const (
	ctlNone control = iota
	ctlBreak
	ctlContinue
)

type node interface {
	run(s *state, dot reflect.Value) control
}

type (
	textNode   []byte
	actionNode struct {
		pipe  *pipeline
		print bool
	}
	branchNode struct {
		with           bool // {{with}}, else {{if}}
		pipe           *pipeline
		list, elseList []node
		hasElse        bool
	}
	rangeNode struct {
		pipe           *pipeline
		list, elseList []node
		hasElse        bool
	}
	templateNode struct {
		name string
		pipe *pipeline // nil: no pipeline
		tmpl *compiled
	}
	breakNode    struct{}
	continueNode struct{}
)

func (s *state) list(dot reflect.Value, nodes []node) control {
	for _, n := range nodes {
		if c := n.run(s, dot); c != ctlNone {
			return c
		}
	}
	return ctlNone
}

func (t textNode) run(s *state, _ reflect.Value) control {
	if _, err := s.w.Write(t); err != nil {
		panic(writeError{err})
	}
	return ctlNone
}

func (a *actionNode) run(s *state, dot reflect.Value) control {
	v := s.pipeline(dot, a.pipe)
	if a.print {
		// The pipeline ends in an escaper, which returns a string.
		if v.Kind() != reflect.String {
			bail("printed value is not a string")
		}
		if _, err := s.w.WriteString(v.String()); err != nil {
			panic(writeError{err})
		}
	}
	return ctlNone
}

func (breakNode) run(*state, reflect.Value) control    { return ctlBreak }
func (continueNode) run(*state, reflect.Value) control { return ctlContinue }

func (b *branchNode) run(s *state, dot reflect.Value) control {
	mark := len(s.vars)
	val := s.pipeline(dot, b.pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		bail("if/with of a value with no truth")
	}
	c := ctlNone
	switch {
	case truth && b.with:
		c = s.list(val, b.list)
	case truth:
		c = s.list(dot, b.list)
	case b.hasElse:
		c = s.list(dot, b.elseList)
	}
	s.vars = s.vars[:mark]
	return c
}

func (r *rangeNode) run(s *state, dot reflect.Value) control {
	mark := len(s.vars)
	val, _ := indirect(s.pipeline(dot, r.pipe))
	inner := len(s.vars)
	decl, assign := r.pipe.decl, r.pipe.assign
	one := func(index, elem reflect.Value) control {
		if len(decl) > 0 {
			switch {
			case assign && len(decl) > 1:
				s.setVar(decl[0], index)
			case assign:
				s.setVar(decl[0], elem)
			default:
				s.setTopVar(1, elem)
			}
		}
		if len(decl) > 1 {
			if assign {
				s.setVar(decl[1], elem)
			} else {
				s.setTopVar(2, index)
			}
		}
		c := s.list(elem, r.list)
		s.vars = s.vars[:inner]
		return c
	}
	ran := false
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		for i := 0; i < val.Len(); i++ {
			ran = true
			if one(reflect.ValueOf(i), val.Index(i)) == ctlBreak {
				break
			}
		}
	case reflect.Map:
		for _, k := range sortedKeys(val) {
			ran = true
			if one(k, val.MapIndex(k)) == ctlBreak {
				break
			}
		}
	case reflect.Invalid:
		// a nil map or pointer: the else branch, as in text/template
	default:
		bail("range over " + val.Kind().String())
	}
	c := ctlNone
	if !ran && r.hasElse {
		c = s.list(dot, r.elseList)
	}
	s.vars = s.vars[:mark]
	return c
}

// sortedKeys returns a map's keys in text/template's order, for the key
// kinds whose order is plain: strings and integers.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	default:
		bail("range over a map keyed by " + m.Type().Key().String())
	}
	return keys
}

func (t *templateNode) run(s *state, dot reflect.Value) control {
	if t.pipe != nil {
		dot = s.pipeline(dot, t.pipe) // its variables stay with the caller
	} else {
		dot = reflect.Value{}
	}
	if s.depth >= 10000 {
		bail("templates nested too deep")
	}
	base := s.base
	s.base = len(s.vars)
	s.vars = append(s.vars, variable{"$", dot})
	s.depth++
	s.list(dot, t.tmpl.root)
	s.depth--
	s.vars = s.vars[:s.base]
	s.base = base
	return ctlNone
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	bail("undefined variable " + name)
	return reflect.Value{}
}

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	bail("undefined variable " + name)
}

func (s *state) setTopVar(n int, v reflect.Value) {
	s.vars[len(s.vars)-n].value = v
}

// pipeline runs the commands of p, each one's result the last argument
// of the next, and declares or assigns its variables.
func (s *state) pipeline(dot reflect.Value, p *pipeline) reflect.Value {
	var value reflect.Value
	has := false
	for _, c := range p.cmds {
		value = s.command(dot, c, value, has)
		has = true
		// An interface{} is looked into, as text/template does.
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = reflect.ValueOf(value.Interface())
		}
	}
	for _, name := range p.decl {
		if p.assign {
			s.setVar(name, value)
		} else {
			s.vars = append(s.vars, variable{name, value})
		}
	}
	return value
}

type pipeline struct {
	decl   []string
	assign bool
	cmds   []*command
}

type command struct {
	head *arg
	args []*arg
}

type argKind int

const (
	argDot argKind = iota
	argNil
	argBool
	argString
	argInt
	argField
	argVar
	argFunc
	argChain
	argPipe
)

// arg is one word of a command.
type arg struct {
	kind     argKind
	text     string // a string constant, a variable or function name
	num      int64
	constant reflect.Value
	fields   []*fieldStep
	fn       reflect.Value
	direct   caller                             // calls fn without reflection, if not nil
	builtin  string                             // an escaper's or built-in function's name
	esc      func(reflect.Value) (string, bool) // the escaper, if it is one
	inner    *arg                               // what a chain starts from
	pipe     *pipeline
}

func (s *state) command(dot reflect.Value, c *command, final reflect.Value, hasFinal bool) reflect.Value {
	h := c.head
	switch h.kind {
	case argField:
		return s.fieldChain(dot, dot, h.fields, c.args, final, hasFinal)
	case argChain:
		return s.fieldChain(dot, s.evalArg(dot, nil, h.inner), h.fields, c.args, final, hasFinal)
	case argVar:
		v := s.varValue(h.text)
		if len(h.fields) == 0 {
			if len(c.args) > 0 || hasFinal {
				bail("argument to a variable")
			}
			return v
		}
		return s.fieldChain(dot, v, h.fields, c.args, final, hasFinal)
	case argFunc:
		return s.callIdent(dot, h, c.args, final, hasFinal)
	}
	if hasFinal {
		bail("argument to a non-function")
	}
	switch h.kind {
	case argPipe:
		return s.pipeline(dot, h.pipe)
	case argDot:
		return dot
	}
	return h.constant
}
