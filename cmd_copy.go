package main

import (
	"errors"
	"fmt"
	"strings"

	"jixiao/export"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "copy", summary: "把文档复制到另一年度（以上年的目标为底）", run: runCopy})
}

const copySynopsis = `jixiao copy 单位编码/年度 --year YEAR [--code 单位编码] [--name 单位名称] [--keep-layout] [--db PATH]

以已有文档为底新建一个草案文档：表头、第一部分，以及每个项目的
支出计划、绩效目标和指标，复制后即可编辑。原文档不变；目标位置已有的
文档绝不会被覆盖。旧指标体系的文档按财预〔2021〕101号的体系复制
（产出指标/成本指标 → 成本指标/经济成本指标，效果指标 → 效益指标，
效益下的满意度 → 满意度指标），并列出每一行的移动。
--keep-layout 按原样复制指标行。`

func runCopy(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "copy", copySynopsis)
	year := fs.Int("year", 0, "副本的 `年度`（必填）")
	code := fs.String("code", "", "副本的 `单位编码`（默认：与原文档相同）")
	name := fs.String("name", "", "副本的 `单位名称`（默认：与原文档相同）")
	keep := fs.Bool("keep-layout", false, "按原样复制指标行，不移到 101号 的指标体系")
	// The document usually comes first (jixiao copy 315002/2020 --year …).
	var keys []string
	for rest := args; ; {
		if c, ok := parseFlags(fs, rest); !ok {
			return c
		}
		if fs.NArg() == 0 {
			break
		}
		keys = append(keys, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(keys) != 1 {
		fmt.Fprintln(env.stderr, "jixiao copy: 请给出一个要复制的文档（只能一个），如 315002/2020")
		fs.Usage()
		return exitUsage
	}
	src, err := model.ParseDocKey(keys[0])
	if err != nil {
		fmt.Fprintf(env.stderr, "jixiao copy: 文档应写成 单位编码/年度，如 315002/2020（不是 “%s”）\n", export.OneLine(keys[0]))
		return exitUsage
	}
	dst := model.DocKey{UnitCode: strings.TrimSpace(*code), Year: *year}
	if dst.UnitCode == "" {
		dst.UnitCode = src.UnitCode
	}
	if _, err := model.ParseDocKey(dst.String()); err != nil || *year == 0 {
		fmt.Fprintf(env.stderr, "jixiao copy: --year 应是副本的 4 位年度，如 --year %d\n", src.Year+1)
		return exitUsage
	}
	if dst == src {
		fmt.Fprintf(env.stderr, "jixiao copy: 副本与原文档都是 %s：请用 --year 或 --code 指定另一个文档\n", src)
		return exitUsage
	}

	// Opening the store backs it up first, as for sample and import.
	s, c := openStore(env, *db)
	if s == nil {
		return c
	}
	defer closeStore(env, s)
	// No write before the open's backup is on disk (a power cut in between
	// would leave no copy of the state before the copy).
	if _, err := s.Backup(); err != nil {
		return reportStoreError(env, err)
	}
	doc, moves, err := copyDocument(s, src, dst, strings.TrimSpace(*name), *keep)
	switch {
	case errors.Is(err, store.ErrExists):
		fmt.Fprintf(env.stderr, "jixiao copy: %s 已经有了，没有复制，原有的文档没有改动（换一个 --year 或 --code，或先在应用中删除它）\n", export.OneLine(dst.String()))
		return exitDomain
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(env.stderr, "jixiao copy: 没有文档 %s（jixiao list 列出已有的文档）\n", export.OneLine(src.String()))
		return exitDomain
	case err != nil:
		return reportStoreError(env, err)
	}
	t := doc.Totals()
	fmt.Fprintf(env.stdout, "已把 %s 复制为 %s %s（%s）：%d 个项目，%d 行指标，预算数合计 %s 万元。\n",
		export.OneLine(src.String()), export.OneLine(dst.String()), export.OneLine(doc.UnitName), doc.Status, t.Projects, t.Indicators, t.Budget)
	for _, l := range layoutLines(moves) {
		fmt.Fprintln(env.stdout, l)
	}
	if *keep {
		fmt.Fprintln(env.stdout, "指标行按原样复制（--keep-layout）。")
	}
	return exitOK
}

// copyDocument copies src to a new document dst in one transaction, in the
// 101号 layout unless keepLayout, and returns it with the rows it moved.
// The target is never overwritten: store.ErrExists.
func copyDocument(s *store.Store, src, dst model.DocKey, unitName string, keepLayout bool) (*model.Document, []model.LayoutMove, error) {
	from, err := s.Document(src)
	if err != nil {
		return nil, nil, err
	}
	doc := model.CopyForward(from, dst, unitName)
	var moves []model.LayoutMove
	if !keepLayout {
		moves = model.MovesTo101(doc)
		model.ApplyLayout(doc, moves)
		// The rows are in the 101号 layout now; a layout set on the source
		// (2020-style) must not make the rules judge them by the old one.
		doc.Layout = model.Layout101
	}
	if err := s.CreateDocument(doc); err != nil {
		return nil, nil, err
	}
	return doc, moves, nil
}

// layoutLines lists the moved rows in Chinese, one line each.
func layoutLines(moves []model.LayoutMove) []string {
	if len(moves) == 0 {
		return nil
	}
	lines := []string{fmt.Sprintf("按财预〔2021〕101号的指标体系移动了 %d 行（--keep-layout 可按原样复制）：", len(moves))}
	for _, m := range moves {
		to := m.ToL1 + "/" + m.ToL2
		if m.ToL2 == "" {
			to = m.ToL1 + "/（二级指标待选）"
		}
		lines = append(lines, fmt.Sprintf("  %s 第 %d 行 %s：%s/%s → %s", export.OneLine(m.Name), m.Row+1,
			export.OneLine(m.IndicatorL3), export.OneLine(m.FromL1), export.OneLine(m.FromL2), to))
	}
	return lines
}
