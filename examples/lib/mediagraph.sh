# Sourced by the examples' run scripts: builds Mediagraph, starts it on loopback with a fresh data
# directory, seeds it from ../shared/fixtures and leaves in the environment what a site build needs:
# MEDIAGRAPH_PUBLIC_URL, MEDIAGRAPH_TOKEN (a DELIVERY token) and MEDIAGRAPH_COLLECTION (the seeded
# collection's name). Everything it started is stopped, and its directory removed, on exit.
#
# It runs without MEDIAGRAPH_SIGNING_KEY, so transform URLs built in the browser (next/image's loader)
# need no signature; with MEDIAGRAPH_EXAMPLES_SIGNED=1 it sets a random one, so that only the unsigned
# allow-list (MEDIAGRAPH_UNSIGNED_WIDTHS) lets those URLs through. Webhooks may reach the sites on
# loopback (MEDIAGRAPH_FETCH_ALLOW_NETWORKS), and MEDIAGRAPH_ADMIN_TOKEN stays set for the run's checks.

set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1
examples=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=$(cd "$examples/.." && pwd)
fixtures=${MEDIAGRAPH_FIXTURES:-$root/../shared/fixtures}

need() {
	command -v "$1" >/dev/null || { echo "examples: $1 is missing ($2)" >&2; exit 1; }
}
need go "https://go.dev/dl"
need node "apt-get install nodejs npm"
need npm "apt-get install npm"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "examples: Chromium is missing (apt-get install chromium, or set CHROMIUM)" >&2; exit 1; }
[ -d "$fixtures" ] || { echo "examples: no fixtures at $fixtures (set MEDIAGRAPH_FIXTURES)" >&2; exit 1; }

# npm_install installs the locked dependencies of the current directory when they changed.
npm_install() {
	if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
		npm ci --no-audit --no-fund --loglevel=error
		cp package-lock.json node_modules/.installed-lock
	fi
}

# free_port prints a loopback TCP port nobody listens on.
free_port() {
	node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

# serve LOG CMD…: runs CMD in the background in a process group of its own (npx and next start fork
# servers of their own), which cleanup stops whole.
serve() {
	local log=$1
	shift
	setsid "$@" >"$log" 2>&1 &
	pids+=($!)
}

# wait_http waits until url answers (at most a minute or so), or fails showing log.
wait_http() {
	local url=$1 log=$2
	for _ in $(seq 600); do
		node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url" && return 0
		sleep 0.1
	done
	echo "examples: $url did not answer; its log:" >&2
	cat "$log" >&2
	exit 1
}

(cd "$root" && go build -o "$work/mediagraph" ./cmd/mediagraph)
unset MEDIAGRAPH_SIGNING_KEY DATABASE_URL S3_BUCKET
if [ "${MEDIAGRAPH_EXAMPLES_SIGNED:-}" = 1 ]; then
	MEDIAGRAPH_SIGNING_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')
	export MEDIAGRAPH_SIGNING_KEY
fi
port=$(free_port)
export MEDIAGRAPH_DATA_DIR="$work/data" MEDIAGRAPH_ADDR="127.0.0.1:$port"
export MEDIAGRAPH_PUBLIC_URL="http://127.0.0.1:$port" MEDIAGRAPH_FETCH_ALLOW_NETWORKS=127.0.0.0/8
MEDIAGRAPH_ADMIN_TOKEN=$("$work/mediagraph" token create --role ADMIN --name examples)
export MEDIAGRAPH_ADMIN_TOKEN
serve "$work/mediagraph.log" "$work/mediagraph" serve
wait_http "$MEDIAGRAPH_PUBLIC_URL/readyz" "$work/mediagraph.log"

(cd "$root/internal/browser" && npm_install)
export MEDIAGRAPH_COLLECTION="Examples"
node "$examples/lib/seed.mjs" "$fixtures"
MEDIAGRAPH_TOKEN=$("$work/mediagraph" token create --role DELIVERY --name "example site")
export MEDIAGRAPH_TOKEN
if [ -n "${MEDIAGRAPH_SIGNING_KEY:-}" ]; then node "$examples/lib/check-signing.mjs"; fi

# check_images opens url in Chromium and checks that every image loaded from Mediagraph at the size it asked for.
check_images() {
	node "$root/internal/browser/check-images.mjs" "$1" "$MEDIAGRAPH_PUBLIC_URL" "$2"
}
