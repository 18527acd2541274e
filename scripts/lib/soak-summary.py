#!/usr/bin/env python3
"""The summary and verdict of a soak's CSV (scripts/soak writes it; its header names the columns).

  scripts/lib/soak-summary.py --rate N [--warmup-min 10] [--reconcile-exit C] [--reconcile-seconds S] CSV
  scripts/lib/soak-summary.py --self-test

Prints, for the rows after the warm-up (minute >= --warmup-min; a run shorter than twice the
warm-up: its second half):
  per process: RSS first/last row, least-squares RSS slope in MiB per hour (and the same over the
    second half of the run, to show whether a slope is ending), mean CPU % of one core
  per consumer group: max lag and its least-squares slope; the lag tool's mean CPU s per row
  latency: p50 and p99 min/median/max over the rows, max of max, p99's slope, the rows whose p99
    is above --max-p99-ms
  counts: the last row's orders and rejected orders
and the verdict (slopes: least squares over the rows after the warm-up):
  RSS flat      every process's RSS slope below 10 MiB/h (--max-slope)
  lag flat      every group's lag slope below 60 s of load per hour (60 x --rate records/h: it
                falls behind by less than a minute an hour) and its lag below 60 s of load
                (60 x --rate records) in every row (the sinks commit their offsets every 10 s, and
                an order has several items: a lag up to about 10 s of items is their normal, and
                the rows' sawtooth makes a slope over an hour uncertain by some hundreds a hour)
  latency flat  p99's slope below 1000 ms/h (--max-p99-slope) and the median of p99 below
                5000 ms (--max-p99-ms); a single minute above it is listed, not a failure
Exit 0 when every rule holds and reconcile exited 0, 1 otherwise, 2 on a wrong argument.
"""
import argparse
import csv
import statistics
import sys


def number(text):
    """The cell as a float, or None when empty."""
    text = (text or "").strip()
    return float(text) if text else None


def slope_per_hour(points):
    """Least-squares slope of (minute, value) points, in value per hour; None under 2 points."""
    if len(points) < 2:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    return sxy / sxx * 60


def read_rows(path):
    """The header and the rows (dicts of text) of the CSV."""
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames or [], list(reader)


def steady_rows(rows, warmup_min):
    """The rows at minute >= warmup_min, or the second half of a run too short for that."""
    last = max(number(r["minute"]) for r in rows)
    start = warmup_min if last >= 2 * warmup_min else last / 2
    return [r for r in rows if number(r["minute"]) >= start], start


