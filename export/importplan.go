package export

import (
	"errors"
	"slices"

	"jixiao/model"
)

// ErrNoRows says a file has a header only, and no document was named to
// import it into, so there is nothing to say which document it is for.
var ErrNoRows = errors.New("import: a header only, no data rows")

// ImportTarget is the document an import goes into, given the documents
// in the file (have): want when the user named one, else the file's own
// 单位编码/年度, or an existing document's whose 单位编码 the file has
// without its leading zeros (Excel dropped them); unitMatch is then the
// file's code, for the summary. The CLI's import and the app's use it.
func ImportTarget(im *Import, want *model.DocKey, have []model.DocKey) (target model.DocKey, unitMatch string, err error) {
	if want != nil {
		return *want, "", nil
	}
	if im.Rows == 0 {
		return model.DocKey{}, "", ErrNoRows
	}
	if slices.Contains(have, im.Key) {
		return im.Key, "", nil
	}
	if k, ok := MatchUnitCode(im.Key, have); ok {
		return k, im.Key.UnitCode, nil
	}
	return im.Key, "", nil
}

// ApplyImport applies im to doc, the target document as stored (nil when
// there is none yet: a new one is made), and returns the document to store
// in one transaction with the summary naming every project created and
// updated. file is the file's name as the user gave it.
func ApplyImport(im *Import, doc *model.Document, target model.DocKey, file, unitMatch string) (*model.Document, Summary) {
	if doc == nil {
		doc = NewDocument(target, im.UnitName)
	}
	applied := im.Apply(doc)
	return doc, Summary{File: file, Target: target, UnitName: doc.UnitName, Import: im, Applied: applied, UnitMatch: unitMatch}
}
