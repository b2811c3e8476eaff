# The two commands of the README: `make run` starts Mediagraph with zero configuration, `make test` runs
# every check CI runs. Both first check the machine and say exactly what is missing.

GO ?= go
# The S3-compatible server the tests run against (internal/tests3), built from the Go module proxy.
VERSITYGW_VERSION = v1.8.0

.PHONY: run test build generate

run: ## start the service: SQLite and blobs under ./data, GraphiQL at http://localhost:8080/graphiql
	@scripts/need run
	$(GO) run ./cmd/mediagraph serve

test: .tools/versitygw ## formatting, vet, generated-code drift, then every test with the race detector
	@scripts/need test
	@unformatted="$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go' 2>/dev/null || find . -name '*.go'))"; \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@scripts/check-generated
	$(GO) test -race -count=1 ./...

.tools/versitygw: ## the tests' S3 server (about two minutes to build, once)
	GOBIN=$(CURDIR)/.tools GOFLAGS= $(GO) install github.com/versity/versitygw/cmd/versitygw@$(VERSITYGW_VERSION)

build: ## build the binary into ./mediagraph
	@scripts/need run
	$(GO) build -o mediagraph ./cmd/mediagraph

generate: ## regenerate GraphQL code after editing schema/*.graphqls
	$(GO) generate ./...
