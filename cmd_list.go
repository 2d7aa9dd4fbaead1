package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "list", summary: "列出数据库中的文档", run: runList})
}

func runList(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "list", "jixiao list [--db PATH]\n\n每个文档一行：单位编码、单位名称、年度、状态、项目数、预算数合计，\n以及审核情况：已审核的项目数/全部项目数（有需修改的也列出）。")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao list: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	docs, err := s.ListDocuments()
	if err != nil {
		return reportStoreError(env, err)
	}
	if len(docs) == 0 {
		fmt.Fprintf(env.stdout, "%s 中还没有文档。用 `jixiao sample` 添加示例，或在应用（`jixiao`）中新建。\n", s.Path())
		return exitOK
	}
	writeDocList(env.stdout, docs)
	return exitOK
}

// writeDocList writes the rows with columns aligned by display width (CJK
// takes two columns): text left-aligned, counts and amounts right-aligned.
// Control, bidi and hidden characters in names are written as \uXXXX.
func writeDocList(w io.Writer, docs []store.DocInfo) {
	rows := make([][]string, len(docs))
	for i, d := range docs {
		budget := d.Budget
		if !budget.IsSet() {
			budget = model.MoneyUnits(0) // a document without projects totals 0
		}
		// Names are stored as typed or imported; none of their characters
		// may reach the terminal as a control.
		rows[i] = []string{export.OneLine(d.Key.UnitCode), export.OneLine(d.UnitName), strconv.Itoa(d.Key.Year), export.OneLine(string(d.Status)),
			strconv.Itoa(d.Projects) + " 项", budget.String() + " 万元", d.Review.String()}
	}
	rightAligned := []bool{false, false, false, false, true, true, false}
	widths := make([]int, len(rightAligned))
	for _, r := range rows {
		for c, cell := range r {
			widths[c] = max(widths[c], ansi.StringWidth(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for c, cell := range r {
			pad := strings.Repeat(" ", widths[c]-ansi.StringWidth(cell))
			if c > 0 {
				b.WriteString("  ")
			}
			if rightAligned[c] {
				b.WriteString(pad + cell)
			} else if c < len(r)-1 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(cell)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}
