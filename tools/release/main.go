// Command release builds jixiao's release archives, one per platform an
// accountant's workstation runs on, from the current commit:
//
//	go run ./tools/release [-out DIR] [-version V] [-targets os/arch,...] [-j N]
//
// Each archive, jixiao_<version>_<os>_<arch>.zip for Windows and .tar.gz
// otherwise, holds a folder of the same name with the binary (CGO_ENABLED=0,
// -trimpath, stripped, stamped with version, commit and the commit's time
// through -ldflags), the 使用说明 (docs/使用说明.md; as 使用说明.txt with a
// byte-order mark and CRLF on Windows, so Notepad opens it on a double
// click) and SHA256SUMS.txt for the two. Beside the archives,
// jixiao_<version>_checksums.txt lists the SHA-256 of every archive.
//
// The build is reproducible: every input is the commit (its files, its hash
// and its time), archives hold no file system metadata, and Go builds the
// same binary from the same sources with the same toolchain. Building the
// same commit twice gives the same checksums file (.ci/run checks that).
//
// A short Go program rather than GoReleaser: it needs nothing from the
// network, adds no dependency to go.mod, is ~300 lines that archive/zip and
// archive/tar already do the hard part of, and it controls every byte that
// makes the archives reproducible (order, modes, times, the gzip header).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// target is one platform to build for.
type target struct{ OS, Arch string }

func (t target) String() string { return t.OS + "/" + t.Arch }

// defaultTargets are the platforms of issue 17: Windows 10/11 (and older
// 32-bit installs), 信创 Linux on x86-64, ARM64 (飞腾, 鲲鹏) and LoongArch
// (龙芯) running 统信 UOS or 麒麟, and Apple silicon.
var defaultTargets = []target{
	{"windows", "amd64"}, {"windows", "386"},
	{"linux", "amd64"}, {"linux", "arm64"}, {"linux", "loong64"},
	{"darwin", "arm64"},
}

// manualPath is the 使用说明, relative to the repository root.
const manualPath = "docs/使用说明.md"

// stamp is what the binary is told about itself through -ldflags.
type stamp struct {
	Version string
	Commit  string
	Date    time.Time // the commit's time, so a rebuild stamps the same date
}

