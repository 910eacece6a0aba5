package program

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// ErrFallback reports that a Program did not run a page to its end: the
// caller discards what was written and runs html/template instead.
var ErrFallback = errors.New("program: run html/template instead")

// Program is one html/template set, compiled from its escaped trees. It is
// safe for concurrent use.
type Program struct {
	set     *template.Template
	funcs   map[string]reflect.Value
	methods map[methodKey]caller
	mu      sync.Mutex
	trees   map[string]*compiled // by template name; nil: not supported
	why     map[string]string    // by template name: what is not supported
	// fallbacks counts the runs that returned ErrFallback, lastWhy says
	// why the last one did.
	fallbacks atomic.Int64
	lastWhy   atomic.Value // string
}

// compiled is one template's body.
type compiled struct {
	root []node
}

// New compiles the templates of set that execution reaches from the ones
// it is asked to run. funcs are the functions the set was given with
// Funcs; html/template's escapers and text/template's built-in functions
// are known here. set must have been executed once (or escaped by an
// ExecuteTemplate that failed): html/template escapes a tree on its first
// execution, and an unescaped tree is never run.
//
// methods are methods the templates call that the program calls without
// reflection (Direct); it calls the others, and the functions of
// signatures it does not know (funcCaller), through reflection.
func New(set *template.Template, funcs template.FuncMap, methods ...Direct) *Program {
	p := &Program{set: set, funcs: map[string]reflect.Value{}, methods: map[methodKey]caller{}, trees: map[string]*compiled{}, why: map[string]string{}}
	for name, f := range funcs {
		p.funcs[name] = reflect.ValueOf(f)
	}
	for _, m := range methods {
		p.methods[methodKey{m.recv, m.name}] = m.call
	}
	return p
}

// Fallbacks returns how many runs returned ErrFallback, and why the last
// one did ("" if none did).
func (p *Program) Fallbacks() (n int64, last string) {
	last, _ = p.lastWhy.Load().(string)
	return p.fallbacks.Load(), last
}

// tree returns the compiled template name, or nil when it cannot be run
// here. Compiling is done once per name.
func (p *Program) tree(name string) *compiled {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.treeLocked(name)
}

func (p *Program) treeLocked(name string) *compiled {
	if c, ok := p.trees[name]; ok {
		return c
	}
	p.trees[name] = nil // a template that calls itself is compiled once
	t := p.set.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil || !escaped(t.Tree.Root) {
		p.why[name] = "not escaped by html/template"
		return nil
	}
	c := &compiled{}
	cp := compiler{p: p}
	root, ok := cp.list(t.Tree.Root)
	if !ok {
		p.why[name] = cp.why + " is not run here"
		return nil
	}
	c.root = root
	p.trees[name] = c
	for _, called := range cp.calls {
		if p.treeLocked(called.name) == nil {
			p.trees[name] = nil
			p.why[name] = fmt.Sprintf("calls %q: %s", called.name, cmp.Or(p.why[called.name], "itself"))
			return nil
		}
		called.tmpl = p.trees[called.name]
	}
	return c
}

// WhyNot says why the template name cannot run here ("" if it can).
func (p *Program) WhyNot(name string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.why[name]
}

// escaped reports whether html/template has rewritten the tree: its
// printed actions end in an escaper. A tree with no printed action is
// taken as escaped; html/template marks nothing else.
func escaped(root *parse.ListNode) bool {
	ok := true
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 && escaperOf(n.Pipe) == "" {
				ok = false
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(root)
	return ok
}

// escaperOf returns the name of the escaper that ends pipe, or "".
func escaperOf(pipe *parse.PipeNode) string {
	if len(pipe.Cmds) == 0 {
		return ""
	}
	last := pipe.Cmds[len(pipe.Cmds)-1]
	if id, ok := last.Args[0].(*parse.IdentifierNode); ok && len(last.Args) == 1 {
		if _, ok := escapers[id.Ident]; ok {
			return id.Ident
		}
	}
	return ""
}

// compiler turns one parse tree into nodes; ok false means a construct
// that is not supported.
type compiler struct {
	p     *Program
	calls []*templateNode
	why   string // the first node that is not supported
}

func (c *compiler) list(l *parse.ListNode) ([]node, bool) {
	if l == nil {
		return nil, true
	}
	out := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		cn, ok := c.node(n)
		if !ok {
			if c.why == "" {
				c.why = n.String()
			}
			return nil, false
		}
		if cn != nil {
			out = append(out, cn)
		}
	}
	return out, true
}

