package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"alisnord/generator/internal/treehash"
)

// snapshot sums every name, mode, symlink target and file content below
// dir, so that any change to the tree changes it.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	sum, _, err := treehash.Sum(dir)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// repoTree makes base/repo, a root with the sources and a .git, and
// returns base and the root.
func repoTree(t *testing.T) (base, root string) {
	base = t.TempDir()
	root = filepath.Join(base, "repo")
	for _, f := range []string{"content/om.md", "data/site.toml", "templates/base.html", ".git/HEAD", "README.md"} {
		writeFile(t, filepath.Join(root, f), "x")
	}
	return base, root
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRefusedOutput asks for output folders a build must not replace:
// each is refused with a *RefusedError naming the problem, and not one
// byte, mode or name below the temp folder changes.
func TestRefusedOutput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, base, root string) (out string)
		want  string
	}{
		{"folder with other files", func(t *testing.T, base, _ string) string {
			writeFile(t, filepath.Join(base, "Dokumenter", "brev.txt"), "kjære")
			return filepath.Join(base, "Dokumenter")
		}, "brev.txt"},
		{"a file", func(t *testing.T, base, _ string) string {
			writeFile(t, filepath.Join(base, "notat.txt"), "x")
			return filepath.Join(base, "notat.txt")
		}, "er en fil"},
		{"the root", func(*testing.T, string, string) string { return "." }, "er rotmappen"},
		{"content/", func(*testing.T, string, string) string { return "content" }, "er kildemappen content/"},
		{"inside data/", func(*testing.T, string, string) string { return "data/ut" }, "ligger i kildemappen data/"},
		{"folder containing the root", func(_ *testing.T, base, _ string) string { return base }, "inneholder rotmappen"},
		{"another repository", func(t *testing.T, base, _ string) string {
			writeFile(t, filepath.Join(base, "annet", ".git", "HEAD"), "x")
			writeFile(t, filepath.Join(base, "annet", ManifestName), ".git/HEAD\n")
			return filepath.Join(base, "annet")
		}, "ser ut som en kildemappe"},
		{"our manifest and a foreign file", func(t *testing.T, base, root string) string {
			out := filepath.Join(base, "site")
			if err := Write(root, out, []File{{"index.html", []byte("1")}, {"a/b.html", []byte("2")}}); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(out, "a", "notat.txt"), "mitt")
			os.Mkdir(filepath.Join(out, "tom"), 0o755)
			return out
		}, "2 filer eller mapper som ikke står i .alisnord-manifest: a/notat.txt, tom"},
		{"symlink to the root", func(t *testing.T, base, root string) string {
			os.Symlink(root, filepath.Join(base, "lenke"))
			return filepath.Join(base, "lenke")
		}, "er rotmappen"},
		{"dangling symlink", func(t *testing.T, base, _ string) string {
			os.Symlink(filepath.Join(base, "borte"), filepath.Join(base, "lenke"))
			return filepath.Join(base, "lenke")
		}, "symbolsk lenke"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base, root := repoTree(t)
			out := tc.setup(t, base, root)
			before := snapshot(t, base)
			err := Write(root, out, []File{{"index.html", []byte("ny")}})
			var refused *RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("Write(%q) = %v, want a *RefusedError", out, err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "ingenting er endret") {
				t.Errorf("message %q lacks %q", err, tc.want)
			}
			if after := snapshot(t, base); after != before {
				t.Error("a refused build changed the tree")
			}
		})
	}
}

// TestAcceptedOutput writes into what a build may replace: a missing
// folder (relative to the root), an empty one, and our own earlier build.
func TestAcceptedOutput(t *testing.T) {
	base, root := repoTree(t)
	os.Mkdir(filepath.Join(base, "tom"), 0o755)
	for _, out := range []string{"public", "public", filepath.Join(base, "tom"), "../ny/site"} {
		if err := Write(root, out, []File{{"index.html", []byte("x")}, {"a/b.html", []byte("y")}}); err != nil {
			t.Fatalf("Write(%q): %v", out, err)
		}
	}
	for _, dir := range []string{filepath.Join(root, "public"), filepath.Join(base, "tom"), filepath.Join(base, "ny", "site")} {
		if got, _ := os.ReadFile(filepath.Join(dir, ManifestName)); string(got) != "a/b.html\nindex.html\n" {
			t.Errorf("%s: manifest = %q", dir, got)
		}
	}
}