func main() {
	out := flag.String("out", "dist", "folder for the archives (created; earlier jixiao_* files in it are replaced)")
	version := flag.String("version", "", "version to stamp (default: git describe of the v* tags, else 0.0.0-dev-<commit>)")
	targets := flag.String("targets", "", "comma-separated os/arch list (default: all six)")
	jobs := flag.Int("j", runtime.NumCPU(), "builds run at once")
	flag.Parse()
	if err := run(*out, *version, *targets, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(out, version, targetList string, jobs int) error {
	root, err := gitOutput("", "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	st, err := gitStamp(root, version)
	if err != nil {
		return err
	}
	ts := defaultTargets
	if targetList != "" {
		if ts, err = parseTargets(targetList); err != nil {
			return err
		}
	}
	manual, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(manualPath)))
	if err != nil {
		return err
	}
	manual = releaseManual(manual)
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(out, "jixiao_*"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	work, err := os.MkdirTemp("", "jixiao-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	start := time.Now()
	fmt.Printf("release: jixiao %s, commit %s, %s, %d targets\n", st.Version, st.Commit, st.Date.Format(time.RFC3339), len(ts))
	archives := make(map[string][]byte, len(ts))
	var mu sync.Mutex
	errs := make([]error, len(ts))
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	for i, t := range ts {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			name, data, err := buildArchive(root, work, t, st, manual)
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", t, err)
				return
			}
			mu.Lock()
			archives[name] = data
			mu.Unlock()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for name, data := range archives {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	sums := checksumsName(st.Version)
	if err := os.WriteFile(filepath.Join(out, sums), sha256sums(archives, "\n"), 0o644); err != nil {
		return err
	}
	fmt.Printf("release: %d archives and %s in %s (%.1f s)\n", len(archives), sums, out, time.Since(start).Seconds())
	return nil
}

// archiveName is jixiao_<version>_<os>_<arch> with .zip for Windows and
// .tar.gz otherwise; the folder inside is the name without the extension.
func archiveName(version string, t target) (folder, file string) {
	folder = fmt.Sprintf("jixiao_%s_%s_%s", version, t.OS, t.Arch)
	if t.OS == "windows" {
		return folder, folder + ".zip"
	}
	return folder, folder + ".tar.gz"
}

func checksumsName(version string) string { return "jixiao_" + version + "_checksums.txt" }

// buildArchive builds the binary for t in work and returns the archive's
// file name and bytes.
func buildArchive(root, work string, t target, st stamp, manual []byte) (string, []byte, error) {
	exe := "jixiao"
	if t.OS == "windows" {
		exe += ".exe"
	}
	bin := filepath.Join(work, t.OS+"_"+t.Arch, exe)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags(st), "-o", bin, ".")
	cmd.Dir = root
	cmd.Env = buildEnv(os.Environ(), t)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	if t.OS == runtime.GOOS && t.Arch == runtime.GOARCH {
		if err := smokeTest(bin, st); err != nil {
			return "", nil, err
		}
	}
	binData, err := os.ReadFile(bin)
	if err != nil {
		return "", nil, err
	}
	folder, file := archiveName(st.Version, t)
	var buf bytes.Buffer
	if t.OS == "windows" {
		doc := windowsText(manual)
		sums := sha256sums(map[string][]byte{exe: binData, "使用说明.txt": doc}, "\r\n")
		err = writeZip(&buf, folder, st.Date, []entry{
			{exe, 0o755, binData}, {"使用说明.txt", 0o644, doc}, {"SHA256SUMS.txt", 0o644, sums},
		})
	} else {
		sums := sha256sums(map[string][]byte{exe: binData, "使用说明.md": manual}, "\n")
		err = writeTarGz(&buf, folder, st.Date, []entry{
			{exe, 0o755, binData}, {"使用说明.md", 0o644, manual}, {"SHA256SUMS.txt", 0o644, sums},
		})
	}
	if err != nil {
		return "", nil, err
	}
	fmt.Printf("release: %-16s %s (%.1f MB)\n", t, file, float64(buf.Len())/1e6)
	return file, buf.Bytes(), nil
}

// ldflags strips the symbol table and DWARF (-s -w) and stamps main's
// version, commit and date.
func ldflags(st stamp) string {
	return fmt.Sprintf("-s -w -X main.version=%s -X main.commit=%s -X main.date=%s",
		st.Version, st.Commit, st.Date.UTC().Format(time.RFC3339))
}

// buildEnv is env with cgo off and the target set, and with everything
// else that changes the code the compiler emits set to Go's defaults, so a
// developer's GOAMD64=v3 or GOFLAGS=-race cannot make a release differ.
// -buildvcs=false: the commit is stamped through -ldflags, and the build
// info's vcs settings can differ between checkouts of the same commit (in
// a git worktree the go command recorded none here; in a clone it does).
func buildEnv(env []string, t target) []string {
	drop := map[string]bool{"GOFLAGS": true, "GOAMD64": true, "GO386": true, "GOARM64": true, "GOEXPERIMENT": true,
		"CGO_ENABLED": true, "GOOS": true, "GOARCH": true, "GOTOOLCHAIN": true}
	var e []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			e = append(e, kv)
		}
	}
	return append(e, "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch, "GOFLAGS=-mod=readonly -buildvcs=false", "GOTOOLCHAIN=local")
}

// smokeTest runs the binary built for this machine: `jixiao version` must
// name the stamped version, commit and date.
func smokeTest(bin string, st stamp) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "version").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s version: %v\n%s", bin, err, out)
	}
	for _, want := range []string{st.Version, st.Commit, st.Date.UTC().Format(time.RFC3339)} {
		if !strings.Contains(string(out), want) {
			return fmt.Errorf("%s version printed %q, without %q", bin, out, want)
		}
	}
	return nil
}

func parseTargets(s string) ([]target, error) {
	var ts []target
	for _, p := range strings.Split(s, ",") {
		o, a, ok := strings.Cut(strings.TrimSpace(p), "/")
		if !ok || o == "" || a == "" {
			return nil, fmt.Errorf("target %q: want os/arch, e.g. linux/loong64", p)
		}
		ts = append(ts, target{o, a})
	}
	return ts, nil
}

// gitStamp reads the commit, its time and (unless given) the version from
// git. The version is `git describe` of the newest v* tag without the v
// (1.2.0, or 1.2.0-3-g<commit> after it); without such a tag it is
// 0.0.0-dev-<12 hex digits of the commit>. A tree with uncommitted changes
// gets -dirty: its build is not the commit's.
func gitStamp(root, version string) (stamp, error) {
	commit, err := gitOutput(root, "rev-parse", "HEAD")
	if err != nil {
		return stamp{}, err
	}
	ct, err := gitOutput(root, "show", "-s", "--format=%ct", "HEAD")
	if err != nil {
		return stamp{}, err
	}
	sec, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return stamp{}, fmt.Errorf("commit time %q: %w", ct, err)
	}
	if version == "" {
		dirty := ""
		if st, err := gitOutput(root, "status", "--porcelain", "--untracked-files=no"); err != nil {
			return stamp{}, err
		} else if st != "" {
			dirty = "-dirty"
		}
		if d, err := gitOutput(root, "describe", "--tags", "--match", "v[0-9]*", "--abbrev=12"); err == nil {
			version = strings.TrimPrefix(d, "v") + dirty
		} else {
			version = "0.0.0-dev-" + commit[:12] + dirty
		}
	}
	if strings.ContainsAny(version, " /\\\t\n\"'") {
		return stamp{}, fmt.Errorf("version %q: no spaces, slashes or quotes", version)
	}
	return stamp{Version: version, Commit: commit, Date: time.Unix(sec, 0).UTC()}, nil
}

func gitOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %v %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}
