#!/usr/bin/env bash
# N Jingda nodes in cluster mode on loopback ports, against the local Redis and PostgreSQL
# (docs/operations.md#several-nodes). The same cluster as docker-compose.yml, without Docker.
#
#   scripts/cluster-local.sh start N    start nodes 1..N on 127.0.0.1:8081..808N, wait until each is ready
#   scripts/cluster-local.sh stop       stop them (SIGTERM, then SIGKILL after 20 s)
#   scripts/cluster-local.sh status     which are running, and their readiness
#
# Needs the jar built for PostgreSQL (the database kind is fixed at build time):
#   ./mvnw -B -ntp package -DskipTests -Dquarkus.profile=pg
#
# Settings (environment):
#   CLUSTER_DB          database name (default jingda_cluster; created if missing)
#   CLUSTER_BASE_PORT   node k listens on CLUSTER_BASE_PORT + k - 1 (default 8081)
#   PGHOST / PGPORT / PGUSER   PostgreSQL (default 127.0.0.1 / 5432 / postgres; trust or ~/.pgpass)
#   JINGDA_DB_PASSWORD  PostgreSQL password of PGUSER (default empty)
#   JINGDA_REDIS_URL    Redis (default redis://127.0.0.1:6379; a local redis-server is started if it does not answer)
#   JINGDA_ADMIN_PASSWORD   password of the first admin account (default cluster-admin-pw; used only on an empty database)
#   CLUSTER_HEAP        -Xmx of each node (default 512m)
#   CLUSTER_OPTS        more JVM options for every node (e.g. -Djingda.cluster.lease-seconds=2)
# Each node's node id is node-k, its data directory target/cluster/node-k/data, its log
# target/cluster/node-k/server.log, its pid target/cluster/node-k/pid.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
DIR=target/cluster
DB=${CLUSTER_DB:-jingda_cluster}
BASE=${CLUSTER_BASE_PORT:-8081}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_URL=${JINGDA_REDIS_URL:-redis://127.0.0.1:6379}
ADMIN_PW=${JINGDA_ADMIN_PASSWORD:-cluster-admin-pw}
HEAP=${CLUSTER_HEAP:-512m}

die() { echo "cluster-local: $*" >&2; exit 1; }

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"; }

pids() {
  for f in "$DIR"/node-*/pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then echo "$f $pid"; else rm -f "$f"; fi
  done
}

ensure_redis() {
  # redis://host:port
  local hostport=${REDIS_URL#redis://}; hostport=${hostport%%/*}
  local host=${hostport%%:*} port=${hostport##*:}
  [ "$port" = "$hostport" ] && port=6379
  if redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1; then return; fi
  case "$host" in 127.0.0.1|localhost) ;; *) die "Redis at $REDIS_URL does not answer";; esac
  echo "starting redis-server on 127.0.0.1:$port (daemonized; log $DIR/redis.log)"
  mkdir -p "$DIR"
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no \
    --logfile "$PWD/$DIR/redis.log" --pidfile "$PWD/$DIR/redis.pid"
  for _ in $(seq 1 50); do redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  die "redis-server did not answer on port $port"
}

ensure_database() {
  pg_isready -q || die "PostgreSQL at $PGHOST:$PGPORT is not ready"
  if [ "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    echo "creating database $DB"
    createdb "$DB"
  fi
}

start_node() {
  local k=$1 port home
  port=$((BASE + k - 1)) home="$DIR/node-$k"
  mkdir -p "$home/data"
  # JINGDA_DB_* are read by the pg profile's datasource settings (application.properties)
  JINGDA_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" JINGDA_DB_USER="$PGUSER" \
  JINGDA_DB_PASSWORD="${JINGDA_DB_PASSWORD:-}" JINGDA_REDIS_URL="$REDIS_URL" \
  JINGDA_CLUSTER_ENABLED=true JINGDA_CLUSTER_NODE_ID="node-$k" \
    nohup java "-Xmx$HEAP" -Dquarkus.profile=pg -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -Djingda.data-dir="$PWD/$home/data" -Djingda.admin.password="$ADMIN_PW" ${CLUSTER_OPTS:-} \
      -jar "$JAR" >"$home/server.log" 2>&1 &
  echo $! >"$home/pid"
}

await_node() {
  local k=$1 port pid
  port=$((BASE + k - 1))
  pid=$(cat "$DIR/node-$k/pid")
  for _ in $(seq 1 600); do
    ready "$port" && { echo "node-$k ready: http://127.0.0.1:$port (pid $pid)"; return; }
    kill -0 "$pid" 2>/dev/null || { tail -30 "$DIR/node-$k/server.log" >&2; die "node-$k exited (log $DIR/node-$k/server.log)"; }
    sleep 0.2
  done
  die "node-$k not ready after 120 s (log $DIR/node-$k/server.log)"
}

case "${1:-}" in
  start)
    n=${2:-3}
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "usage: $0 start N"
    [ -f "$JAR" ] || die "$JAR is missing: build it with ./mvnw -B -ntp package -DskipTests -Dquarkus.profile=pg"
    [ -z "$(pids)" ] || die "nodes are running already ($0 status; $0 stop)"
    ensure_redis
    ensure_database
    # node 1 alone first: on an empty database it runs the migrations and creates the admin account;
    # then the others together
    start_node 1
    await_node 1
    for k in $(seq 2 "$n"); do start_node "$k"; done
    for k in $(seq 2 "$n"); do await_node "$k"; done
    echo "admin password: $ADMIN_PW (only set on an empty database)   stop: $0 stop"
    ;;
  stop)
    list=$(pids)
    [ -n "$list" ] || { echo "no node running"; exit 0; }
    while read -r f pid; do kill -TERM "$pid" 2>/dev/null || true; done <<<"$list"
    for _ in $(seq 1 100); do [ -z "$(pids)" ] && break; sleep 0.2; done
    while read -r f pid; do kill -KILL "$pid" 2>/dev/null || true; rm -f "$f"; done <<<"$(pids)"
    echo "stopped"
    ;;
  status)
    list=$(pids)
    [ -n "$list" ] || { echo "no node running"; exit 0; }
    while read -r f pid; do
      k=$(basename "$(dirname "$f")"); k=${k#node-}; port=$((BASE + k - 1))
      if ready "$port"; then r=UP; else r=DOWN; fi
      echo "node-$k pid $pid http://127.0.0.1:$port ready: $r"
    done <<<"$list"
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
