# The two commands of the README: `make run` starts Mediagraph with zero configuration, `make test` runs
# every check CI runs. Both first check the machine and say exactly what is missing.

GO ?= go

.PHONY: run test build generate

run: ## start the service: SQLite and blobs under ./data, GraphiQL at http://localhost:8080/graphiql
	@scripts/need run
	$(GO) run ./cmd/mediagraph serve

test: ## formatting, vet, generated-code drift, then every test with the race detector
	@scripts/need test
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@scripts/check-generated
	$(GO) test -race -count=1 ./...

build: ## build the binary into ./mediagraph
	@scripts/need run
	$(GO) build -o mediagraph ./cmd/mediagraph

generate: ## regenerate GraphQL code after editing schema/*.graphqls
	$(GO) generate ./...
