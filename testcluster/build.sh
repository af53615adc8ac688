#!/usr/bin/env bash
# Builds the test control plane from the Go modules pinned in go.mod and kwok/go.mod into a cache
# outside the repository, and skips the build when that version is already there.
#   etcd, kube-apiserver, kubectl     -> $CACHE/k8s/<version>-linux-amd64/  (fabric8 kube-api-test's layout)
#   kube-controller-manager, kube-scheduler, kwok -> the same folder
#   kwok-stages.yaml: kwok's own fast node and pod stages, from its module -> the same folder
# Prints the folder on its last line. The cache is $KUBE_API_TEST_DIR (kube-api-test's own setting), else
# ~/.cache/aicodecraft. Without Go it says so and exits 0 (the real-cluster tests then skip), unless
# AICC_REQUIRE_REAL_CLUSTER=true (set by .ci/run), where a missing Go fails.
set -euo pipefail
cd "$(dirname "$0")"
K8S_VERSION=$(awk '$1 == "k8s.io/kubernetes" {print $2; exit}' go.mod)
K8S_VERSION=${K8S_VERSION#v}
CACHE=${KUBE_API_TEST_DIR:-$HOME/.cache/aicodecraft}
OUT="$CACHE/k8s/${K8S_VERSION}-linux-amd64"
BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)

complete() { for b in "${BINARIES[@]}"; do [[ -x "$OUT/$b" ]] || return 1; done; [[ -f "$OUT/kwok-stages.yaml" ]]; }
if complete; then echo "$OUT"; exit 0; fi

if ! command -v go >/dev/null; then
  if [[ "${AICC_REQUIRE_REAL_CLUSTER:-}" == true ]]; then
    echo "build.sh: no Go toolchain to build the real control plane, and AICC_REQUIRE_REAL_CLUSTER=true" >&2
    exit 1
  fi
  echo "build.sh: no Go toolchain: the real control plane is not built and its tests are skipped" >&2
  exit 0
fi
# built beside k8s/, so kube-api-test never sees a half-built version
PARTIAL="$CACHE/partial/${K8S_VERSION}-linux-amd64"
mkdir -p "$PARTIAL"
# /version must report the real release, as on a real cluster.
V=k8s.io/component-base/version
LDFLAGS="-s -w -X $V.gitVersion=v$K8S_VERSION -X $V.gitMajor=${K8S_VERSION%%.*} -X $V.gitMinor=$(cut -d. -f2 <<<"$K8S_VERSION") -X $V.gitTreeState=clean -X $V.buildDate=1970-01-01T00:00:00Z"
export CGO_ENABLED=0
start=$SECONDS
# one binary at a time, the API-server tier's first: the shared packages land in Go's build cache, so an
# interrupted build resumes where it stopped
go build -trimpath -ldflags "-s -w" -o "$PARTIAL/etcd" ./cmd/etcd
for cmd in kube-apiserver kubectl kube-controller-manager kube-scheduler; do
  go build -trimpath -ldflags "$LDFLAGS" -o "$PARTIAL/$cmd" "k8s.io/kubernetes/cmd/$cmd"
done
(cd kwok && go build -trimpath -ldflags "-s -w" -o "$PARTIAL/kwok" sigs.k8s.io/kwok/cmd/kwok)
# kwok runs no stage it is not given: its fast ones make nodes Ready, pods Running and Ready, and Job pods
# Succeeded at once
KWOK_STAGES="$(cd kwok && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage"
for stage in node/fast/node-initialize pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
  echo "---"; cat "$KWOK_STAGES/$stage.yaml"
done > "$PARTIAL/kwok-stages.yaml"
mkdir -p "$CACHE/k8s" && rm -rf "$OUT" && mv "$PARTIAL" "$OUT"
echo "build.sh: built ${BINARIES[*]} in $((SECONDS - start)) s" >&2
echo "$OUT"
