// Package store owns jixiao's database file: a bbolt file holding every
// document, one write transaction per edit, a schema version with
// migrations, an exclusive lock against a second process, and rotating
// backups next to the file. It is the only package that imports bbolt.
//
// Layout (schema 1):
//
//	meta                  magic "jixiao", schema version
//	docs/<unit>\x00<year> one bucket per document:
//	    header            JSON of model.Document (without Projects)
//	    order             JSON list of project IDs, in document order
//	    projects/<id>     JSON of model.Project
//	    summaries/<id>    model.ProjectSummary as fields (summary.go)
//
// Every value under docs is followed by a CRC-32C of it, so a flipped
// byte reads as ErrCorrupt rather than as a different amount.
//
// A project and its summary are written together, so lists and totals come
// from the small summaries and an edit to one project costs the size of
// that project, not of the document.
package store
