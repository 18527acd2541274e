#!/usr/bin/env bash
# Static checks of the Docker, AWS and CI files; no Docker engine, no network, no AWS account needed.
#   1. docker-compose config for the base file and for each profile (Debian's docker-compose 1.29
#      validates without an engine; `docker compose` v2 is used instead, or as well, when installed),
#   2. shellcheck on every shell script of the repository: *.sh, and scripts/* or any executable
#      file with a shell shebang (mvnw, .ci/run, ...); and the chaos suite's command line
#      (scripts/chaos --help, a wrong scenario refused with exit 2; the suite itself is not run),
#      the soak's and the benchmark's (--help, a wrong flag refused with exit 2) and the soak's
#      Python helpers' self-tests (lag reader against a fake broker, summary arithmetic),
#   3. yamllint on the compose file, docker/, aws/ and .github/workflows/,
#   4. cfn-lint on the CloudFormation template, when cfn-lint is installed (skipped otherwise),
#   5. promtool: compose's Prometheus config and the rules both Prometheus setups load, the
#      config the local stack generates (scripts/local-stack prometheus-config), and every query of
#      the Grafana dashboards (JSON, variables substituted: scripts/check-monitoring --emit-rules),
#      with a broken query as a self-test that the parse can fail.
# Exits non-zero if any check fails or a required tool is missing.
#   Usage: scripts/check-static.sh            (from anywhere; it works from the repository root)
#   Tools: apt-get install -y docker-compose shellcheck yamllint prometheus (promtool) python3
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2

passed=0
failed=0
all_profiles=()

pass() {
  passed=$((passed + 1))
  printf 'ok    %s\n' "$1"
}

fail() {
  failed=$((failed + 1))
  printf 'FAIL  %s\n' "$1"
}

# Runs a check: the label, then the command. Its output is shown only when it fails.
check() {
  local label="$1"
  shift
  local output
  if output="$("$@" 2>&1)"; then
    pass "$label"
  else
    fail "$label"
    printf '%s\n' "$output" | sed 's/^/      /'
  fi
}

# Succeeds when the command fails (a self-test of a check).
fails() {
  ! "$@"
}

require() {
  if ! command -v "$1" > /dev/null 2>&1; then
    fail "tool $1 is missing (apt-get install -y $2)"
    return 1
  fi
}

# Profiles named in the compose file, e.g. `profiles: ["monitoring"]`.
compose_profiles() {
  sed -n 's/^ *profiles: *\[\(.*\)\].*/\1/p' docker-compose.yml | tr ',' '\n' | tr -d ' "'"'" | sort -u
}

# --- 1. docker-compose config ------------------------------------------------------------------
# Debian's docker-compose 1.29 where it is installed (it needs no engine); otherwise `docker compose`.
compose=()
if command -v docker-compose > /dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
else
  fail "neither docker-compose nor docker compose is installed (apt-get install -y docker-compose)"
fi
while read -r profile; do
  [[ -n "$profile" ]] && all_profiles+=(--profile "$profile")
