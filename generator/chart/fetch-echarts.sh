#!/usr/bin/env bash
# fetch-echarts.sh DEST_DIR
#
# Downloads the pinned Apache ECharts release from the npm registry, verifies
# the tarball against the pinned sha512 integrity string and installs the full
# minified UMD build (SVG renderer + SSR included) as DEST_DIR/echarts.min.js.
# Idempotent: does nothing when DEST_DIR/echarts.min.js already exists and
# matches the hash recorded next to it by an earlier run.
set -euo pipefail

VERSION="6.1.0"
INTEGRITY="sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA=="
MEMBER="package/dist/echarts.min.js"

die() {
	echo "fetch-echarts: $*" >&2
	exit 1
}

[ $# -eq 1 ] || die "usage: $0 DEST_DIR"
DEST_DIR="$1"
OUT="$DEST_DIR/echarts.min.js"
STAMP="$DEST_DIR/echarts.min.js.sha512"

sha512_b64() {
	openssl dgst -sha512 -binary "$1" | base64 -w0
}

for tool in npm openssl base64 tar; do
	command -v "$tool" >/dev/null 2>&1 || die "required tool '$tool' not found"
done

# The stamp records "<tarball integrity> <sha512 of echarts.min.js>".
if [ -f "$OUT" ] && [ -f "$STAMP" ]; then
	read -r stamp_integrity stamp_file <"$STAMP" || true
	if [ "${stamp_integrity:-}" = "$INTEGRITY" ] && [ "${stamp_file:-}" = "$(sha512_b64 "$OUT")" ]; then
		echo "fetch-echarts: $OUT is up to date (echarts@$VERSION)"
		exit 0
	fi
	echo "fetch-echarts: $OUT does not match its recorded hash; fetching again" >&2
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && npm pack --silent "echarts@$VERSION" >"$TMP/packname") ||
	die "npm pack echarts@$VERSION failed"
TARBALL="$TMP/$(tail -n1 "$TMP/packname")"
[ -f "$TARBALL" ] || die "npm pack did not produce a tarball (got '$(cat "$TMP/packname")')"

ACTUAL="sha512-$(sha512_b64 "$TARBALL")"
if [ "$ACTUAL" != "$INTEGRITY" ]; then
	die "integrity mismatch for echarts@$VERSION
  expected: $INTEGRITY
  actual:   $ACTUAL
refusing to install the bundle"
fi

tar -xzf "$TARBALL" -C "$TMP" "$MEMBER" || die "$MEMBER not found in the echarts@$VERSION tarball"

mkdir -p "$DEST_DIR"
cp "$TMP/$MEMBER" "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
printf '%s %s\n' "$INTEGRITY" "$(sha512_b64 "$OUT")" >"$STAMP"
echo "fetch-echarts: installed echarts@$VERSION to $OUT"
