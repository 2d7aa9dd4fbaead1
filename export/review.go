package export

import "jixiao/model"

// keepReview carries into p, which an import is putting in old's place,
// what of old's review the file does not hold: its 审核状态 and 审核意见
// when the file has not those columns (one written before reviews), and
// the note of every indicator row, which no CSV holds, where p has a row at
// the same place with the same 一级, 二级 and 三级. A note on a row that the
// file moved or renamed is dropped with the old row.
func keepReview(p, old *model.Project, im *Import) {
	if !im.StatusColumn {
		p.Review.Status = old.Review.Status
	}
	if !im.NoteColumn {
		p.Review.Note = old.Review.Note
	}
	for i := range min(len(p.Indicators), len(old.Indicators)) {
		n, o := &p.Indicators[i], &old.Indicators[i]
		if n.Note == "" && n.L1 == o.L1 && n.L2 == o.L2 && n.L3 == o.L3 {
			n.Note = o.Note
		}
	}
}
