package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"jixiao/export"
	"jixiao/internal/errtext"
	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "check", summary: "按财政局的审核方式检查文档", run: runCheck})
}

const checkSynopsis = `jixiao check [--db PATH] [--doc 单位编码/年度] [--json]

对文档运行审核规则，按项目列出发现的问题，最后是合计。不给 --doc 时，
依次检查数据库中的每个文档。

--json 改为输出一个问题数组：
  {"doc", "rule", "severity", "project_code", "project_name", "row", "field",
   "message", "suggestion"}
其中 severity 是 "error"（错误）或 "warning"（警告）；row 是指标行号，从 1 数起
（表单字段或整张表为 null）；field 是固定的字段名，如 "budget"、"plan.dec"、
"value"。没有建议时省略 suggestion。

退出码：0 没有错误（可以有警告），1 至少有一个错误，
2 用法或数据库问题（包括 --doc 指定的文档不存在，或数据库中没有文档）。`

func runCheck(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "check", checkSynopsis)
	docFlag := fs.String("doc", "", "要检查的文档，单位编码/年度（默认：每个文档）")
	asJSON := fs.Bool("json", false, "以 JSON 数组输出发现的问题")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao check: 多余的参数 %q（用 --doc 指定文档）\n", fs.Arg(0))
		return exitUsage
	}
	var keys []model.DocKey
	if *docFlag != "" {
		k, err := model.ParseDocKey(*docFlag)
		if err != nil {
			fmt.Fprintf(env.stderr, "jixiao check: --doc 应写成 单位编码/年度，如 315002/2020（不是 “%s”）\n", export.OneLine(*docFlag))
			return exitUsage
		}
		keys = append(keys, k)
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	if keys == nil {
		docs, err := s.ListDocuments()
		if err != nil {
			return reportStoreError(env, err)
		}
		if len(docs) == 0 {
			fmt.Fprintf(env.stderr, "jixiao check: %s 中没有文档，没有可检查的\n", s.Path())
			return exitUsage
		}
		for _, d := range docs {
			keys = append(keys, d.Key)
		}
	}
	var results []checkedDoc
	for _, k := range keys {
		d, err := s.Document(k)
		if errors.Is(err, store.ErrNotFound) {
			// Not exitDomain: exit 1 means "the document has errors", and a
			// script must not mistake a typo in --doc for that.
			fmt.Fprintf(env.stderr, "jixiao check: %[2]s 中没有文档 %[1]s（jixiao list 列出已有的文档）\n", k, s.Path())
			return exitUsage
		}
		if err != nil {
			reportStoreError(env, err)
			return exitUsage
		}
		results = append(results, checkedDoc{doc: d, findings: model.Check(d)})
	}
	var err error
	if *asJSON {
		err = writeFindingsJSON(env.stdout, results)
	} else {
		err = writeFindingsText(env.stdout, results)
	}
	if err != nil {
		fmt.Fprintln(env.stderr, "jixiao check:", errtext.Reason(err))
		return exitUsage
	}
	for _, r := range results {
		if e, _ := model.Count(r.findings); e > 0 {
			return exitDomain
		}
	}
	return exitOK
}

// checkedDoc is one document and what the rules found in it.
type checkedDoc struct {
	doc      *model.Document
	findings []model.Finding
}

// findingJSON is the shape `check --json` promises; see checkSynopsis.
type findingJSON struct {
	Doc         string `json:"doc"`
	Rule        string `json:"rule"`
	Severity    string `json:"severity"`
	ProjectCode string `json:"project_code"`
	ProjectName string `json:"project_name"`
	Row         *int   `json:"row"`
	Field       string `json:"field"`
	Message     string `json:"message"`
	Suggestion  string `json:"suggestion,omitempty"`
}

