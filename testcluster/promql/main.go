// Command promql reads one PromQL expression per line on stdin and parses each with Prometheus's own parser (the
// module's pinned release), printing every expression it refuses with the parser's error; it exits 1 if any was.
// The operator's tests run it on the expressions of the stacks' alerts.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/prometheus/prometheus/promql/parser"
)

func main() {
	promql := parser.NewParser(parser.Options{})
	lines := bufio.NewScanner(os.Stdin)
	lines.Buffer(make([]byte, 1<<20), 1<<20)
	refused := false
	for lines.Scan() {
		expr := lines.Text()
		if expr == "" {
			continue
		}
		if _, err := promql.ParseExpr(expr); err != nil {
			fmt.Printf("%s\n\t%v\n", expr, err)
			refused = true
		}
	}
	if refused {
		os.Exit(1)
	}
}
