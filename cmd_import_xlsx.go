package main

import (
	"bytes"
	"errors"

	"jixiao/export"
	"jixiao/model"
)

// zipMagic starts every .xlsx file (a zip archive); a CSV never starts so.
var zipMagic = []byte("PK\x03\x04")

// readImportFile validates a whole import file — a workbook when it is
// one, else a CSV in enc — and returns its content and how to merge it
// into a document: a workbook jixiao wrote also brings the header and
// Part 1.
func readImportFile(data []byte, enc export.Encoding) (*export.Import, func(*model.Document) export.Applied, error) {
	if !bytes.HasPrefix(data, zipMagic) {
		im, err := export.ReadCSV(bytes.NewReader(data), enc)
		if err != nil {
			return nil, nil, err
		}
		return im, im.Apply, nil
	}
	if enc != export.EncodingAuto {
		return nil, nil, errors.New("--encoding applies to CSV files only; an .xlsx file is always Unicode")
	}
	wi, err := export.ReadXLSX(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	return wi.Import, wi.Apply, nil
}
