package main

import "jixiao/model"

// notes counts the 审核意见 in a document: on projects and on rows.
func notes(d *model.Document) int {
	n := 0
	for i := range d.Projects {
		n += d.Projects[i].Notes()
	}
	return n
}
