package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"time"
)

// entry is one file of an archive. Its bytes, mode and the archive's
// modification time are all the archive holds about it: nothing is read
// from the file system's metadata (owner, umask, mtime), so the same inputs
// give the same archive bytes on any machine.
type entry struct {
	Name string // path inside the archive, with / separators
	Mode fs.FileMode
	Data []byte
}

// writeZip writes entries under the folder dir, in the order given, with
// every time set to mtime. Names are UTF-8 and flagged so (archive/zip sets
// the flag for non-ASCII names), which Windows Explorer, 7-Zip and the
// Chinese unzip tools read.
func writeZip(w io.Writer, dir string, mtime time.Time, entries []entry) error {
	zw := zip.NewWriter(w)
	dh := &zip.FileHeader{Name: dir + "/", Method: zip.Store, Modified: mtime.UTC()}
	dh.SetMode(fs.ModeDir | 0o755)
	if _, err := zw.CreateHeader(dh); err != nil {
		return err
	}
	for _, e := range entries {
		h := &zip.FileHeader{Name: dir + "/" + e.Name, Method: zip.Deflate, Modified: mtime.UTC()}
		h.SetMode(e.Mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTarGz writes entries under the folder dir as a gzip-compressed PAX
// tar (PAX records carry the UTF-8 names), owned by root:root with no user
// names, every time set to mtime; the gzip header has no name and no time.
func writeTarGz(w io.Writer, dir string, mtime time.Time, entries []entry) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	mtime = mtime.UTC()
	hdr := func(name string, typ byte, mode fs.FileMode, size int64) *tar.Header {
		return &tar.Header{
			Typeflag: typ, Name: name, Mode: int64(mode.Perm()), Size: size,
			ModTime: mtime, Format: tar.FormatPAX,
		}
	}
	if err := tw.WriteHeader(hdr(dir+"/", tar.TypeDir, 0o755, 0)); err != nil {
		return err
	}
	for _, e := range entries {
		if err := tw.WriteHeader(hdr(dir+"/"+e.Name, tar.TypeReg, e.Mode, int64(len(e.Data)))); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// sha256sums returns the lines sha256sum -c reads ("<hex>  <name>"),
// sorted by name, each ending in eol.
func sha256sums(files map[string][]byte, eol string) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		sum := sha256.Sum256(files[n])
		fmt.Fprintf(&b, "%s  %s%s", hex.EncodeToString(sum[:]), n, eol)
	}
	return b.Bytes()
}

// markerLine is a line of the 使用说明 that only marks a generated block
// for the tests (<!-- keys:文本 -->, <!-- /screen -->).
var markerLine = regexp.MustCompile(`(?m)^<!-- /?(keys|screen)(:[^ ]+)? -->\n`)

// releaseManual is the 使用说明 as shipped: without the marker lines,
// which a Markdown viewer hides but Notepad shows.
func releaseManual(md []byte) []byte { return markerLine.ReplaceAll(md, nil) }

// windowsText turns a UTF-8 text with LF line ends into what Notepad on
// any Windows version (and WPS) opens correctly: a byte-order mark and CRLF.
func windowsText(s []byte) []byte {
	t := strings.ReplaceAll(string(s), "\r\n", "\n")
	t = strings.ReplaceAll(t, "\n", "\r\n")
	return append([]byte("\ufeff"), t...)
}