func (c *compiler) node(n parse.Node) (node, bool) {
	switch n := n.(type) {
	case *parse.TextNode:
		return textNode(n.Text), true
	case *parse.CommentNode:
		return nil, true
	case *parse.ActionNode:
		pipe, ok := c.pipe(n.Pipe)
		if !ok {
			return nil, false
		}
		return &actionNode{pipe: pipe, print: len(n.Pipe.Decl) == 0}, true
	case *parse.IfNode:
		return c.branch(false, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		return c.branch(true, n.Pipe, n.List, n.ElseList)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		t := &templateNode{name: n.Name}
		if n.Pipe != nil {
			pipe, ok := c.pipe(n.Pipe)
			if !ok {
				return nil, false
			}
			t.pipe = pipe
		}
		c.calls = append(c.calls, t)
		return t, true
	case *parse.BreakNode:
		return breakNode{}, true
	case *parse.ContinueNode:
		return continueNode{}, true
	}
	return nil, false
}

func (c *compiler) branch(with bool, p *parse.PipeNode, list, elseList *parse.ListNode) (node, bool) {
	pipe, ok := c.pipe(p)
	if !ok {
		return nil, false
	}
	b := &branchNode{with: with, pipe: pipe}
	if b.list, ok = c.list(list); !ok {
		return nil, false
	}
	if b.elseList, ok = c.list(elseList); !ok {
		return nil, false
	}
	b.hasElse = elseList != nil
	return b, true
}

func (c *compiler) rangeNode(n *parse.RangeNode) (node, bool) {
	pipe, ok := c.pipe(n.Pipe)
	if !ok || len(n.Pipe.Decl) > 2 {
		return nil, false
	}
	r := &rangeNode{pipe: pipe}
	if r.list, ok = c.list(n.List); !ok {
		return nil, false
	}
	if r.elseList, ok = c.list(n.ElseList); !ok {
		return nil, false
	}
	r.hasElse = n.ElseList != nil
	return r, true
}

func (c *compiler) pipe(p *parse.PipeNode) (*pipeline, bool) {
	out := &pipeline{assign: p.IsAssign}
	for _, v := range p.Decl {
		if len(v.Ident) != 1 {
			return nil, false
		}
		out.decl = append(out.decl, v.Ident[0])
	}
	for _, cmd := range p.Cmds {
		cc, ok := c.command(cmd)
		if !ok {
			return nil, false
		}
		out.cmds = append(out.cmds, cc)
	}
	return out, len(out.cmds) > 0
}

// command compiles one command of a pipeline: its first word says what
// it is, the others are arguments.
func (c *compiler) command(cmd *parse.CommandNode) (*command, bool) {
	out := &command{}
	for _, a := range cmd.Args[1:] {
		ca, ok := c.arg(a)
		if !ok {
			return nil, false
		}
		out.args = append(out.args, ca)
	}
	first, ok := c.arg(cmd.Args[0])
	if !ok {
		return nil, false
	}
	switch first.kind {
	case argFunc, argField, argVar, argChain:
		out.head = first
		return out, true
	}
	// A constant, dot or a parenthesised pipeline takes no arguments.
	if len(out.args) > 0 || first.kind == argNil {
		return nil, false
	}
	out.head = first
	return out, true
}

// arg compiles one word of a command.
func (c *compiler) arg(n parse.Node) (*arg, bool) {
	switch n := n.(type) {
	case *parse.DotNode:
		return &arg{kind: argDot}, true
	case *parse.NilNode:
		return &arg{kind: argNil}, true
	case *parse.BoolNode:
		return &arg{kind: argBool, constant: reflect.ValueOf(n.True)}, true
	case *parse.StringNode:
		return &arg{kind: argString, text: n.Text, constant: reflect.ValueOf(n.Text)}, true
	case *parse.NumberNode:
		// Only plain decimal integers: text/template's rules for the
		// others (floats, runes, hex, overflow) are not repeated here.
		if !n.IsInt || !plainInt(n.Text) {
			return nil, false
		}
		if int64(int(n.Int64)) != n.Int64 {
			return nil, false
		}
		return &arg{kind: argInt, num: n.Int64, constant: reflect.ValueOf(int(n.Int64))}, true
	case *parse.FieldNode:
		return &arg{kind: argField, fields: fieldSteps(n.Ident)}, true
	case *parse.VariableNode:
		return &arg{kind: argVar, text: n.Ident[0], fields: fieldSteps(n.Ident[1:])}, true
	case *parse.IdentifierNode:
		f, b, ok := c.function(n.Ident)
		if !ok {
			return nil, false
		}
		a := &arg{kind: argFunc, text: n.Ident, fn: f, builtin: b, esc: escapers[b]}
		switch {
		case b != "":
			a.direct = builtinCallers[b]
		case f.IsValid():
			a.direct = funcCaller(f)
		}
		return a, true
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			return nil, false
		}
		inner, ok := c.arg(n.Node)
		if !ok || inner.kind < argField && inner.kind != argDot {
			return nil, false // a chain on a constant
		}
		return &arg{kind: argChain, inner: inner, fields: fieldSteps(n.Field)}, true
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return nil, false
		}
		p, ok := c.pipe(n)
		if !ok {
			return nil, false
		}
		return &arg{kind: argPipe, pipe: p}, true
	}
	return nil, false
}

// plainInt reports whether a number is written as decimal digits with an
// optional sign, which text/template reads as an int.
func plainInt(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// function finds a function by name: html/template's escapers, the
// set's own, then text/template's built-ins, in text/template's order.
func (c *compiler) function(name string) (reflect.Value, string, bool) {
	if _, ok := escapers[name]; ok {
		return reflect.Value{}, name, true // html/template's own win
	}
	if f, ok := c.p.funcs[name]; ok {
		if err := goodFunc(f.Type()); err != nil {
			return reflect.Value{}, "", false
		}
		return f, "", true
	}
	if f, ok := builtins[name]; ok {
		return f, name, true
	}
	return reflect.Value{}, "", false
}

var errorType = reflect.TypeFor[error]()

// goodFunc is text/template's rule for a callable: one result, or two
// with an error second.
func goodFunc(t reflect.Type) error {
	if t.Kind() != reflect.Func {
		return fmt.Errorf("not a function: %v", t)
	}
	switch {
	case t.NumOut() == 1:
		return nil
	case t.NumOut() == 2 && t.Out(1) == errorType:
		return nil
	}
	return fmt.Errorf("function %v has %d results", t, t.NumOut())
}

func fieldSteps(names []string) []*fieldStep {
	out := make([]*fieldStep, len(names))
	for i, n := range names {
		out[i] = &fieldStep{name: n}
	}
	return out
}

// Compiles reports whether the template name can run here: html/template
// has escaped it, and it uses nothing this package does not run.
func (p *Program) Compiles(name string) bool { return p.tree(name) != nil }
