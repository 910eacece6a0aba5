package quality

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
)

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`    // error, info, non-document-error
	SubType   string `json:"subType"` // warning (for info), fatal, io
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	Column    int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// Validate runs the Nu HTML Checker (vnu.jar) once, over every file at
// once since the JVM is slow to start: .html files as HTML, .css as CSS,
// .svg as SVG. Every error and every warning is a problem; info messages
// are not. Pages are named relative to root.
func Validate(ctx context.Context, java, jar, root string, files []string) ([]Problem, error) {
	args := []string{"-jar", jar, "--format", "json", "--exit-zero-always", "--also-check-css", "--also-check-svg"}
	cmd := exec.CommandContext(ctx, java, append(args, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("vnu: %v\n%s", err, stderr.String())
	}
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("vnu: reading its output: %v\n%s", err, stderr.String())
	}
	var ps []Problem
	for _, m := range out.Messages {
		if m.Type == "info" && m.SubType != "warning" {
			continue
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine
		}
		kind := m.Type
		if m.SubType != "" {
			kind = m.SubType
		}
		msg := fmt.Sprintf("line %d: %s: %s", line, kind, m.Message)
		if x := strings.TrimSpace(m.Extract); x != "" {
			msg += " [" + strings.Join(strings.Fields(x), " ") + "]"
		}
		ps = append(ps, Problem{relPage(root, m.URL), "vnu", msg})
	}
	return ps, nil
}

// relPage turns vnu's file: URL back into a path below root.
func relPage(root, u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "file" {
		return u
	}
	if rel, err := filepath.Rel(root, p.Path); err == nil {
		return filepath.ToSlash(rel)
	}
	return p.Path
}
