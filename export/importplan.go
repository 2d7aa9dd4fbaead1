package export

import (
	"bytes"
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

// zipMagic starts every .xlsx file (a zip archive); a CSV never starts so.
var zipMagic = []byte("PK\x03\x04")

// IsXLSX reports whether data is a workbook (an .xlsx) rather than a CSV.
func IsXLSX(data []byte) bool { return bytes.HasPrefix(data, zipMagic) }

// errEncodingForXLSX refuses an encoding given for a workbook.
var errEncodingForXLSX = errors.New("编码只用于 CSV 文件；.xlsx 文件不用选编码（选“自动识别”，或去掉 --encoding）")

// ReadImportFile validates a whole import file — a workbook when it is
// one, else a CSV in enc — and returns its content and how to merge it
// into a document: a workbook jixiao wrote also brings the header and
// Part 1. jixiao import and the app's import read files with it.
func ReadImportFile(data []byte, enc Encoding) (*Import, func(*model.Document) Applied, error) {
	if !IsXLSX(data) {
		im, err := ReadCSV(bytes.NewReader(data), enc)
		if err != nil {
			return nil, nil, err
		}
		return im, im.Apply, nil
	}
	if enc != EncodingAuto {
		return nil, nil, errEncodingForXLSX
	}
	wi, err := ReadXLSX(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	return wi.Import, wi.Apply, nil
}

// ApplyImport applies im to doc, the target document as stored (nil when
// there is none yet: a new one is made), and returns the document to store
// in one transaction with the summary naming every project created and
// updated. apply is ReadImportFile's (nil: im.Apply); file is the file's
// name as the user gave it.
func ApplyImport(im *Import, apply func(*model.Document) Applied, doc *model.Document, target model.DocKey, file, unitMatch string) (*model.Document, Summary) {
	if doc == nil {
		doc = NewDocument(target, im.UnitName)
	}
	if apply == nil {
		apply = im.Apply
	}
	applied := apply(doc)
	return doc, Summary{File: file, Target: target, UnitName: doc.UnitName, Import: im, Applied: applied, UnitMatch: unitMatch}
}
