#!/usr/bin/env bash
# CI only: installs and starts a local PostgreSQL for the store tests, and prints the
# connection URL. Tests that need it skip with a message when it is not reachable.
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
  pg_ctlcluster $cluster start
fi
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'coverkit'\"" >/dev/null
echo "postgres://postgres:coverkit@127.0.0.1:5432/postgres"
