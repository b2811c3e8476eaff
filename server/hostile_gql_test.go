package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// fragmentBomb is the query of issue 23: each fragment spreads the one before twice, 2^39 in all.
func fragmentBomb() string {
	var b strings.Builder
	b.WriteString("{ ...F39 }\nfragment F0 on Query { __typename }\n")
	for k := 1; k <= 39; k++ {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", k, k-1, k-1)
	}
	return b.String()
}

// introspection is the query GraphiQL sends (graphql-js getIntrospectionQuery).
const introspection = `query IntrospectionQuery { __schema {
  queryType { name } mutationType { name } subscriptionType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } } }`

func cpuTime(t *testing.T) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		t.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

func TestFragmentBombIsRefusedCheaply(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	bomb := fragmentBomb()
	r := s.Query("", bomb, nil)
	wantCode(t, "fragment bomb", r, "VALIDATION_FAILED", "query")
	if r.Status != http.StatusBadRequest || !strings.Contains(r.Errors[0].Message, "limit") {
		t.Errorf("fragment bomb: HTTP %d %q, want 400 naming the limit", r.Status, r.Errors[0].Message)
	}
	// The process's CPU time (server and client both) bounds what the server spent: a cost, not a latency.
	before := cpuTime(t)
	for range 100 {
		if r := s.Query("", bomb, nil); r.Code() != "VALIDATION_FAILED" {
			t.Fatalf("fragment bomb passed: %+v", r)
		}
	}
	spent := cpuTime(t) - before
	if spent > time.Second {
		t.Errorf("100 fragment bombs cost %v of CPU, want under 1 s", spent)
	}
	t.Logf("100 fragment bombs: %v of CPU, client included", spent)
}

func TestIntrospectionStillWorks(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	var data struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	s.Must("", introspection, nil, &data)
	if len(data.Schema.Types) < 20 {
		t.Errorf("introspection returned %d types", len(data.Schema.Types))
	}
}

func TestQueryLimitsAreCoded(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	aliases := make([]string, 0, 300)
	for i := range cap(aliases) {
		aliases = append(aliases, fmt.Sprintf("a%d: __typename", i))
	}
	wide := "{ __schema {"
	for i := 0; i < len(aliases); i += 50 {
		wide += fmt.Sprintf(" t%d: types { %s }", i, strings.Join(aliases[i:i+50], " "))
	}
	for name, tc := range map[string]struct{ query, limit string }{
		"text size":  {"{" + strings.Repeat(" __typename", 7000) + "}", "limit queryBytes"},
		"aliases":    {wide + " } }", "limit aliases"},
		"width":      {"{" + strings.Repeat(" __typename", 101) + "}", "limit width"},
		"operations": {strings.Repeat("query { __typename } ", 21), "limit operations"},
	} {
		r := s.Query("", tc.query, nil)
		wantCode(t, name, r, "VALIDATION_FAILED", "query")
		if len(r.Errors) > 0 && !strings.Contains(r.Errors[0].Message, tc.limit) {
			t.Errorf("%s: %q, want it to name %q", name, r.Errors[0].Message, tc.limit)
		}
	}
}

// hideLength sends a body chunked, so that only reading it shows it is too long.
type hideLength struct{ io.Reader }

func TestBodyOverTheLimitIs413(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	body := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("x", 1<<20) + `"}}`
	for name, r := range map[string]io.Reader{"announced": strings.NewReader(body), "chunked": hideLength{strings.NewReader(body)}} {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", r)
		req.Header.Set("Content-Type", "application/json")
		res := s.Do("", req)
		if res.Status != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: HTTP %d, want 413", name, res.Status)
		}
		wantCode(t, name, res, "FILE_TOO_LARGE", "body")
	}
}

