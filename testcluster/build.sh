#!/usr/bin/env bash
# Builds the test control plane from the Go modules pinned in go.mod and kwok/go.mod into a cache
# outside the repository, and skips the build when that version is already there.
#   etcd, kube-apiserver, kubectl     -> $CACHE/k8s/<version>-linux-amd64/  (fabric8 kube-api-test's layout)
#   kube-controller-manager, kube-scheduler, kwok -> the same folder
# Prints the folder on its last line. CACHE defaults to ~/.cache/aicodecraft.
set -euo pipefail
cd "$(dirname "$0")"
K8S_VERSION=$(awk '$1 == "k8s.io/kubernetes" {print $2; exit}' go.mod)
K8S_VERSION=${K8S_VERSION#v}
CACHE=${AICC_TESTCLUSTER_CACHE:-$HOME/.cache/aicodecraft}
OUT="$CACHE/k8s/${K8S_VERSION}-linux-amd64"
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)

complete() { for b in "${BINARIES[@]}"; do [[ -x "$OUT/$b" ]] || return 1; done; }
if complete; then echo "$OUT"; exit 0; fi

command -v go >/dev/null || { echo "build.sh: Go is needed to build the test control plane" >&2; exit 1; }
mkdir -p "$OUT.tmp"
# /version must report the real release, as on a real cluster.
V=k8s.io/component-base/version
LDFLAGS="-s -w -X $V.gitVersion=v$K8S_VERSION -X $V.gitMajor=${K8S_VERSION%%.*} -X $V.gitMinor=$(cut -d. -f2 <<<"$K8S_VERSION") -X $V.gitTreeState=clean -X $V.buildDate=1970-01-01T00:00:00Z"
export CGO_ENABLED=0
start=$SECONDS
go build -trimpath -ldflags "$LDFLAGS" -o "$OUT.tmp/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
go build -trimpath -ldflags "-s -w" -o "$OUT.tmp/etcd" ./cmd/etcd
(cd kwok && go build -trimpath -ldflags "-s -w" -o "$OUT.tmp/kwok" sigs.k8s.io/kwok/cmd/kwok)
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
echo "build.sh: built ${BINARIES[*]} in $((SECONDS - start)) s" >&2
echo "$OUT"