def column_values(rows, column):
    """(minute, value) of the rows where the column has a value."""
    return [(number(r["minute"]), number(r[column])) for r in rows if number(r.get(column)) is not None]


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def summarize(header, rows, rate, warmup_min, max_slope, max_p99_ms, max_p99_slope=1000):
    """The summary's lines and whether every rule of the verdict holds."""
    steady, start = steady_rows(rows, warmup_min)
    half, half_start = steady_rows(rows, max(number(r["minute"]) for r in rows))
    names = [c[len("rss_mib_"):] for c in header if c.startswith("rss_mib_")]
    groups = [c[len("lag_"):] for c in header if c.startswith("lag_") and c != "lag_tool_cpu_s"]
    lines = [f"Summary: {len(rows)} rows, steady from minute {start:g} ({len(steady)} rows), rate {rate} orders/s"]
    lines.append(
        f"| process | RSS first (MiB) | RSS last (MiB) | RSS slope from minute {start:g} (MiB/h) "
        f"| RSS slope from minute {half_start:g} (MiB/h) | CPU mean (% of a core) |"
    )
    lines.append("|---|---|---|---|---|---|")
    rss_flat = True
    for name in names:
        all_rss = column_values(rows, "rss_mib_" + name)
        slope = slope_per_hour(column_values(steady, "rss_mib_" + name))
        late = slope_per_hour(column_values(half, "rss_mib_" + name))
        cpu = [v for _, v in column_values(steady, "cpu_pct_" + name)]
        if slope is not None and abs(slope) >= max_slope:
            rss_flat = False
        lines.append(
            f"| {name} | {fmt(all_rss[0][1] if all_rss else None)} | {fmt(all_rss[-1][1] if all_rss else None)} "
            f"| {fmt(slope, 2)} | {fmt(late, 2)} | {fmt(statistics.mean(cpu) if cpu else None)} |"
        )
    lag_limit, lag_slope_limit = 60 * rate, 60 * rate
    lag_flat = True
    lag_parts = []
    for group in groups:
        points = column_values(steady, "lag_" + group)
        worst = max(v for _, v in points) if points else None
        slope = slope_per_hour(points)
        if (worst is not None and worst >= lag_limit) or (slope is not None and slope >= lag_slope_limit):
            lag_flat = False
        lag_parts.append(f"{group} {fmt(worst, 0)} (slope {fmt(slope, 0)}/h)")
    lines.append("max lag after warm-up (records): " + ", ".join(lag_parts))
    tool = [v for _, v in column_values(rows, "lag_tool_cpu_s")]
    if tool:
        lines.append(f"measuring the lag (scripts/lib/kafka-lag.py): {statistics.mean(tool):.2f} CPU s per row on average")
    p50 = [v for _, v in column_values(steady, "p50_ms")]
    p99_points = column_values(steady, "p99_ms")
    p99 = [v for _, v in p99_points]
    worst = [v for _, v in column_values(steady, "max_ms")]
    p99_slope = slope_per_hour(p99_points)
    latency_flat = bool(p99) and statistics.median(p99) < max_p99_ms and (p99_slope or 0) < max_p99_slope
    if p50 and p99:
        lines.append(
            f"latency after warm-up (ms): p50 min/median/max {fmt(min(p50), 0)}/{fmt(statistics.median(p50), 0)}/"
            f"{fmt(max(p50), 0)}; p99 min/median/max {fmt(min(p99), 0)}/{fmt(statistics.median(p99), 0)}/"
            f"{fmt(max(p99), 0)}; max {fmt(max(worst) if worst else None, 0)}; p99 slope {fmt(p99_slope, 0)} ms/h"
        )
        spikes = [f"minute {m:g}: {v:,.0f}" for m, v in p99_points if v >= max_p99_ms]
        lines.append(f"minutes with p99 at or above {max_p99_ms:,.0f} ms: " + ("; ".join(spikes) if spikes else "none"))
    else:
        lines.append("latency: no order written after the warm-up")
    last = rows[-1]
    lines.append(f"counts (last row): orders {last.get('orders_total', '')}, rejected orders {last.get('rejected_total', '')}")
    lines.append(
        f"verdict: RSS {'flat' if rss_flat else 'NOT flat'} (every slope below {max_slope:g} MiB/h), "
        f"lag {'flat' if lag_flat else 'NOT flat'} (slopes below {lag_slope_limit:,} records/h, every row below "
        f"{lag_limit:,}), latency {'flat' if latency_flat else 'NOT flat'} (p99 slope below {max_p99_slope:g} ms/h, "
        f"median p99 below {max_p99_ms:g} ms)"
    )
    return lines, rss_flat and lag_flat and latency_flat


