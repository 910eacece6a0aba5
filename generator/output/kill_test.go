//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// killEnv tells the test binary, re-run as a child, to be
// TestKilledBuildChild: "<root>|<point>".
const killEnv = "ALISNORD_OUTPUT_KILL_AT"

// TestKilledBuildChild is TestKilledBuild's child process, not a test of
// its own: it builds version 2 of the site into <root>/public and kills
// itself with SIGKILL at the point named: before file k ("file k") or at
// a step of Commit ("pruned", "manifest", "synced", "swapped", "kept").
func TestKilledBuildChild(t *testing.T) {
	spec := os.Getenv(killEnv)
	if spec == "" {
		t.Skip("runs only as the child of TestKilledBuild")
	}
	root, at, _ := strings.Cut(spec, "|")
	kill := func() {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {}
	}
	st, err := Begin(root, "public")
	if err != nil {
		t.Fatal(err)
	}
	st.hook = func(step string) {
		if step == at {
			kill()
		}
	}
	for k, f := range siteVersion(2) {
		if at == fmt.Sprintf("file %d", k) {
			kill()
		}
		if err := st.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("not killed at %q", at)
}

// TestKilledBuild kills a build made in a spare whose files are hard
// links shared with the live site (build 1 written twice) at many points, from just after Begin to just after the spare is kept: the site
// is always one whole build (the old one before the swap, the new one
// after), and the next build removes what the killed one left and keeps
// the site it replaces as a whole spare.
func TestKilledBuild(t *testing.T) {
	for _, at := range []string{"file 0", "file 1", "file 5", "file 13", "file 21", "pruned", "manifest", "synced", "swapped", "kept"} {
		t.Run(at, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "public")
			for range 2 {
				if err := Write(root, "public", siteVersion(1)); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), killEnv+"="+root+"|"+at)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("the child was not killed: %v\n%s", err, out)
			}
			want := 1
			if at == "swapped" || at == "kept" {
				want = 2
			}
			wantVersion(t, dir, want)
			if at != "kept" && len(siblings(t, dir)) == 0 {
				t.Fatal("the killed build left nothing behind; was it killed mid-build?")
			}
			if err := Write(root, "public", siteVersion(3)); err != nil {
				t.Fatal(err)
			}
			wantVersion(t, dir, 3)
			wantVersion(t, spareName(dir), want)
			if s := siblings(t, dir); len(s) > 0 {
				t.Errorf("the next build left %v", s)
			}
		})
	}
}
