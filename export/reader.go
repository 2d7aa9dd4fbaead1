package export

import "errors"

// csvRecord is one record of a CSV file and the 1-based row a spreadsheet
// shows it on.
type csvRecord struct {
	row    int
	fields []string
}

// errUnclosedQuote is reported with the row where the quoted cell began.
var errUnclosedQuote = errors.New("unclosed quote")

// quoteError is a malformed quoted cell.
type quoteError struct {
	row int
	err error
}

func (e *quoteError) Error() string { return e.err.Error() }

// parseCSV splits data into records per RFC 4180. Unlike encoding/csv's
// Reader, it keeps a quoted cell's bytes exactly as written — encoding/csv
// turns CR LF inside a cell into LF, which would break the round trip.
// Records end in LF or CR LF; blank lines are skipped (like encoding/csv) but counted as rows; a
// quote inside an unquoted cell is taken literally, as spreadsheets do.
// Rows count records, so a cell with line breaks still occupies one row.
func parseCSV(data []byte) ([]csvRecord, error) {
	var recs []csvRecord
	row := 0
	i := 0
	for i < len(data) {
		// Skip blank lines, counting them as a spreadsheet would.
		if data[i] == '\n' {
			row++
			i++
			continue
		}
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			row++
			i += 2
			continue
		}
		row++
		var fields []string
		for {
			var field string
			if i < len(data) && data[i] == '"' {
				var buf []byte
				j := i + 1
				closed := false
				for j < len(data) {
					c := data[j]
					if c != '"' {
						k := j
						for k < len(data) && data[k] != '"' {
							k++
						}
						buf = append(buf, data[j:k]...)
						j = k
						continue
					}
					if j+1 < len(data) && data[j+1] == '"' {
						buf = append(buf, '"')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				if !closed {
					return nil, &quoteError{row: row, err: errUnclosedQuote}
				}
				field = string(buf)
				i = j
				if i < len(data) && !isRecordEnd(data, i) && data[i] != ',' {
					return nil, &quoteError{row: row, err: errors.New("text after closing quote")}
				}
			} else {
				j := i
				for j < len(data) && data[j] != ',' && !isRecordEnd(data, j) {
					j++
				}
				field = string(data[i:j])
				i = j
			}
			fields = append(fields, field)
			if i < len(data) && data[i] == ',' {
				i++
				continue
			}
			// End of record: LF, CR LF or end of data.
			if i < len(data) && data[i] == '\r' {
				i++
			}
			if i < len(data) && data[i] == '\n' {
				i++
			}
			break
		}
		recs = append(recs, csvRecord{row: row, fields: fields})
	}
	return recs, nil
}

// isRecordEnd reports whether a record ends at data[i]: LF or CR LF.
func isRecordEnd(data []byte, i int) bool {
	return data[i] == '\n' || data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n'
}