func writeFindingsJSON(w io.Writer, results []checkedDoc) error {
	out := []findingJSON{} // an empty check prints [], not null
	for _, r := range results {
		key := r.doc.Key().String()
		for _, f := range r.findings {
			j := findingJSON{Doc: key, Rule: f.Rule, Severity: f.Severity.String(),
				ProjectCode: f.ProjectCode, ProjectName: f.ProjectName, Field: f.Field,
				Message: f.Message, Suggestion: f.Suggestion}
			if f.Row >= 0 {
				row := f.Row + 1
				j.Row = &row
			}
			out = append(out, j)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // values hold ≥ and <; keep them readable
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeFindingsText writes, per document, a title line, each project with
// findings (numbered by its place in the document, as the app lists them)
// and its findings, then the document's totals, and the review's once
// someone has started reviewing.
func writeFindingsText(w io.Writer, results []checkedDoc) error {
	var b strings.Builder
	for n, r := range results {
		if n > 0 {
			b.WriteString("\n")
		}
		d := r.doc
		fmt.Fprintf(&b, "%s %s %s\n", export.OneLine(d.Key().String()), export.OneLine(d.UnitName), export.OneLine(d.Title))
		b.WriteString(layoutLine(d) + "\n")
		fs := r.findings
		withFindings := 0
		for start := 0; start < len(fs); {
			end := start + 1
			for end < len(fs) && fs[end].ProjectID == fs[start].ProjectID {
				end++
			}
			if fs[start].ProjectID != "" {
				withFindings++
			}
			writeProjectFindings(&b, d, fs[start:end])
			start = end
		}
		e, wn := model.Count(fs)
		b.WriteString("\n")
		if e+wn == 0 {
			fmt.Fprintf(&b, "%s：未发现问题（共 %d 个项目）\n", d.Key(), len(d.Projects))
		} else {
			fmt.Fprintf(&b, "%s：%d 个错误，%d 个警告（%d 个项目中 %d 个有问题）\n", d.Key(), e, wn, len(d.Projects), withFindings)
		}
		if d.Reviewed() {
			fmt.Fprintf(&b, "%s：%s（审核意见 %d 条）\n", d.Key(), d.ReviewCounts(), notes(d))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// layoutLine names the layout the rules followed: the one set on the
// document, or the detected one (and whether the rows mix both).
func layoutLine(d *model.Document) string {
	if d.Layout != model.LayoutAuto {
		return "指标体系：" + d.Layout.Label() + "，已设定"
	}
	l, mixed := model.DetectLayout(d)
	note := "，自动识别"
	if mixed {
		note = "，自动识别，两种格式混用"
	}
	return "指标体系：" + l.Label() + note
}

// findingIndent lines a suggestion up under its message: two spaces and
// "[错误] " take 9 columns.
const findingIndent = "         "

func writeProjectFindings(b *strings.Builder, d *model.Document, fs []model.Finding) {
	f0 := fs[0]
	e, w := model.Count(fs)
	name, code := f0.ProjectName, f0.ProjectCode
	if strings.TrimSpace(name) == "" {
		name = "（未命名项目）"
	}
	if strings.TrimSpace(code) != "" {
		name += "（" + code + "）"
	}
	var counts []string
	if e > 0 {
		counts = append(counts, strconv.Itoa(e)+" 个错误")
	}
	if w > 0 {
		counts = append(counts, strconv.Itoa(w)+" 个警告")
	}
	pos := ""
	if i := d.ProjectIndex(f0.ProjectID); i >= 0 {
		pos = strconv.Itoa(i+1) + ". "
	} else if f0.ProjectID == "" {
		name = "第一部分 部门整体绩效目标" // document-level findings
	}
	fmt.Fprintf(b, "\n%s%s：%s\n", pos, export.OneLine(name), strings.Join(counts, "，"))
	for _, f := range fs {
		where := model.FieldLabel(f.Field)
		if f.Row >= 0 {
			where = "第 " + strconv.Itoa(f.Row+1) + " 行 " + where
		}
		fmt.Fprintf(b, "  [%s] %s：%s\n", f.Severity.Label(), where, export.OneLine(f.Message))
		if f.Suggestion != "" {
			fmt.Fprintf(b, "%s建议：%s\n", findingIndent, export.OneLine(f.Suggestion))
		}
	}
}
