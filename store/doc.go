// Package store owns jixiao's database file: a bbolt file holding every
// document, one write transaction per edit, a schema version with
// migrations, an exclusive lock against a second process, and rotating
// backups next to the file. It is the only package that imports bbolt.
//
// Layout (schema 3):
//
//	meta                        magic "jixiao", schema version
//	headers/<name>              JSON of model.Document (without Projects)
//	orders/<name>               JSON list of project IDs, in document order
//	projects/<len><name><id>\x00p  JSON of model.Project
//	projects/<len><name><id>\x00s  model.ProjectSummary as fields (summary.go),
//	                               审核状态 and the count of notes included
//
// where <name> is <unit>\x00<year> and <len> its length as a uvarint, so no
// document's keys begin with another's. Every value is followed by a CRC-32C
// of it, so a flipped byte reads as ErrCorrupt rather than as a different
// amount.
//
// The layout is flat so that saving a project writes few pages: bbolt
// copies on write every page from the changed leaf up to the root, and the
// project and its summary sit in one leaf of one top-level bucket, so a save
// writes that leaf, the bucket's branch pages above it, the root page and
// the freelist (6 page writes with the meta page at 1,000 projects; schema
// 1, which nested a bucket per document with sub-buckets, wrote 10). The
// order list and the header live in their own buckets and are written only
// when they change.
//
// A project and its summary are written together, so lists and totals come
// from the small summaries and an edit to one project costs the size of
// that project, not of the document.
package store