def self_test():
    """The arithmetic on a made-up CSV: a slope known in advance, a leak, a lag above the limit."""
    assert abs(slope_per_hour([(10, 100.0), (20, 110.0), (30, 120.0)]) - 60.0) < 1e-9
    assert slope_per_hour([(10, 5.0)]) is None
    header = ["minute", "rss_mib_a", "rss_mib_b", "cpu_pct_a", "cpu_pct_b", "lag_g", "lag_tool_cpu_s",
              "orders_in_minute", "p50_ms", "p99_ms", "max_ms", "orders_total", "rejected_total", "event"]
    rows = []
    for minute in range(1, 61):
        rows.append({"minute": str(minute), "rss_mib_a": str(200 + (minute < 10) * -50),  # flat after warm-up
                     "rss_mib_b": str(100 + minute * 0.5),  # 30 MiB/h
                     "cpu_pct_a": "10", "cpu_pct_b": "", "lag_g": "5", "lag_tool_cpu_s": "1.5",
                     "orders_in_minute": "6000", "p50_ms": "300", "p99_ms": str(900 + minute),
                     "max_ms": "2000", "orders_total": str(minute * 5400), "rejected_total": str(minute * 600),
                     "event": ""})
    lines, flat = summarize(header, rows, 100, 10, 10, 5000)
    text = "\n".join(lines)
    assert not flat, text
    assert "| a | 150.0 | 200.0 | 0.00 | 0.00 | 10.0 |" in text, text
    assert "| b | 100.5 | 130.0 | 30.00 | 30.00 | - |" in text, text
    assert "RSS NOT flat" in text and "lag flat" in text and "latency flat" in text, text
    assert "p99 min/median/max 910/935/960" in text and "p99 slope 60 ms/h" in text, text
    assert "minutes with p99 at or above 5,000 ms: none" in text, text
    for row in rows:
        row["rss_mib_b"] = "130"
    rows[30]["lag_g"] = "6000"  # one row above 60 s of load
    lines, flat = summarize(header, rows, 100, 10, 10, 5000)
    text = "\n".join(lines)
    assert "RSS flat" in text and "lag NOT flat" in text and not flat, text
    rows[30]["lag_g"] = "5"
    for row in rows:  # lag growing by 100 records a minute: 6,000 an hour
        row["lag_g"] = str(100 * int(row["minute"]) // 2)
    text = "\n".join(summarize(header, rows, 100, 10, 10, 5000)[0])
    assert "lag flat" in text and "g 3,000 (slope 3,000/h)" in text, text
    for row in rows:
        row["lag_g"] = str(100 * int(row["minute"]))
    text = "\n".join(summarize(header, rows, 100, 10, 10, 5000)[0])
    assert "lag NOT flat" in text and "g 6,000 (slope 6,000/h)" in text, text
    for row in rows:
        row["lag_g"] = "5"
    rows[40]["p99_ms"] = "15000"  # one spike: listed, still flat
    lines, flat = summarize(header, rows, 100, 10, 10, 5000)
    text = "\n".join(lines)
    assert flat and "minute 41: 15,000" in text, text
    for row in rows:  # p99 growing by 2 s an hour
        row["p99_ms"] = str(900 + int(row["minute"]) * 2000 / 60)
    assert "latency NOT flat" in "\n".join(summarize(header, rows, 100, 10, 10, 5000)[0])
    short, start = steady_rows(rows[:6], 10)  # six minutes: the second half
    assert start == 3 and len(short) == 4, (start, len(short))
    print("soak-summary self-test: passed")


def main():
    parser = argparse.ArgumentParser(description="The summary and verdict of scripts/soak's CSV.")
    parser.add_argument("csv", nargs="?")
    parser.add_argument("--rate", type=int)
    parser.add_argument("--warmup-min", type=float, default=10)
    parser.add_argument("--max-slope", type=float, default=10, help="MiB per hour")
    parser.add_argument("--max-p99-ms", type=float, default=5000, help="the median of p99 below this")
    parser.add_argument("--max-p99-slope", type=float, default=1000, help="ms per hour")
    parser.add_argument("--reconcile-exit", type=int)
    parser.add_argument("--reconcile-seconds", type=int)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return 0
    if not args.csv or not args.rate or args.rate <= 0:
        parser.error("name the CSV and --rate N (orders per second, above 0)")
    header, rows = read_rows(args.csv)
    if not rows:
        print(f"soak-summary: {args.csv} has no rows", file=sys.stderr)
        return 1
    lines, flat = summarize(
        header, rows, args.rate, args.warmup_min, args.max_slope, args.max_p99_ms, args.max_p99_slope
    )
    print("\n".join(lines))
    if args.reconcile_exit is not None:
        took = f" after {args.reconcile_seconds} s" if args.reconcile_seconds is not None else ""
        print(f"reconcile: {'exact' if args.reconcile_exit == 0 else 'FAILED'} (exit {args.reconcile_exit}{took})")
    return 0 if flat and (args.reconcile_exit in (None, 0)) else 1


if __name__ == "__main__":
    sys.exit(main())
