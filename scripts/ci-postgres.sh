# Sourced by .ci/run: a local PostgreSQL for the store tests, and CLAIMTRACE_TEST_PG pointing at
# it. Idempotent and quiet: installs Debian's postgresql only when missing, starts the first
# cluster, creates the role and database once. Any failure leaves the variable unset, and the
# PostgreSQL tests are then skipped with a warning (SQLite's still run).
claimtrace_ci_postgres() {
  [ -n "${CLAIMTRACE_TEST_PG:-}" ] && return 0
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >/dev/null 2>&1 || return 1
  fi
  local ver name port
  read -r ver name port _ < <(pg_lsclusters -h | head -1) || true
  if [ -z "${ver:-}" ]; then
    ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
    name=main
    pg_createcluster "$ver" "$name" >/dev/null || return 1
    read -r ver name port _ < <(pg_lsclusters -h | head -1)
  fi
  pg_ctlcluster "$ver" "$name" status >/dev/null 2>&1 || pg_ctlcluster "$ver" "$name" start || return 1
  local psql="runuser -u postgres -- psql -p $port -qtAX"
  (cd /tmp
    [ "$($psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'claimtrace'")" = 1 ] ||
      $psql -c "CREATE ROLE claimtrace LOGIN PASSWORD 'claimtrace'" >/dev/null
    [ "$($psql -c "SELECT 1 FROM pg_database WHERE datname = 'claimtrace_test'")" = 1 ] ||
      runuser -u postgres -- createdb -p "$port" -O claimtrace claimtrace_test
    $psql -d claimtrace_test -c 'CREATE EXTENSION IF NOT EXISTS unaccent' >/dev/null 2>&1 || true
  ) || return 1
  export CLAIMTRACE_TEST_PG="postgres://claimtrace:claimtrace@127.0.0.1:$port/claimtrace_test"
}
if claimtrace_ci_postgres; then echo "== PostgreSQL store tests against $(echo "$CLAIMTRACE_TEST_PG" | sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#')"; else echo "== PostgreSQL not available: its store tests will be skipped"; fi
