// Command gotemplate is the reference side of Textgate's differential template test: it renders
// every template of a corpus with Go's own text/template, set up as Webitel's server sets it up
// (custom delimiters, missingkey=error, a *chat.Account context), and reports per template either
// the exact output bytes or the phase that failed. Only the standard library is used, so it
// builds offline (GOPROXY=off, GOFLAGS=-mod=mod).
//
// Input (stdin): JSON lines {"name", "text", "left", "right", "data", "json", "missingkey"}, where
// data is "account" (the sample *chat.Account), "nil" (as for the close template) or "json" (the
// "json" field decoded into interface{}, for maps and lists).
// Output (stdout): JSON lines {"name", "ok", "out" (hex of the bytes), "phase", "err"}.
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"text/template"

	"textgate.test/gotemplate/chat"
)

type job struct {
	Name       string `json:"name"`
	Text       string `json:"text"`
	Left       string `json:"left"`
	Right      string `json:"right"`
	Data       string `json:"data"`
	JSON       string `json:"json"`
	MissingKey string `json:"missingkey"`
}

type result struct {
	Name  string `json:"name"`
	OK    bool   `json:"ok"`
	Out   string `json:"out"`
	Phase string `json:"phase,omitempty"`
	Err   string `json:"err,omitempty"`
}

// sample is the default preview context (the sample values).
func sample() *chat.Account {
	return &chat.Account{
		Id:        42,
		Channel:   "custom",
		Contact:   "+380501234567",
		FirstName: "Ann",
		LastName:  "Smith",
		Username:  "ann.smith",
	}
}

func run(j job) (res result) {
	res.Name = j.Name
	defer func() {
		// text/template must not panic on any input; if it does, report it loudly.
		if r := recover(); r != nil {
			res.OK = false
			res.Phase = "panic"
			res.Err = fmt.Sprint(r)
		}
	}()
	missing := j.MissingKey
	if missing == "" {
		missing = "error"
	}
	t, err := template.New(j.Name).Delims(j.Left, j.Right).Option("missingkey=" + missing).Parse(j.Text)
	if err != nil {
		return result{Name: j.Name, Phase: "parse", Err: err.Error()}
	}
	var data any
	switch j.Data {
	case "nil":
	case "json":
		if err := json.Unmarshal([]byte(j.JSON), &data); err != nil {
			return result{Name: j.Name, Phase: "data", Err: err.Error()}
		}
	default:
		data = sample()
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return result{Name: j.Name, Phase: "exec", Err: err.Error()}
	}
	return result{Name: j.Name, OK: true, Out: hex.EncodeToString(buf.Bytes())}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		line := in.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var j job
		if err := json.Unmarshal(line, &j); err != nil {
			fmt.Fprintf(os.Stderr, "bad corpus line: %v\n", err)
			os.Exit(2)
		}
		if err := enc.Encode(run(j)); err != nil {
			fmt.Fprintf(os.Stderr, "write: %v\n", err)
			os.Exit(2)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "read: %v\n", err)
		os.Exit(2)
	}
}
