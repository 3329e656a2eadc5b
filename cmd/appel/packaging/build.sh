#!/bin/sh
# Builds dist/appel_VERSION_ARCH.deb (and .rpm with --rpm) from a clean
# clone: a static binary, then nfpm v2.48.0 (fetched by go run), in a
# staging folder beside the packages.
# Usage: bash cmd/appel/packaging/build.sh [--rpm]   (from the repository)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
dist=${APPEL_DIST:-$root/dist}
stage="$dist/.paquet"
rm -rf "$stage"
mkdir -p "$stage"
export APPEL_VERSION=${APPEL_VERSION:-0.1.0}
export APPEL_ARCH=${APPEL_ARCH:-$(go env GOARCH)}
cp "$here"/nfpm.yaml "$here"/appel.service "$here"/appel.default "$here"/*.sh "$stage/"
(cd "$root" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$stage/appel" ./cmd/appel)
nfpm() { (cd "$stage" && go run github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0 "$@"); }
nfpm package --config nfpm.yaml --packager deb --target "$dist/"
if [ "${1:-}" = "--rpm" ]; then
	nfpm package --config nfpm.yaml --packager rpm --target "$dist/"
fi
rm -rf "$stage"
ls "$dist"/appel*.deb