done < <(compose_profiles)
if ((${#compose[@]} > 0)); then
  check "${compose[*]} config (base)" "${compose[@]}" -f docker-compose.yml config -q
  while read -r profile; do
    [[ -n "$profile" ]] || continue
    check "${compose[*]} config (profile $profile)" "${compose[@]}" -f docker-compose.yml --profile "$profile" config -q
  done < <(compose_profiles)
  check "${compose[*]} config (every profile)" "${compose[@]}" -f docker-compose.yml "${all_profiles[@]}" config -q
  # The three-broker override (docs/decisions.md, 19), over the base file with every profile.
  check "${compose[*]} config (three brokers, every profile)" "${compose[@]}" -f docker-compose.yml \
    -f docker-compose.brokers3.yml "${all_profiles[@]}" config -q
fi
if [[ "${compose[*]}" == docker-compose ]] && docker compose version > /dev/null 2>&1; then
  check "docker compose v2 config (every profile)" docker compose -f docker-compose.yml "${all_profiles[@]}" config -q
fi

# --- 2. shellcheck -----------------------------------------------------------------------------
is_shell_script() {
  case "$1" in
    *.sh) return 0 ;;
  esac
  head -n 1 "$1" 2>/dev/null | grep -Eq '^#!.*\b(ba|da|k)?sh\b'
}

if require shellcheck shellcheck; then
  scripts=()
  while IFS= read -r -d '' file; do
    if is_shell_script "$file"; then
      scripts+=("$file")
    fi
  done < <(find . \( -name .git -o -name target -o -name node_modules -o -name .local-stack \) -prune \
             -o -type f \( -name '*.sh' -o -path './scripts/*' -o -perm -u+x \) -print0 | sort -z)
  if ((${#scripts[@]} == 0)); then
    fail "shellcheck: no script found"
  fi
  for script in "${scripts[@]}"; do
    check "shellcheck ${script#./}" shellcheck -x "$script"
  done
fi

# The chaos suite is too long for CI (docs/chaos.md); its command line is checked without a stack.
check "scripts/chaos --help" scripts/chaos --help
check "scripts/chaos refuses an unknown scenario (exit 2)" \
  bash -c 'scripts/chaos no-such-scenario > /dev/null 2>&1; test $? -eq 2'
# The soak (an hour) and the benchmark (about 25 minutes) likewise: their command lines, and the
# soak's helpers, which have self-tests of their own.
check "scripts/soak --help" scripts/soak --help
check "scripts/soak refuses a wrong flag (exit 2)" \
  bash -c 'scripts/soak --no-such-flag > /dev/null 2>&1; test $? -eq 2'
check "scripts/bench-pipeline --help" scripts/bench-pipeline --help
check "scripts/bench-pipeline refuses a wrong flag (exit 2)" \
  bash -c 'scripts/bench-pipeline --no-such-flag > /dev/null 2>&1; test $? -eq 2'
check "scripts/bench-pipeline refuses a warm-up that is not a count (exit 2)" \
  bash -c 'scripts/bench-pipeline --warmup-orders -5 > /dev/null 2>&1; test $? -eq 2'
check "kafka-lag.py --self-test" python3 scripts/lib/kafka-lag.py --self-test
check "soak-summary.py --self-test" python3 scripts/lib/soak-summary.py --self-test

# --- 3. yamllint -------------------------------------------------------------------------------
yamllint_config='{extends: default, rules: {line-length: {max: 140}, document-start: disable,
  truthy: {check-keys: false}, comments: {min-spaces-from-content: 1},
  braces: {max-spaces-inside: 1}, brackets: {max-spaces-inside: 1}}}'
if require yamllint yamllint; then
  yaml_files=(docker-compose.yml docker-compose.brokers3.yml)
  while IFS= read -r -d '' file; do
    yaml_files+=("$file")
  done < <(find docker aws .github/workflows -type f \( -name '*.yml' -o -name '*.yaml' \) -print0 2>/dev/null | sort -z)
  for file in "${yaml_files[@]}"; do
    check "yamllint ${file#./}" yamllint -s -d "$yamllint_config" "$file"
  done
fi

# --- 4. cfn-lint (optional) --------------------------------------------------------------------
template=aws/food-pipeline.yaml
if command -v cfn-lint > /dev/null 2>&1; then
  check "cfn-lint $template" cfn-lint "$template"
else
  printf 'skip  cfn-lint %s (cfn-lint not installed; deploy-checks tests the template)\n' "$template"
fi

# --- 5. promtool --------------------------------------------------------------------------------
# Compose's config names the rules at their path in the container: check a copy that names the
# repository's file. The local stack's generated config names the repository's file already.
if require promtool prometheus; then
  check "promtool check rules docker/prometheus/rules.yml" promtool check rules docker/prometheus/rules.yml
  promtool_dir=$(mktemp -d)
  sed "s|/etc/prometheus/rules.yml|$root/docker/prometheus/rules.yml|" docker/prometheus/prometheus.yml \
    > "$promtool_dir/compose-prometheus.yml"
  check "promtool check config docker/prometheus/prometheus.yml" \
    promtool check config --syntax-only "$promtool_dir/compose-prometheus.yml"
  if FOOD_STACK_DIR="$promtool_dir/stack" scripts/local-stack prometheus-config > "$promtool_dir/local-prometheus.yml"; then
    check "promtool check config (scripts/local-stack prometheus-config)" \
      promtool check config --syntax-only "$promtool_dir/local-prometheus.yml"
  else
    fail "scripts/local-stack prometheus-config"
  fi
  # Each dashboard query as a recording rule: promtool parses PromQL without a server.
  if scripts/check-monitoring --emit-rules > "$promtool_dir/dashboard-queries.yml"; then
    check "promtool parses every query of docker/grafana/dashboards/*.json" \
      promtool check rules "$promtool_dir/dashboard-queries.yml"
  else
    fail "scripts/check-monitoring --emit-rules (a dashboard is not JSON or uses an unknown variable)"
  fi
  mkdir "$promtool_dir/broken"
  printf '%s\n' '{"panels": [{"title": "broken", "targets": [{"expr": "sum by (job (up)"}]}]}' \
    > "$promtool_dir/broken/broken.json"
  scripts/check-monitoring --emit-rules --dashboards "$promtool_dir/broken" > "$promtool_dir/broken.yml"
  check "promtool rejects a broken dashboard query (self-test)" \
    fails promtool check rules "$promtool_dir/broken.yml"
  rm -rf "$promtool_dir"
fi

printf 'check-static: %d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
