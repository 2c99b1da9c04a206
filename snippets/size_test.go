package snippets

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Limits on the functions of the packages that decide what code blocks
// do, so that each reads as one idea: a new phrasing is a new rule, not
// a branch in a long function.
const (
	maxFuncLines  = 60
	maxComplexity = 20
)

// sizeExempt are the code that is long by nature: the shell interpreter
// follows the shell's grammar, and the install script is a script.
var sizeExempt = []string{"shell/", "manifest/install.go", "manifest/script.go"}

// TestFunctionSize checks every function of snippets/ and its packages
// (the exempt aside) against maxFuncLines and maxComplexity.
func TestFunctionSize(t *testing.T) {
	fset := token.NewFileSet()
	n := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || exempt(filepath.ToSlash(p)) {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			n++
			start, end := fset.Position(fn.Pos()), fset.Position(fn.End())
			if lines := end.Line - start.Line + 1; lines > maxFuncLines {
				t.Errorf("%s: %s is %d lines long, more than %d", start, fn.Name.Name, lines, maxFuncLines)
			}
			if c := complexity(fn); c > maxComplexity {
				t.Errorf("%s: %s has cyclomatic complexity %d, more than %d", start, fn.Name.Name, c, maxComplexity)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d functions read: is the walk in the right directory?", n)
	}
}

func exempt(p string) bool {
	for _, e := range sizeExempt {
		if strings.HasPrefix(p, e) {
			return true
		}
	}
	return false
}

// complexity is the cyclomatic complexity of fn as gocyclo counts it:
// one, plus one for each if, for, range, case of a switch or select
// other than default, && and ||. Function literals count in the
// function that holds them.
func complexity(fn *ast.FuncDecl) int {
	c := 1
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}
