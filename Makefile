# The two commands of the README: `make run` starts Mediagraph with zero configuration, `make test` runs
# every check CI runs. Both first check the machine and say exactly what is missing.

GO ?= go
# The S3-compatible server the tests run against (internal/tests3), built from the Go module proxy.
VERSITYGW_VERSION = v1.8.0
STATICCHECK_VERSION = v0.6.1

.PHONY: run test build generate fuzz examples clients ui e2e

run: ## start the service: SQLite and blobs under ./data, GraphiQL at http://localhost:8080/graphiql
	@scripts/need run
	$(GO) run ./cmd/mediagraph serve

test: .tools/versitygw .tools/staticcheck ## formatting, vet, generated-code drift, then every test with the race detector
	@scripts/need test
	@unformatted="$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go' 2>/dev/null || find . -name '*.go'))"; \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	.tools/staticcheck -checks "all,-ST1000,-ST1003,-ST1020,-ST1021,-ST1022" $$($(GO) list ./... | grep -v /graph/generated)
	@scripts/check-generated
	@scripts/check-layers
	@scripts/check-ui
	$(GO) test -race -count=1 -timeout 30m ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=15s

# The fuzz targets of what hostile clients reach first; their seed corpora are in testdata/fuzz/.
FUZZTIME ?= 60s
fuzz: ## run each fuzz target for FUZZTIME (make test runs them for 15 s)
	$(GO) test -run '^$$' -fuzz '^FuzzMultipartTransport$$' -fuzztime $(FUZZTIME) ./server/gqlhttp
	$(GO) test -run '^$$' -fuzz '^FuzzGraphQLBody$$' -fuzztime $(FUZZTIME) ./server
	$(GO) test -run '^$$' -fuzz '^FuzzNormalizeFilename$$' -fuzztime $(FUZZTIME) ./media/catalogue
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./media/photometa
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./media/query

# The example sites (examples/): each builds Mediagraph, starts it on loopback, seeds it, builds its site
# and checks in Chromium that every image loaded at the size it asked for. Needs node, npm and chromium.
# The TypeScript client (clients/js): its generated schema types checked for drift, built, then tested
# by Node's runner against a fresh Mediagraph on loopback, on the disk store and on versitygw.
clients: .tools/versitygw ## build @mediagraph/client and run its tests against a real serve (needs node and npm)
	@command -v npm >/dev/null || { echo "make clients needs node and npm: apt-get install nodejs npm"; exit 1; }
	cd clients/js && npm ci --no-audit --no-fund && npm run check-generated --silent && npm run build && MEDIAGRAPH_REQUIRE_S3=1 npm test

# The web UI (ui/): its GraphQL types generated from the schema, type-checked, bundled into
# server/web/app/dist (committed, embedded by the binary, so make run needs no Node).
ui: ## rebuild the web UI bundle after editing ui/ or the schema (needs node and npm)
	@command -v npm >/dev/null || { echo "make ui needs node and npm: apt-get install nodejs npm"; exit 1; }
	cd ui && npm ci --no-audit --no-fund && npm run build

# The web UI in Chromium against a real serve on SQLite: the editors' scenario, axe-core, screenshots
# (written to $(E2E_SHOTS)) and the first-render figure for 1,000 assets.
E2E_SHOTS ?= $(CURDIR)/data/ui-screenshots
e2e: ## drive the web UI in Chromium (needs node, npm ci in ui/ and chromium)
	MEDIAGRAPH_UI_E2E=1 MEDIAGRAPH_UI_SHOTS=$(E2E_SHOTS) $(GO) test -count=1 -v -run 'TestUI' ./server/web/app/

examples: ## build the Next.js and Astro examples against a fresh Mediagraph and check them in Chromium
	examples/run

.tools/versitygw: ## the tests' S3 server (about two minutes to build, once)
	GOBIN=$(CURDIR)/.tools GOFLAGS= $(GO) install github.com/versity/versitygw/cmd/versitygw@$(VERSITYGW_VERSION)

.tools/staticcheck: ## the linter make test runs
	GOBIN=$(CURDIR)/.tools GOFLAGS= $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

build: ## build the binary into ./mediagraph
	@scripts/need run
	$(GO) build -o mediagraph ./cmd/mediagraph

generate: ## regenerate GraphQL code after editing schema/*.graphqls
	$(GO) generate ./...
	@if [ -d clients/js/node_modules ]; then cd clients/js && npm run codegen --silent; \
	  else echo "clients/js: run npm ci there, then make generate again, to regenerate its TypeScript types"; fi
