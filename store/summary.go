package store

import (
	"fmt"
	"strconv"
	"strings"

	"jixiao/model"
)

// Summaries are read for every project each time a document is opened, so
// they are stored as unit-separated fields rather than JSON: decoding 1,000
// of them with encoding/json (and Money's UnmarshalJSON) cost ~10 ms, this
// costs a few hundred µs. Amounts are integer units of 0.0001 万元, "" when
// not filled in. Fields: ID, Code, Name, Budget, Fiscal, Other,
// Indicators, Filled, Fields.
const summarySep = "\x1f"

const summaryFields = 9

func encodeSummary(s *model.ProjectSummary) []byte {
	money := func(m model.Money) string {
		if !m.IsSet() {
			return ""
		}
		return strconv.FormatInt(m.Units(), 10)
	}
	return []byte(strings.Join([]string{
		s.ID, s.Code, s.Name, money(s.Budget), money(s.Fiscal), money(s.Other),
		strconv.Itoa(s.Indicators), strconv.Itoa(s.Filled), strconv.Itoa(s.Fields),
	}, summarySep))
}

// decodeSummary reads a sealed summary value.
func decodeSummary(data []byte, what string) (model.ProjectSummary, error) {
	var s model.ProjectSummary
	body, err := unseal(data, what)
	if err != nil {
		return s, err
	}
	f := strings.Split(string(body), summarySep)
	if len(f) != summaryFields {
		return s, fmt.Errorf("%w: %s has %d fields", ErrCorrupt, what, len(f))
	}
	bad := func(field string) error { return fmt.Errorf("%w: %s: bad %s", ErrCorrupt, what, field) }
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
	s.ID, s.Code, s.Name = f[0], f[1], f[2]
	if s.Budget, err = money(f[3], "budget"); err != nil {
		return s, err
	}
	if s.Fiscal, err = money(f[4], "fiscal"); err != nil {
		return s, err
	}
	if s.Other, err = money(f[5], "other"); err != nil {
		return s, err
	}
	for i, p := range []*int{&s.Indicators, &s.Filled, &s.Fields} {
		if *p, err = strconv.Atoi(f[6+i]); err != nil || *p < 0 {
			return s, bad("count")
		}
	}
	return s, nil
}
