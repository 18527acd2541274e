# shellcheck shell=bash
# need_command COMMAND PACKAGE: COMMAND on the PATH, or the Debian PACKAGE installed with apt-get
# where missing (as root on Debian, as .ci/run installs its tools); otherwise the calling script
# stops naming the command to run. Sourced by scripts/soak.

need_command() {
  local command=$1 package=$2 me=${0##*/}
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    printf '%s: %s not installed: apt-get install %s…\n' "$me" "$command" "$package"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"; } \
      >/dev/null 2>&1 || { printf '%s: installing %s failed\n' "$me" "$package" >&2; exit 1; }
    command -v "$command" >/dev/null 2>&1 ||
      { printf '%s: %s is still not on the PATH after apt-get install %s\n' "$me" "$command" "$package" >&2; exit 1; }
  else
    printf '%s: %s is missing: sudo apt-get install %s\n' "$me" "$command" "$package" >&2
    exit 1
  fi
}
