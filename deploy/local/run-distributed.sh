#!/usr/bin/env bash
# Distributed mode on one machine: every service, the company portal and the YARP gateway as its own process, the
# services talking over RabbitMQ; the portal is served by the gateway at / and calls the API through it.
#   deploy/local/run-distributed.sh [--data-dir DIR] [--no-build]    start; Ctrl-C stops every process it started
#   deploy/local/run-distributed.sh stop [--data-dir DIR]             stops the processes of a run started elsewhere
# Logs: DIR/<name>.log, appended, one UTC timestamp per line and a marker line per start.
# Environment: RABBITMQ_URL (default amqp://guest:guest@localhost:5672/), GATEWAY_PORT (default 5100; the services
# and the portal take the next five ports), CONFIGURATION (Debug|Release, default Release), DATABASE_PROVIDER and
# CONNECTIONSTRINGS__<SERVICE> to use SQL Server instead of one SQLite file per service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data_dir="$root/data/distributed"
build=1
verb=start
while [ $# -gt 0 ]; do
  case "$1" in
    stop) verb=stop; shift ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

pid_file="$data_dir/pids"
stop_all() { # the processes listed in the pid file, then the file
  [ -f "$pid_file" ] || return 0
  while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$pid_file"
  rm -f "$pid_file"
}
if [ "$verb" = stop ]; then
  if [ -f "$pid_file" ]; then stop_all; echo "stopped the processes listed in $pid_file"; else echo "nothing to stop (no $pid_file)"; fi
  exit 0
fi

config="${CONFIGURATION:-Release}"
rabbit="${RABBITMQ_URL:-amqp://guest:guest@localhost:5672/}"
gw_port="${GATEWAY_PORT:-5100}"
public="http://localhost:${gw_port}/"
declare -A ports=([identity]=$((gw_port+1)) [listings]=$((gw_port+2)) [matching]=$((gw_port+3)) [brokerage]=$((gw_port+4)) [portal]=$((gw_port+5)))
declare -A projects=([identity]=services/Identity/Identity.Api [listings]=services/Listings/Listings.Api [matching]=services/Matching/Matching.Api [brokerage]=services/Brokerage/Brokerage.Api [portal]=portal/Portal.Host)

if [ "$build" = 1 ]; then
  for p in "${projects[@]}" gateway/Gateway; do
    echo "building $p ($config)..."
    if ! dotnet build "$root/$p" -c "$config" -v minimal -nologo; then
      echo "the build of $p failed (errors above); nothing was started" >&2
      exit 1
    fi
  done
fi

mkdir -p "$data_dir"
if [ -f "$pid_file" ]; then
  echo "a previous run left $pid_file; stopping its processes first"
  stop_all
fi
pids=()
cleanup() { stop_all; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
stamp() { while IFS= read -r line; do printf '%(%Y-%m-%dT%H:%M:%S%z)T %s\n' -1 "$line"; done; }

start() { # name dll port
  local name="$1" dll="$2" port="$3"
  env Marketplace__Mode=distributed \
      Marketplace__DataDir="$data_dir/$name" \
      Marketplace__Demo="${MARKETPLACE_DEMO:-true}" \
      Marketplace__PublicUrl="$public" \
      Messaging__Transport=RabbitMq \
      Messaging__RabbitMqUrl="$rabbit" \
      Auth__Authority="$public" \
      Auth__MetadataAddress="http://localhost:${ports[identity]}/.well-known/openid-configuration" \
      Identity__Issuer="$public" \
      Portal__MetadataAddress="http://localhost:${ports[identity]}/.well-known/openid-configuration" \
      Portal__ApiBaseUrl="http://localhost:${gw_port}/" \
      Database__Provider="${DATABASE_PROVIDER:-Sqlite}" \
      ReverseProxy__Clusters__identity__Destinations__d1__Address="http://localhost:${ports[identity]}/" \
      ReverseProxy__Clusters__listings__Destinations__d1__Address="http://localhost:${ports[listings]}/" \
      ReverseProxy__Clusters__matching__Destinations__d1__Address="http://localhost:${ports[matching]}/" \
      ReverseProxy__Clusters__brokerage__Destinations__d1__Address="http://localhost:${ports[brokerage]}/" \
      ReverseProxy__Clusters__portal__Destinations__d1__Address="http://localhost:${ports[portal]}/" \
      dotnet "$dll" --urls "http://localhost:$port" --contentRoot "$(dirname "$dll")" > >(stamp >> "$data_dir/$name.log") 2>&1 &
  pids+=($!)
  echo "$!" >> "$pid_file"
}

for name in identity listings matching brokerage portal gateway; do
  printf '%(%Y-%m-%dT%H:%M:%S%z)T ---- %s starting (run-distributed.sh)\n' -1 "$name" >> "$data_dir/$name.log"
done
for name in identity listings matching brokerage portal; do
  project="${projects[$name]}"
  start "$name" "$root/$project/bin/$config/net10.0/$(basename "$project").dll" "${ports[$name]}"
done
start gateway "$root/gateway/Gateway/bin/$config/net10.0/Gateway.dll" "$gw_port"

for _ in $(seq 1 120); do
  if curl -fsS "${public}health/ready" >/dev/null 2>&1; then
    echo "Symbiosis Marketplace (distributed) is ready"
    echo "  portal: $public   (companies sign in here; register one with the demo client, docs/operations.md)"
    echo "  API:    $public  (OpenAPI: ${public}openapi/v1.json)"
    echo "  logs: $data_dir/*.log   RabbitMQ: $rabbit"
    echo "  stop: Ctrl-C, or $0 stop --data-dir $data_dir"
    echo "  demo API client: demo-operator / demo-operator-secret (client credentials, via ${public}connect/token)"
    wait -n "${pids[@]}" || true
    exit 1
  fi
  sleep 1
done
echo "the gateway did not become ready; see $data_dir/*.log" >&2
exit 1
