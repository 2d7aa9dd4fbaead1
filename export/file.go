package export

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/model"
)

// Format is an export file format.
type Format string

// The export formats.
const (
	FormatMarkdown Format = "md"
	FormatCSV      Format = "csv"
	FormatXLSX     Format = "xlsx"
	FormatHTML     Format = "html"
)

// ParseFormat reads a --format flag: md (markdown), csv, xlsx or html.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "md", "markdown":
		return FormatMarkdown, nil
	case "csv":
		return FormatCSV, nil
	case "xlsx":
		return FormatXLSX, nil
	case "html", "htm":
		return FormatHTML, nil
	}
	return "", fmt.Errorf("format %q: want md, csv, xlsx or html", s)
}

// Options choose what Write produces. The zero value is Markdown; CSV is
// UTF-8 with a BOM unless CSV says otherwise.
type Options struct {
	Format Format
	CSV    CSVOptions
}

// Write writes the document in the chosen format. findings are used by
// Markdown, HTML and XLSX (not by CSV); nil means not checked.
func Write(w io.Writer, doc *model.Document, findings []model.Finding, opts Options) error {
	switch opts.Format {
	case FormatCSV:
		return WriteCSV(w, doc, opts.CSV)
	case FormatXLSX:
		return XLSX(w, doc, findings)
	case FormatHTML:
		return HTML(w, doc, findings)
	}
	return Markdown(w, doc, findings)
}

// WriteFile writes the export to path. It writes a temporary file beside
// path and renames it over path only when everything was written, so a
// failed export never leaves half a file or spoils an earlier one.
func WriteFile(path string, doc *model.Document, findings []model.Finding, opts Options) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = Write(tmp, doc, findings, opts); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

// DefaultFileName is the file name an export gets unless the user picks
// one: <单位名称>-<年度>-绩效目标.md (or .csv, .xlsx, .html). Characters that are not
// allowed in file names on Windows, macOS or Linux become _, so the unit
// name can never point into another folder; so do controls, bidi and
// hidden characters (a U+202E would show "绩效目标.exe" reversed) and
// invalid UTF-8. The name is cut to 120 bytes: file systems allow 255.
func DefaultFileName(doc *model.Document, f Format) string {
	name := strings.TrimSpace(doc.UnitName)
	if name == "" {
		name = doc.UnitCode
	}
	name = strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r >= 0x7f && r <= 0x9f || isHidden(r) || r == utf8.RuneError:
			return '_'
		case strings.ContainsRune(`/\:*?"<>|`, r):
			return '_'
		}
		return r
	}, name)
	if len(name) > 120 {
		cut := 120
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	// Leading dots would hide the file; trailing dots and spaces are
	// dropped by Windows.
	name = strings.Trim(name, ". ")
	if name == "" {
		name = "单位"
	}
	ext := ".md"
	switch f {
	case FormatCSV, FormatXLSX, FormatHTML:
		ext = "." + string(f)
	}
	return name + "-" + strconv.Itoa(doc.Year) + "-绩效目标" + ext
}

// severityCounts are one project's 错误 and 警告, for the summary tables
// of every format.
type severityCounts struct{ errors, warnings int }

func findingCounts(fs []model.Finding) map[string]severityCounts {
	perProject := map[string]severityCounts{}
	for i := range fs {
		c := perProject[fs[i].ProjectID]
		switch fs[i].Severity {
		case model.SeverityError:
			c.errors++
		case model.SeverityWarning:
			c.warnings++
		}
		perProject[fs[i].ProjectID] = c
	}
	return perProject
}
