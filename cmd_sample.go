package main

import (
	"errors"
	"fmt"

	"jixiao/model"
	"jixiao/store"
)

func init() {
	register(command{name: "sample", summary: "添加示例文档 315002/2020（抚宁区司法局）", run: runSample})
}

// runSample adds model.Sample(). If the document is already there it says
// so and exits 0 without touching it: the sample is there either way, so
// `jixiao sample && …` works on any database.
func runSample(env *cliEnv, args []string) int {
	fs, db := newFlagSet(env, "sample", "jixiao sample [--db PATH]\n\n添加示例文档 315002/2020（抚宁区司法局，2020 年草稿）。\n已经有了就不改动它（退出码 0）。")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(env.stderr, "jixiao sample: 多余的参数 %q\n", fs.Arg(0))
		return exitUsage
	}
	s, code := openStore(env, *db)
	if s == nil {
		return code
	}
	defer closeStore(env, s)
	doc := model.Sample()
	err := s.CreateDocument(doc)
	if errors.Is(err, store.ErrExists) {
		fmt.Fprintf(env.stdout, "%s 已在 %s 中，没有改动。\n", doc.Key(), s.Path())
		return exitOK
	} else if err != nil {
		return reportStoreError(env, err)
	}
	t := doc.Totals()
	fmt.Fprintf(env.stdout, "已把 %s %s（%d 个项目，%s 万元）添加到 %s。\n", doc.Key(), doc.UnitName, t.Projects, t.Budget, s.Path())
	return exitOK
}
