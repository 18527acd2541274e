#!/usr/bin/env python3
"""CPU time and memory of the local stack's processes, read from /proc (for scripts/bench-pipeline).

  bench_procs.py snapshot STACK_DIR [NAME=PID ...]
      one line per process: NAME CPU_SECONDS PEAK_KIB NOW_KIB
  bench_procs.py run OUT_FILE -- COMMAND [ARG ...]
      runs COMMAND, forwards SIGTERM and SIGINT to it, and writes "CPU_SECONDS PEAK_KIB" of it
      (utime + stime and ru_maxrss from wait4) into OUT_FILE; exits with its exit code

The processes of a snapshot: every pid file of STACK_DIR/pids whose process still runs, plus each
NAME=PID given. A JVM's CPU is its utime + stime; its peak memory VmHWM, its memory now VmRSS.
PostgreSQL is a tree (the postmaster, its background processes, one backend per connection): its CPU
is the sum over the tree plus the postmaster's reaped children (cutime + cstime), and since the
tree shares its buffers, its memory is the sum of the processes' Pss (proportional set size), now;
the caller keeps the largest it sampled as the peak.
"""

import os
import signal
import subprocess
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    """The fields of /proc/PID/stat after the command name (field 3 onwards)."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        text = f.read()
    return text[text.rindex(")") + 2:].split()


def cpu_ticks(pid, children=False):
    fields = stat_fields(pid)
    # utime, stime, cutime, cstime are fields 14-17 (1-based), 11-14 here (0-based from field 3).
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks


def status_kib(pid, key):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children_of(pid):
    """Every descendant of PID (from the ppid field of each process)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents.setdefault(int(stat_fields(entry)[1]), []).append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def postgres_line(pid):
    cpu = cpu_ticks(pid, children=True)
    memory = pss_kib(pid)
    for child in children_of(pid):
        try:
            cpu += cpu_ticks(child)
            memory += pss_kib(child)
        except OSError:
            continue  # a backend that ended meanwhile: its time is in the postmaster's cutime
    return cpu / TICKS, memory, memory


def jvm_line(pid):
    return cpu_ticks(pid) / TICKS, status_kib(pid, "VmHWM"), status_kib(pid, "VmRSS")


def snapshot(stack_dir, extra):
    processes = []
    pids_dir = os.path.join(stack_dir, "pids")
    for name in sorted(os.listdir(pids_dir)) if os.path.isdir(pids_dir) else []:
        if name.endswith(".pid"):
            try:
                with open(os.path.join(pids_dir, name), encoding="ascii") as f:
                    processes.append((name[:-4], int(f.read().split()[0])))
            except (OSError, ValueError, IndexError):
                continue
    for item in extra:
        name, _, pid = item.partition("=")
        if not pid.isdigit():
            sys.exit(f"bench_procs.py: expected NAME=PID, got '{item}'")
        processes.append((name, int(pid)))
    for name, pid in processes:
        try:
            cpu, peak, now = postgres_line(pid) if name == "postgres" else jvm_line(pid)
        except OSError:
            continue  # not running
        print(f"{name} {cpu:.2f} {peak} {now}")


def run(out_file, command):
    child = subprocess.Popen(command)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda s, _frame: child.send_signal(s))
    while True:
        try:
            _, status, usage = os.wait4(child.pid, 0)
            break
        except InterruptedError:
            continue
    with open(out_file, "w", encoding="ascii") as f:
        f.write(f"{usage.ru_utime + usage.ru_stime:.2f} {usage.ru_maxrss}\n")
    return os.waitstatus_to_exitcode(status)


def main(argv):
    if len(argv) >= 2 and argv[0] == "snapshot":
        snapshot(argv[1], argv[2:])
        return 0
    if len(argv) >= 4 and argv[0] == "run" and argv[2] == "--":
        return run(argv[1], argv[3:])
    print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
