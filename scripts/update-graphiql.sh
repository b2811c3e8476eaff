#!/usr/bin/env bash
# Rebuilds the GraphiQL assets embedded in the binary (server/web/graphiql/assets) from the npm registry, so
# /graphiql works offline. Run by hand when upgrading GraphiQL; the result is committed.
set -euo pipefail
GRAPHIQL=3.8.3
REACT=18.3.1
out=$(cd "$(dirname "$0")/../server/web/graphiql/assets" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null
npm install --silent --no-save esbuild@0.24.0 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
./node_modules/.bin/esbuild "graphiql-$GRAPHIQL/package/graphiql.min.js" --minify --legal-comments=none --outfile=graphiql.js
./node_modules/.bin/esbuild "graphiql-$GRAPHIQL/package/graphiql.min.css" --minify --outfile=graphiql.css
gzip -9 -n -c graphiql.js >"$out/graphiql.js.gz"
gzip -9 -n -c graphiql.css >"$out/graphiql.css.gz"
gzip -9 -n -c "react-$REACT/package/umd/react.production.min.js" >"$out/react.js.gz"
gzip -9 -n -c "react-dom-$REACT/package/umd/react-dom.production.min.js" >"$out/react-dom.js.gz"
{
  echo "GraphiQL $GRAPHIQL (MIT):"; cat "graphiql-$GRAPHIQL/package/LICENSE"; echo
  echo "React and ReactDOM $REACT (MIT):"; cat "react-$REACT/package/LICENSE"
} >"$out/LICENSES.txt"
