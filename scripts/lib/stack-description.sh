# shellcheck shell=bash
# The local stack's description, pipeline-infra/config/local-stack.properties (start order, host
# ports, JVM flags, readiness checks), read into the associative array DESC by the rules
# pipeline-infra's LocalStack class reads it by: KEY=VALUE lines taken as they are, blank lines and
# '#' lines skipped. Sourced by scripts/local-stack and scripts/smoke-local-stack, after ROOT is set.

STACK_DESCRIPTION="$ROOT/pipeline-infra/config/local-stack.properties"
declare -A DESC=()

# The calling script's name, for messages.
desc_fail() { printf '%s: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# read_stack_description: fills DESC from the file.
read_stack_description() {
  local line
  [ -r "$STACK_DESCRIPTION" ] || desc_fail "cannot read the stack's description $STACK_DESCRIPTION"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    DESC[${line%%=*}]=${line#*=}
  done <"$STACK_DESCRIPTION"
}

# desc_words KEY ARRAY: KEY's value split at spaces into the array named ARRAY; a key the file
# lacks stops the script naming it.
desc_words() {
  [ -n "${DESC[$1]:-}" ] || desc_fail "$1 is missing in $STACK_DESCRIPTION"
  read -r -a "$2" <<<"${DESC[$1]}"
}

# desc_value KEY VARIABLE: KEY's value, whole, into VARIABLE (a missing key stops the script).
desc_value() {
  [ -n "${DESC[$1]:-}" ] || desc_fail "$1 is missing in $STACK_DESCRIPTION"
  printf -v "$2" '%s' "${DESC[$1]}"
}

# stack_host_ports ARRAY: every port `up` binds on 127.0.0.1 into the array named ARRAY, in start
# order (a component with NAME.instances: its first port + 0 .. instances - 1), as LocalStack's
# hostPorts().
stack_host_ports() {
  # Locals with names no caller's array has: ARRAY is looked up by name, innermost first.
  local -n _into=$1
  local _component _n _count
  local -a _order _ports
  _into=()
  desc_words start-order _order
  for _component in "${_order[@]}"; do
    [ -n "${DESC[$_component.ports]:-}" ] || continue
    read -r -a _ports <<<"${DESC[$_component.ports]}"
    _count=${DESC[$_component.instances]:-1}
    if [ "$_count" -gt 1 ]; then
      for ((_n = 0; _n < _count; _n++)); do _into+=($((_ports[0] + _n))); done
    else
      _into+=("${_ports[@]}")
    fi
  done
}

# metrics_flags NAME INSTANCE ARRAY: the flags that make instance INSTANCE (from 1) of component
# NAME serve Prometheus metrics (--metrics-port, --metrics-rules), as LocalStack's Metrics gives
# them, into the array named ARRAY; empty when NAME has no NAME.metrics-port.
metrics_flags() {
  local -n _flags=$3
  _flags=()
  [ -n "${DESC[$1.metrics-port]:-}" ] || return 0
  _flags=(--metrics-port "$((DESC[$1.metrics-port] + $2 - 1))"
    --metrics-rules "$ROOT/docker/jmx-exporter/${DESC[$1.metrics-rules]:?$1.metrics-rules is missing in $STACK_DESCRIPTION}")
}

# metrics_job NAME: the job Prometheus scrapes NAME as (NAME.metrics-job, else NAME).
metrics_job() { echo "${DESC[$1.metrics-job]:-$1}"; }

# stack_metrics_ports ARRAY: the metrics ports `up` binds, as stack_host_ports.
stack_metrics_ports() {
  local -n _metrics_into=$1
  local _c _i _count
  local -a _components
  _metrics_into=()
  desc_words start-order _components
  for _c in "${_components[@]}"; do
    [ -n "${DESC[$_c.metrics-port]:-}" ] || continue
    _count=${DESC[$_c.instances]:-1}
    for ((_i = 0; _i < _count; _i++)); do _metrics_into+=($((DESC[$_c.metrics-port] + _i))); done
  done
}

# --- the number of brokers (`scripts/local-stack up --brokers 1|3`) ----------------------------
# `up` records it in the stack's folder (FOLDER/brokers), so that later commands (status, stop
# kafka-2, down, scripts/chaos --running) know how many it runs; no record: 1. Node N > 1 is the
# component kafka-N of the description (its ports and metrics port), with kafka's JVM flags.

BROKER_COUNTS=(1 3)

# stack_brokers FOLDER: the number of brokers of the stack in FOLDER.
stack_brokers() {
  local count=1
  [ ! -f "$1/brokers" ] || count=$(cat "$1/brokers")
  [[ " ${BROKER_COUNTS[*]} " == *" $count "* ]] || desc_fail "$1/brokers holds '$count': expected one of ${BROKER_COUNTS[*]}"
  echo "$count"
}

# record_brokers FOLDER COUNT: what `up` writes.
record_brokers() { printf '%s\n' "$2" >"$1/brokers"; }

# broker_name N: the component of node N (kafka, kafka-2, kafka-3).
broker_name() { if [ "$1" = 1 ]; then echo kafka; else echo "kafka-$1"; fi; }

# broker_port N [INDEX]: node N's client port (INDEX 0) or controller port (INDEX 1).
broker_port() {
  local -a _bp
  desc_words "$(broker_name "$1").ports" _bp
  echo "${_bp[${2:-0}]}"
}

# stack_bootstrap COUNT: the clients' bootstrap.servers, every broker of COUNT.
stack_bootstrap() {
  local n list=""
  for ((n = 1; n <= $1; n++)); do list+="${list:+,}127.0.0.1:$(broker_port "$n")"; done
  echo "$list"
}

# quorum_voters COUNT: controller.quorum.voters of a static quorum of COUNT nodes (ID@HOST:PORT).
quorum_voters() {
  local n list=""
  for ((n = 1; n <= $1; n++)); do list+="${list:+,}$n@127.0.0.1:$(broker_port "$n" 1)"; done
  echo "$list"
}
