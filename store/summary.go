package store

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"jixiao/model"
)

// Summaries are read for every project each time a document is opened, so
// they are stored as unit-separated fields rather than JSON: decoding 1,000
// of them with encoding/json (and Money's UnmarshalJSON) cost ~10 ms, this
// costs a few hundred µs. Amounts are integer units of 0.0001 万元, "" when
// not filled in. Fields: ID, Code, Name, Budget, Fiscal, Other,
// Indicators, Filled, Fields, and since schema 3 Review ("" for 未审核)
// and Notes.
const summarySep = "\x1f"

const summaryFields = 11

func encodeSummary(s *model.ProjectSummary) []byte {
	money := func(m model.Money) string {
		if !m.IsSet() {
			return ""
		}
		return strconv.FormatInt(m.Units(), 10)
	}
	return []byte(strings.Join([]string{
		escapeField(s.ID), escapeField(s.Code), escapeField(s.Name), money(s.Budget), money(s.Fiscal), money(s.Other),
		strconv.Itoa(s.Indicators), strconv.Itoa(s.Filled), strconv.Itoa(s.Fields),
		string(s.Review), strconv.Itoa(s.Notes),
	}, summarySep))
}

// decodeSummary reads a sealed summary value. what names the value in an
// error; it is a function because Header decodes every summary of a
// document and building 1,000 names nobody reads cost a fifth of its time.
func decodeSummary(data []byte, what func() string) (model.ProjectSummary, error) {
	var s model.ProjectSummary
	raw, ok := sealedBody(data)
	if !ok {
		_, err := unseal(data, what())
		return s, err
	}
	// One string for the whole body, whose fields are substrings of it:
	// one allocation per summary instead of a slice and a string per field.
	body := string(raw)
	var f [summaryFields]string
	n := 0
	for rest, more := body, true; more; n++ {
		if n == summaryFields {
			return s, fmt.Errorf("%w: %s has more than %d fields", ErrCorrupt, what(), summaryFields)
		}
		f[n], rest, more = strings.Cut(rest, summarySep)
	}
	if n != summaryFields {
		return s, fmt.Errorf("%w: %s has %d fields", ErrCorrupt, what(), n)
	}
	bad := func(field string) error { return fmt.Errorf("%w: %s: bad %s", ErrCorrupt, what(), field) }
	money := func(v, field string) (model.Money, error) {
		if v == "" {
			return model.Money{}, nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return model.Money{}, bad(field)
		}
		return model.MoneyUnits(n), nil
	}
	var err error
	s.ID, s.Code, s.Name = unescapeField(f[0]), unescapeField(f[1]), unescapeField(f[2])
	if s.Budget, err = money(f[3], "budget"); err != nil {
		return s, err
	}
	if s.Fiscal, err = money(f[4], "fiscal"); err != nil {
		return s, err
	}
	if s.Other, err = money(f[5], "other"); err != nil {
		return s, err
	}
	for _, c := range []struct {
		p *int
		v string
	}{{&s.Indicators, f[6]}, {&s.Filled, f[7]}, {&s.Fields, f[8]}, {&s.Notes, f[10]}} {
		if *c.p, err = strconv.Atoi(c.v); err != nil || *c.p < 0 {
			return s, bad("count")
		}
	}
	// Only the stored spellings: "" for 未审核, never "未审核" itself.
	if s.Review, err = model.ParseReviewStatus(f[9]); err != nil || string(s.Review) != f[9] {
		return s, bad("review status")
	}
	return s, nil
}

// escapeField makes a text field safe to join with summarySep. A project's
// code or name may hold any character the user pasted, the separator
// included; it is written as the byte 0xFF, which valid UTF-8 never holds.
// Invalid UTF-8 becomes U+FFFD byte by byte first, as encoding/json stores
// it in the project, so the summary always agrees with the project. Text
// without either (all real text) is returned as is, without allocating.
func escapeField(s string) string {
	if !strings.Contains(s, summarySep) && utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case s[i] == summarySep[0]:
			b = append(b, escapedSep)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// escapedSep stands for summarySep inside a text field.
const escapedSep = 0xFF

// unescapeField undoes escapeField.
func unescapeField(s string) string {
	if strings.IndexByte(s, escapedSep) < 0 {
		return s
	}
	return strings.ReplaceAll(s, string([]byte{escapedSep}), summarySep)
}

// notesOf adds up the summaries' counts of notes.
func notesOf(ps []model.ProjectSummary) int {
	n := 0
	for i := range ps {
		n += ps[i].Notes
	}
	return n
}
