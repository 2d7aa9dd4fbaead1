package export

import (
	"errors"
	"testing"

	"jixiao/model"
)

// TestImportTarget: a named document wins; else the file's own key, or an
// existing one's whose 单位编码 the file has without its leading zeros; a
// header-only file needs a named document.
func TestImportTarget(t *testing.T) {
	file := model.DocKey{UnitCode: "15001", Year: 2021}
	padded := model.DocKey{UnitCode: "015001", Year: 2021}
	other := model.DocKey{UnitCode: "315002", Year: 2020}
	im := &Import{Key: file, Rows: 3}
	for _, c := range []struct {
		name      string
		want      *model.DocKey
		have      []model.DocKey
		target    model.DocKey
		unitMatch string
	}{
		{"new document", nil, []model.DocKey{other}, file, ""},
		{"lost zeros", nil, []model.DocKey{other, padded}, padded, "15001"},
		{"exact wins", nil, []model.DocKey{padded, file}, file, ""},
		{"named", &other, []model.DocKey{padded}, other, ""},
	} {
		got, um, err := ImportTarget(im, c.want, c.have)
		if err != nil || got != c.target || um != c.unitMatch {
			t.Errorf("%s: got %v %q %v, want %v %q", c.name, got, um, err, c.target, c.unitMatch)
		}
	}
	if _, _, err := ImportTarget(&Import{}, nil, nil); !errors.Is(err, ErrNoRows) {
		t.Errorf("header only: %v, want ErrNoRows", err)
	}
}
