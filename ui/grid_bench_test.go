package ui

import (
	"fmt"
	"testing"
)

// BenchmarkGridKey measures one ↓ keypress — Update plus View at 140×40
// with the cursor mid-table — at 10 and 1,000 rows. Both should cost the
// same: only the rows on screen are looked at.
func BenchmarkGridKey(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			g := newTestGrid(manyRows(n), 140, 40)
			down, up := press("down"), press("up")
			g.FocusCell(n/2, colL3)
			g.View() // the screen as it would already be shown
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				// Alternate so the cursor stays mid-table however long b.N runs.
				if i%2 == 0 {
					g.Update(down)
				} else {
					g.Update(up)
				}
				_ = g.View()
			}
		})
	}
}
