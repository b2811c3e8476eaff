package gqlhttp

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mediagraph/mediagraph/media/access"
)

// TestMultipartMapPathsChecked: a map path that names no place in the variables is a 400 naming
// map, whatever way it misses; the paths that do name one still get their file.
func TestMultipartMapPathsChecked(t *testing.T) {
	for name, c := range map[string]struct{ ops, fileMap string }{
		"index too large":    {uploadOps, `{"0":["variables.f.99999999999"]}`},
		"negative index":     {uploadOps, `{"0":["variables.f.-1"]}`},
		"index past the end": {uploadOps, `{"0":["variables.f.2"]}`},
		"not an index":       {uploadOps, `{"0":["variables.f.x"]}`},
		"into a null":        {uploadOps, `{"0":["variables.f.0.x"]}`},
		"into a string":      {`{"query":"mutation($f:Upload){replaceAsset(id:\"a\",file:$f){id}}","variables":{"f":"s"}}`, `{"0":["variables.f.0"]}`},
		"no variables":       {`{"query":"mutation($f:Upload){replaceAsset(id:\"a\",file:$f){id}}"}`, `{"0":["variables.f"]}`},
		"missing variable":   {uploadOps, `{"0":["variables.g.0"]}`},
		"no prefix":          {uploadOps, `{"0":["f.0"]}`},
		"only the prefix":    {uploadOps, `{"0":["variables"]}`},
		"one good, one bad":  {uploadOps, `{"0":["variables.f.0","variables.f.7"]}`},
	} {
		t.Run(name, func(t *testing.T) {
			rec := serveMultipart(t, c.ops, c.fileMap, []string{"0"}, []byte("hello"))
			var resp graphql.Response
			json.Unmarshal(rec.Body.Bytes(), &resp)
			if rec.Code != http.StatusBadRequest || len(resp.Errors) != 1 {
				t.Fatalf("HTTP %d: %s", rec.Code, rec.Body)
			}
			ext := resp.Errors[0].Extensions
			if ext["code"] != string(access.CodeValidationFailed) || ext["field"] != "map" || !strings.Contains(resp.Errors[0].Message, "map entry \"0\"") {
				t.Errorf("got %s", rec.Body)
			}
		})
	}
	rec := serveMultipart(t, uploadOps, `{"0":["variables.f.0","variables.f.1"]}`, []string{"0"}, []byte("hello"))
	if rec.Code != http.StatusOK || rec.Body.String() != `{"data":{"sizes":[5,5]}}` {
		t.Errorf("a good map: HTTP %d: %s", rec.Code, rec.Body)
	}
}
