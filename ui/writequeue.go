package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"jixiao/model"
	"jixiao/store"
)

// The autosave path. A screen commits an edit by posting a message
// (Common.post); the root drains the posts before its Update returns and
// hands each edit to the writeQueue as a saveJob (writes.go says which
// store call each edit is). The queue runs one job at a time in a tea.Cmd;
// its savedMsg comes back to finish, which sets the status line, sends
// saveFailedMsg to the editor the edit was typed in when the write
// failed, starts the next job, and quits once the queue is empty if a
// quit is waiting. So a quit key pressed right after a commit always finds
// the edit queued, and nothing committed is lost.

// saveJob is one queued store call. Writes run one at a time, in order, so
// a later edit can never be overtaken by an earlier one; a queued (not yet
// running) job with the same coalesce key is replaced by the newer one.
type saveJob struct {
	coalesce string // "" never coalesces (inserts, deletes, moves)
	what     string // for the status line: 保存<what>失败
	key      model.DocKey
	// keyAfter, when set, gives the document's key once run has run (a
	// header edit may move the document): the reads after the queue
	// drains read that key.
	keyAfter func() model.DocKey
	run      func(*store.Store) error
	// after runs on success, e.g. to open the new document; for a read
	// it always runs and reports the read's own error.
	after func() tea.Cmd
	// origin is the editor the edit was typed in: on failure it opens
	// again there with the text (saveFailedMsg).
	origin *editOrigin
	// done says what the edit did (粘贴了 6 行), put before 已保存.
	done string
	// read marks a read queued behind the writes, so that it sees them
	// (a project opened right after its form's last edit).
	read bool
}

// writeQueue owns the store handle for the app: the queued jobs, the one
// running, the reads of what the screens show, and the quit that waits
// for the queue to empty.
type writeQueue struct {
	store   *store.Store
	now     func() time.Time
	jobs    []saveJob // jobs[0] is running while running is set
	running bool

	quitting bool
	// refused is set when a failed save kept the app from quitting
	// (未退出); a quit key pressed next quits even if the save fails
	// again (giveUp), so a full disk cannot trap the user.
	refused, giveUp bool

	seq int // numbers header reads, whose answers may cross
}

func newWriteQueue(st *store.Store, now func() time.Time) *writeQueue {
	return &writeQueue{store: st, now: now}
}

// add queues a job and starts it if none is running.
func (q *writeQueue) add(j saveJob) tea.Cmd {
	if j.coalesce != "" {
		from := 0
		if q.running {
			from = 1 // never replace the running job
		}
		for i := from; i < len(q.jobs); i++ {
			if q.jobs[i].coalesce == j.coalesce {
				if j.done == "" {
					j.done = q.jobs[i].done
				}
				if j.origin == nil {
					// The typed edit is in this save too (a row moved
					// after a cell was typed): reopen it if it fails.
					j.origin = q.jobs[i].origin
				}
				q.jobs[i] = j
				return nil
			}
		}
	}
	q.jobs = append(q.jobs, j)
	return q.start()
}

// start runs the first queued job unless one is running.
func (q *writeQueue) start() tea.Cmd {
	if q.running || len(q.jobs) == 0 {
		return nil
	}
	j := q.jobs[0]
	q.running = true
	st, now := q.store, q.now
	return func() tea.Msg {
		err := j.run(st)
		k := j.key
		if j.keyAfter != nil {
			k = j.keyAfter()
		}
		return savedMsg{At: now(), What: j.what, Key: k, Err: err}
	}
}

// saveStatus is what the status line says after a write.
type saveStatus struct {
	text string
	bad  bool
}

// finish takes the running job's savedMsg. It returns the status line's
// new text (nil after a read) and the commands that follow: the job's
// after or the failed editor's saveFailedMsg, the next job, and once the
// queue is empty either the quit or fresh reads of what the screens show.
func (q *writeQueue) finish(m savedMsg) (*saveStatus, tea.Cmd) {
	if len(q.jobs) == 0 {
		return nil, nil
	}
	j := q.jobs[0]
	q.jobs = q.jobs[1:]
	q.running = false
	if j.read {
		return nil, tea.Batch(j.after(), q.start(), q.quitIfDone())
	}
	var st saveStatus
	var cmds []tea.Cmd
	if m.Err != nil {
		st = saveStatus{text: "保存" + m.What + "失败：" + describeErr(m.Err), bad: true}
		if q.quitting && !q.giveUp {
			// Quitting now would lose the edit: stay, and say so.
			q.quitting, q.refused = false, true
			st.text += "（未退出）"
		}
		if j.origin != nil {
			cmds = append(cmds, msgCmd(saveFailedMsg{Origin: *j.origin, Err: m.Err}))
		}
	} else {
		st = saveStatus{text: "已保存 " + m.At.Format("15:04:05")}
		if j.done != "" {
			st.text = j.done + "，" + st.text
		}
		if j.after != nil {
			cmds = append(cmds, j.after())
		}
	}
	cmds = append(cmds, q.start())
	if !q.busy() {
		if q.quitting {
			return &st, q.quitIfDone()
		}
		cmds = append(cmds, q.loadDocs(), q.loadHeader(m.Key))
	}
	return &st, tea.Batch(cmds...)
}

// quit quits once every queued job has run; a failed write stops the
// quit unless giveUp (the quit key pressed again right after 未退出).
func (q *writeQueue) quit(giveUp bool) tea.Cmd {
	q.quitting, q.giveUp = true, giveUp
	return q.quitIfDone()
}

// takeRefused reports, once, that the last quit was refused: the next key
// decides whether a quit gives the failed edit up.
func (q *writeQueue) takeRefused() bool {
	r := q.refused
	q.refused = false
	return r
}

func (q *writeQueue) quitIfDone() tea.Cmd {
	if q.quitting && !q.running && len(q.jobs) == 0 {
		return tea.Quit
	}
	return nil
}

// busy reports whether a job is running or queued.
func (q *writeQueue) busy() bool { return q.running || len(q.jobs) > 0 }

// writing reports whether a write is running or queued (reads don't show
// as 保存中).
func (q *writeQueue) writing() bool {
	for _, j := range q.jobs {
		if !j.read {
			return true
		}
	}
	return false
}

// loadDocs reads home's list.
func (q *writeQueue) loadDocs() tea.Cmd {
	st := q.store
	return func() tea.Msg {
		docs, err := st.ListDocuments()
		return docsLoadedMsg{Docs: docs, Err: err}
	}
}

// loadHeader reads what the document screen of k shows.
func (q *writeQueue) loadHeader(k model.DocKey) tea.Cmd {
	if k.UnitCode == "" {
		return nil
	}
	q.seq++
	st, seq := q.store, q.seq
	return func() tea.Msg {
		doc, ps, err := st.Header(k)
		return headerLoadedMsg{Key: k, Seq: seq, Doc: doc, Projects: ps, Err: err}
	}
}