// garbage are request bodies a hostile or broken client sends.
func garbage() map[string]string {
	g := map[string]string{
		"empty":             "",
		"null":              "null",
		"deep array":        strings.Repeat("[", 100_000),
		"deep object":       strings.Repeat(`{"a":`, 100_000),
		"deep query":        `{"query":"` + strings.Repeat("{a", 50_000) + `"}`,
		"deep variables":    `{"query":"query($v: AssetFilter){assets(filter:$v){totalCount}}","variables":{"v":` + strings.Repeat(`{"AND":[`, 20_000) + `}`,
		"huge alias count":  `{"query":"{` + strings.Repeat("a:__typename ", 60_000) + `}"}`,
		"repeated field":    `{"query":"{` + strings.Repeat("__typename ", 5_000) + `}"}`,
		"10 MB string":      `{"query":"` + strings.Repeat("x", 10<<20) + `"}`,
		"invalid UTF-8":     "{\"query\":\"{ \xff\xfe __typename }\"}",
		"UTF-8 in name":     "{\"query\":\"{ __type\xc3\x28name }\"}",
		"query null":        `{"query":null}`,
		"variables string":  `{"query":"{__typename}","variables":"x"}`,
		"number operation":  `{"query":"{__typename}","operationName":5}`,
		"unknown operation": `{"query":"{__typename}","operationName":"nope"}`,
		"batch":             `[{"query":"{__typename}"},{"query":"{__typename}"}]`,
		"trailing garbage":  `{"query":"{__typename}"} {"query":"{__typename}"}`,
		"extensions array":  `{"query":"{__typename}","extensions":[1]}`,
		"big number":        `{"query":"query($n:Int){assets(first:$n){totalCount}}","variables":{"n":1e400}}`,
		"unclosed string":   `{"query":"{__typename`,
		"lone surrogate":    `{"query":"{ \ud800 }"}`,
		"syntax error":      `{"query":"{ { { }"}`,
		"cycle":             `{"query":"{...A} fragment A on Query {...B} fragment B on Query {...A}"}`,
		"fragment bomb":     string(must(json.Marshal(map[string]string{"query": fragmentBomb()}))),
	}
	valid := []string{`{"query":"{ assets(first: 2) { totalCount nodes { id filename tags { name } } } }"}`, `{"query":"query($id: ID!){ asset(id: $id) { id } }","variables":{"id":"ast_x"}}`}
	rng := rand.New(rand.NewPCG(23, 23))
	for i := range 200 {
		b := []byte(valid[i%len(valid)])
		for range 1 + rng.IntN(4) {
			switch j := rng.IntN(len(b)); rng.IntN(3) {
			case 0:
				b[j] = byte(rng.IntN(256))
			case 1:
				b = append(b[:j], b[j+1:]...)
			default:
				b = append(b[:j], append([]byte{"{}[]\":,\\"[rng.IntN(8)]}, b[j:]...)...)
			}
		}
		g[fmt.Sprintf("mutated %d", i)] = string(b)
	}
	return g
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// oddGETs are query strings of GET /graphql.
var oddGETs = []string{"", "query=", "query=%zz", "query={__typename}&variables=x", "query={__typename}&variables=[1]",
	"query={__typename}&extensions={", "query=mutation{__typename}", "query=" + strings.Repeat("%7B", 3000), "operationName=x&query={__typename}",
	"query={__typename}&query=x", ";;;", "query=%00"}

// wantCoded fails unless a response is a 4xx with a JSON body whose errors all carry a code, or a
// success whose errors (field errors) all carry one.
func wantCoded(t *testing.T, what string, status int, body []byte) {
	t.Helper()
	var resp struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Errorf("%s: HTTP %d, body not JSON: %.200q", what, status, body)
		return
	}
	if status >= 500 || (status >= 400 && len(resp.Errors) == 0) {
		t.Errorf("%s: HTTP %d %.300s", what, status, body)
	}
	for _, e := range resp.Errors {
		if e.Extensions.Code == "" {
			t.Errorf("%s: error without a code: %.300s", what, body)
		}
	}
}

func TestGarbageGraphQLBodiesAre4xx(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	client := &http.Client{Timeout: 20 * time.Second}
	send := func(what string, req *http.Request) {
		res, err := client.Do(req)
		if err != nil {
			t.Errorf("%s: %v", what, err)
			return
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		wantCoded(t, what, res.StatusCode, body)
	}
	for name, body := range garbage() {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		send(name, req)
	}
	for _, q := range oddGETs {
		req, err := http.NewRequest(http.MethodGet, s.URL+"/graphql", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.RawQuery = q
		send("GET ?"+q[:min(len(q), 40)], req)
	}
}
