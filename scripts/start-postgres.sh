#!/usr/bin/env bash
# CI only: installs and starts a local PostgreSQL for the store tests, with the password
# the tests use (see .ci/run). Exits non-zero when it cannot; the tests then skip PostgreSQL.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    pg_createcluster "$version" main >/dev/null
    cluster="$version main"
  fi
  # The server outlives this script: it must hold none of our standard streams, or whoever
  # reads this script's output would wait for it forever.
  pg_ctlcluster $cluster start </dev/null >/dev/null 2>&1
fi
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'coverkit'\"" </dev/null >/dev/null
