package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "diff", summary: "列出两个文档之间的变化，或文档发送以来的变化", run: runDiff})
}

const diffSynopsis = `jixiao diff [--db PATH] [--format text|md|json] A B

列出从 A（旧）到 B（新）的变化：新增、删除和改名的项目（先按项目编码，
再按项目名称配对），金额及差额，资金支出计划、绩效目标和资金用途的文字，
新增、删除和修改的指标行（先按 一级+二级+三级，再按位置配对），指标值的
变化，以及第一部分；开头是各项计数。

A 和 B 是文档 单位编码/年度（315002/2020），或导出时保留的副本
（见 jixiao snapshots）：
  315002/2020@2026-11-30T10:00   时间（本地）以此开头的最新副本
  315002/2020@last               最新的副本
例如 jixiao diff 315002/2020@last 315002/2020 列出上次发送以来的变化。

--format text（默认）用于终端，stdout 是终端时带颜色（NO_COLOR 关闭颜色）；
md 是用于邮件的 Markdown；json 供脚本使用。

退出码：0 相同，1 不同，2 用法或数据库问题（包括文档或副本不存在）。`

func runDiff(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "diff", diffSynopsis)
	formatFlag := fs.String("format", "text", "`text`、md 或 json")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	// Flags may also follow the two documents.
	rest := fs.Args()
	var names []string
	for len(rest) > 0 {
		names = append(names, rest[0])
		if code, ok := parseFlags(fs, rest[1:]); !ok {
			return code
		}
		rest = fs.Args()
	}
	if len(names) != 2 {
		fmt.Fprintln(env.stderr, "jixiao diff: 请给出两个文档，如 jixiao diff 315002/2020 315002/2021")
		return exitUsage
	}
	format := strings.ToLower(strings.TrimSpace(*formatFlag))
	switch format {
	case "text", "md", "json":
	case "markdown":
		format = "md"
	default:
		fmt.Fprintf(env.stderr, "jixiao diff: --format 只能是 text、md 或 json（不是 %q）\n", *formatFlag)
		return exitUsage
	}
	var specs [2]diffSpec
	for i, n := range names {
		sp, err := parseDiffSpec(n)
		if err != nil {
			fmt.Fprintln(env.stderr, "jixiao diff:", err)
			return exitUsage
		}
		specs[i] = sp
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	var docs [2]*model.Document
	var labels [2]string
	for i, sp := range specs {
		d, label, err := sp.load(s)
		if err != nil {
			switch {
			case errors.Is(err, store.ErrNotFound):
				fmt.Fprintln(env.stderr, "jixiao diff:", errtext.Reason(err)+"（jixiao list 列出已有的文档）")
				return exitUsage
			case errors.Is(err, errNoSnapshot):
				fmt.Fprintln(env.stderr, "jixiao diff:", export.OneLine(err.Error()))
				return exitUsage
			}
			reportStoreError(env, err)
			return exitUsage
		}
		docs[i], labels[i] = d, label
	}
	r := &export.DiffReport{A: labels[0], B: labels[1], Diff: model.Compare(docs[0], docs[1])}
	var err error
	switch format {
	case "md":
		err = r.Markdown(env.stdout)
	case "json":
		err = r.JSON(env.stdout)
	default:
		var paint export.Paint
		if colourful(env) {
			paint = diffPaint
		}
		err = r.Text(env.stdout, paint)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "jixiao diff:", errtext.Reason(err))
		return exitUsage
	}
	if r.Diff.Same() {
		return exitOK
	}
	return exitDomain
}

// diffSpec is one side of a diff: a document, or one of its snapshots.
type diffSpec struct {
	key  model.DocKey
	at   string // after the @: "last" or a time prefix; "" for the document
	snap bool
}

var errNoSnapshot = errors.New("没有这个副本")

func parseDiffSpec(s string) (diffSpec, error) {
	doc, at, snap := strings.Cut(s, "@")
	k, err := model.ParseDocKey(doc)
	if err != nil {
		return diffSpec{}, fmt.Errorf("文档应写成 单位编码/年度，如 315002/2020（不是 %q）", doc)
	}
	at = strings.TrimSpace(at)
	if snap && at == "" {
		return diffSpec{}, fmt.Errorf("%q：@ 后面应是时间（2026-11-30T10:00）或 last", s)
	}
	return diffSpec{key: k, at: at, snap: snap}, nil
}

// load reads the document or the snapshot and names it.
func (sp diffSpec) load(s *store.Store) (*model.Document, string, error) {
	if !sp.snap {
		d, err := s.Document(sp.key)
		return d, sp.key.String(), err
	}
	list, err := s.Snapshots(sp.key)
	if err != nil {
		return nil, "", err
	}
	// A space may stand for the T, as people type times.
	prefix := strings.Replace(sp.at, " ", "T", 1)
	for i := len(list) - 1; i >= 0; i-- {
		sn := list[i]
		if strings.EqualFold(prefix, "last") || strings.HasPrefix(sn.At.Local().Format(store.SnapshotTimeLayout), prefix) {
			d, err := s.LoadSnapshot(sp.key, sn.At)
			return d, sn.Name(), err
		}
	}
	if len(list) == 0 {
		return nil, "", fmt.Errorf("%s 还没有保留的副本（每次导出都会保留一份）：%w", sp.key, errNoSnapshot)
	}
	return nil, "", fmt.Errorf("%s 没有 %s 保留的副本（jixiao snapshots --doc %s 列出它们）：%w", sp.key, sp.at, sp.key, errNoSnapshot)
}

// colourful reports whether stdout is a terminal that may take colours.
func colourful(env *cliEnv) bool {
	if env.getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(env.stdout)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// diffStyles colour the text report: additions green, removals red, the
// rest yellow.
var diffStyles = struct{ added, removed, changed lipgloss.Style }{
	added:   lipgloss.NewStyle().Foreground(lipgloss.Green).Bold(true),
	removed: lipgloss.NewStyle().Foreground(lipgloss.Red).Bold(true),
	changed: lipgloss.NewStyle().Foreground(lipgloss.Yellow).Bold(true),
}

func diffPaint(k model.ChangeKind, s string) string {
	switch k {
	case model.KindProjectAdded, model.KindRowAdded:
		return diffStyles.added.Render(s)
	case model.KindProjectRemoved, model.KindRowRemoved:
		return diffStyles.removed.Render(s)
	}
	return diffStyles.changed.Render(s)
}
