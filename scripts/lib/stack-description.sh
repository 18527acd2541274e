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
