package ui

import (
	"slices"

	"jixiao/model"
)

// undoDepth is how many grid edits u can take back; the issue asks for at
// least 20, and an entry is a few words, so keep plenty.
const undoDepth = 100

type undoKind int

const (
	undoEdit    undoKind = iota // a cell changed: Text is the old value
	undoInsert                  // a row was inserted at Row
	undoDelete                  // Row was deleted: Ind is what it held
	undoMove                    // the row at Row moved to To
	undoRow                     // the row at Row was filled from the library: Ind is what it held
	undoPaste                   // To rows were pasted from Row on
	undoUnpaste                 // the pasted rows Inds were taken out from Row on
)

// undoOp records one committed grid edit by what it takes to reverse it,
// not by a snapshot, so 1,000 rows cost no more to undo than 10.
type undoOp struct {
	Kind     undoKind
	Row, Col int
	To       int
	Text     string
	Ind      model.Indicator
	Inds     []model.Indicator // undoUnpaste's rows
}

// undoStack keeps the last undoDepth ops; the oldest fall off.
type undoStack struct{ ops []undoOp }

func (s *undoStack) push(op undoOp) {
	if len(s.ops) == undoDepth {
		copy(s.ops, s.ops[1:])
		s.ops = s.ops[:undoDepth-1]
	}
	s.ops = append(s.ops, op)
}

func (s *undoStack) pop() (undoOp, bool) {
	if len(s.ops) == 0 {
		return undoOp{}, false
	}
	op := s.ops[len(s.ops)-1]
	s.ops = s.ops[:len(s.ops)-1]
	return op, true
}

func (s *undoStack) clear() { s.ops = nil }

// undoHistory is one project's undo and redo stacks. It outlives the grid:
// the root keeps one per project for the run (Common.history), so leaving
// the grid and opening it again keeps u and ctrl+r working. rows are the
// indicator rows the ops refer to by position, as the grid last left
// them; a grid opening on other rows starts a new history.
type undoHistory struct {
	undo, redo undoStack
	rows       []model.Indicator
}

// record adds a new edit; it ends what could be redone.
func (h *undoHistory) record(op undoOp) {
	h.undo.push(op)
	h.redo.clear()
}

func (h *undoHistory) clear() {
	h.undo.clear()
	h.redo.clear()
}

// follow notes the rows as they now are; a grid opened on other rows
// (changed elsewhere) drops the history, whose positions no longer hold.
func (h *undoHistory) follow(rows []model.Indicator) { h.rows = slices.Clone(rows) }

func (h *undoHistory) matches(rows []model.Indicator) bool { return slices.Equal(h.rows, rows) }
