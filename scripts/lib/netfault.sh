# shellcheck shell=bash
# Network faults on one process of the local stack, for scripts/chaos: its TCP traffic with one
# port on this host dropped, all of it (a partition) or a share of the packets at random (a lossy
# link: TCP retransmits each lost packet after 200 ms or more, so requests are delayed), then
# healed. Needs root, and only touches the network namespace it runs in (run the stack in a
# namespace of its own: README). No tc netem: the kernels of the machines this was written on have
# no netem (CONFIG_NET_SCH_NETEM off), nor the fw classifier to steer marked packets.
#
# How one process is singled out: it is moved into a cgroup (v2) of its own (the hierarchy is
# mounted under ${TMPDIR:-/tmp} for the time of the fault where it is not, as under `ip netns
# exec`), so every connection it opens from then on matches `iptables -m cgroup --path`; a socket
# keeps the cgroup it was created in, so the connections it already has are matched by their local
# ports (read with ss). Every rule is in a chain of our own, FOOD_CHAOS, in the filter table;
# netfault_heal removes the chain and the cgroup, and moves the process back. Sourced by
# scripts/chaos; the functions set variables, so call them in the shell itself, not in $(…).

NETFAULT_CHAIN=FOOD_CHAOS
NETFAULT_CGROUP=""
NETFAULT_PID=""
NETFAULT_HOME=""
NETFAULT_RULES=0
NETFAULT_ROOT=""
NETFAULT_MOUNTED=""
# How many connections the process had open when the fault began.
NETFAULT_CONNECTIONS=0

# netfault_cgroup_root: sets NETFAULT_ROOT to where the cgroup v2 hierarchy is mounted; mounts it
# when it is not (`ip netns exec` gives its commands a /sys of their own, without cgroups).
netfault_cgroup_root() {
  [ -z "$NETFAULT_ROOT" ] || return 0
  NETFAULT_ROOT=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
  [ -z "$NETFAULT_ROOT" ] || return 0
  NETFAULT_MOUNTED=$(mktemp -d "${TMPDIR:-/tmp}/food-chaos-cgroup.XXXXXX")
  mount -t cgroup2 none "$NETFAULT_MOUNTED"
  NETFAULT_ROOT=$NETFAULT_MOUNTED
}

# netfault_missing: why network faults cannot be injected here; prints nothing when they can.
netfault_missing() {
  local tool
  [ "$(id -u)" = 0 ] || { echo "needs root (iptables and a cgroup); run as root in a network namespace of its own"; return 0; }
  for tool in iptables iptables-restore ss; do
    command -v "$tool" >/dev/null 2>&1 || { echo "needs $tool (Debian packages iptables, iproute2)"; return 0; }
  done
  grep -qw cgroup2 /proc/filesystems || { echo "needs cgroup v2 (not in /proc/filesystems)"; return 0; }
  iptables -m cgroup -h >/dev/null 2>&1 || { echo "needs the iptables cgroup match (xt_cgroup)"; return 0; }
  iptables -m statistic -h >/dev/null 2>&1 || echo "needs the iptables statistic match (xt_statistic)"
}

# netfault_local_ports PID PORT: the local ports of PID's TCP connections to PORT (the field
# before the peer address; Java's sockets show as [::ffff:127.0.0.1]:PORT, IPv4 on the wire).
netfault_local_ports() {
  ss -tnpH state connected "( dport = :$2 )" 2>/dev/null |
    awk -v pid="pid=$1," -v peer=":$2" '
      index($0, pid) { for (i = 2; i <= NF; i++) if (substr($i, length($i) - length(peer) + 1) == peer) {
        n = split($(i - 1), a, ":"); print a[n]; break } }' | sort -u
}

# netfault_isolate PID: PID (every thread) into a cgroup of its own, remembering where it was.
netfault_isolate() {
  netfault_cgroup_root
  NETFAULT_HOME="$NETFAULT_ROOT$(awk -F: '$1 == "0" { print $3; exit }' "/proc/$1/cgroup")"
  NETFAULT_CGROUP="$NETFAULT_ROOT/food-chaos-$$"
  mkdir -p "$NETFAULT_CGROUP"
  echo "$1" >"$NETFAULT_CGROUP/cgroup.procs"
  NETFAULT_PID=$1
}

# netfault_rules PID PORT MATCH...: every packet between PID and PORT that also matches MATCH
# (none: every one) dropped, both ways: the packets PID sends to PORT (new connections: its cgroup;
# existing ones: their local ports) and the ones PORT sends back to its existing connections (a new
# connection gets no answer as its first packet is dropped). Loaded at once (iptables-restore
# --noflush: one process, not one a rule); the connections are counted in NETFAULT_CONNECTIONS.
netfault_rules() {
  local pid=$1 port=$2 lport rules
  shift 2
  rules="-A $NETFAULT_CHAIN -p tcp --dport $port -m cgroup --path ${NETFAULT_CGROUP#"$NETFAULT_ROOT"} $* -j DROP"
  NETFAULT_CONNECTIONS=0
  for lport in $(netfault_local_ports "$pid" "$port"); do
    rules+=$'\n'"-A $NETFAULT_CHAIN -p tcp --sport $lport --dport $port $* -j DROP"
    rules+=$'\n'"-A $NETFAULT_CHAIN -p tcp --sport $port --dport $lport $* -j DROP"
    NETFAULT_CONNECTIONS=$((NETFAULT_CONNECTIONS + 1))
  done
  NETFAULT_RULES=1
  printf '*filter\n:%s - [0:0]\n-I OUTPUT -j %s\n%s\nCOMMIT\n' "$NETFAULT_CHAIN" "$NETFAULT_CHAIN" "$rules" |
    iptables-restore --noflush
}

# netfault_cut PID PORT: PID cut off from PORT, both ways.
netfault_cut() {
  netfault_isolate "$1"
  netfault_rules "$1" "$2"
}

# netfault_lose PID PORT PERCENT: PERCENT of the packets between PID and PORT dropped at random.
netfault_lose() {
  netfault_isolate "$1"
  netfault_rules "$1" "$2" -m statistic --mode random --probability "$(awk -v p="$3" 'BEGIN { printf "%.2f", p / 100 }')"
}

# netfault_heal: every rule and the cgroup gone; the process back where it was. Safe to
# call twice, and when nothing was injected.
netfault_heal() {
  if [ "$NETFAULT_RULES" = 1 ]; then
    iptables -D OUTPUT -j "$NETFAULT_CHAIN" 2>/dev/null || true
    iptables -F "$NETFAULT_CHAIN" 2>/dev/null || true
    iptables -X "$NETFAULT_CHAIN" 2>/dev/null || true
    NETFAULT_RULES=0
  fi
  if [ -n "$NETFAULT_CGROUP" ]; then
    [ -z "$NETFAULT_PID" ] || echo "$NETFAULT_PID" >"$NETFAULT_HOME/cgroup.procs" 2>/dev/null || true
    # Just after the move the emptied cgroup can still be busy: a few tries.
    for _ in 1 2 3 4 5; do
      rmdir "$NETFAULT_CGROUP" 2>/dev/null && break
      sleep 0.2
    done
    NETFAULT_CGROUP="" NETFAULT_PID=""
  fi
  if [ -n "$NETFAULT_MOUNTED" ]; then
    umount "$NETFAULT_MOUNTED" 2>/dev/null || true
    rmdir "$NETFAULT_MOUNTED" 2>/dev/null || true
    NETFAULT_MOUNTED="" NETFAULT_ROOT=""
  fi
}
