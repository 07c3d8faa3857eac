#!/usr/bin/env python3
"""Turns bench results (JSON lines from run_trial.py / matrix.sh) into markdown
tables of medians, with cfuzz's ratio against libFuzzer and AFL++.

  aggregate.py results.jsonl [more.jsonl ...] > results.md

Ratios are cfuzz / other: above 1 is better for cfuzz in executions per second
and coverage, below 1 is better in time to find and memory. A bug not found
within the cap counts as the cap in the median (shown as ">cap" when the
median itself is censored); "n/a" means the fuzzer produced no number.
"""
import json, statistics, sys
from collections import defaultdict

FUZZERS = ["cfuzz", "libfuzzer", "aflpp"]
NAMES = {"cfuzz": "cfuzz", "libfuzzer": "libFuzzer", "aflpp": "AFL++ (CmpLog)", "bare": "bare loop"}


def load(paths):
    rows = []
    for p in paths:
        for line in open(p):
            line = line.strip()
            if line.startswith("{"):
                rows.append(json.loads(line))
    return rows


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    if v is None:
        return "n/a"
    if isinstance(v, str):
        return v
    return f"{v:,.{digits}f}"


def ratio(a, b):
    if a is None or not b:
        return "n/a"
    return f"{a / b:.2f}" if a / b >= 0.095 else f"{a / b:.1g}"  # small ratios keep one digit


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def metric_table(rows, targets, key, digits=0, with_bare=False):
    """One row per target: the fuzzers' medians of key, then cfuzz's ratios."""
    fuzzers = FUZZERS + (["bare"] if with_bare else [])
    header = ["target"] + [NAMES[f] for f in fuzzers] + ["cfuzz/libFuzzer", "cfuzz/AFL++"]
    body = []
    for t in targets:
        m = {f: med([r.get(key) for r in rows if r["target"] == t and r.get("fuzzer") == f]) for f in fuzzers}
        body.append([t] + [fmt(m[f], digits) for f in fuzzers]
                    + [ratio(m["cfuzz"], m["libfuzzer"]), ratio(m["cfuzz"], m["aflpp"])])
    return table(header, body)


def bug_table(rows):
    targets = sorted({r["target"] for r in rows})
    header = ["target"] + [NAMES[f] + " s (found)" for f in FUZZERS] + ["cfuzz/libFuzzer", "cfuzz/AFL++"]
    body = []
    for t in targets:
        cells, m, censored = [], {}, {}
        for f in FUZZERS:
            rs = [r for r in rows if r["target"] == t and r.get("fuzzer") == f and "error" not in r]
            if not rs:
                cells.append("n/a")
                m[f] = None
                continue
            cap = rs[0]["seconds"]
            times = [r["time_to_find"] if r["found"] else cap for r in rs]
            m[f] = med(times)
            found = sum(r["found"] for r in rs)
            # Found in at most half the trials: the median rests on a trial that hit
            # the cap, so it is a lower bound, not a time.
            censored[f] = found * 2 <= len(rs)
            shown = f">{cap}" if m[f] >= cap and found < len(rs) else fmt(m[f], 2)
            # A hang or OOM can only be found with the per-input limit it needs.
            needs = {"hang": "-timeout", "oom": "-rss_limit_mb"}.get(t)
            if found == 0 and needs and any(needs in r.get("unsupported_flags", []) for r in rs):
                shown = f"n/a, no {needs}"
                m[f] = None  # no ratio against a measure the fuzzer cannot make
            cells.append(f"{shown} ({found}/{len(rs)})")
        body.append([t] + cells + [bound_ratio(m, censored, "libfuzzer"), bound_ratio(m, censored, "aflpp")])
    return table(header, body)


def bound_ratio(m, censored, other):
    """cfuzz / other time to find; a censored median (not found in most trials)
    makes the ratio a bound: ">" when cfuzz's side is the cap, "<" when other's is."""
    r = ratio(m["cfuzz"], m[other])
    if r == "n/a" or not (censored.get("cfuzz") or censored.get(other)):
        return r
    if censored.get("cfuzz") and censored.get(other):
        return "n/a, both bounds"
    return (">" if censored.get("cfuzz") else "<") + r


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = [r for r in load(sys.argv[1:])]
    trials = [r for r in rows if "fuzzer" in r and "error" not in r]
    one = [r for r in trials if r.get("jobs", 1) == 1]
    speed = [r for r in one if r["target"] == "empty"]
    bugs = [r for r in one if r.get("mode") == "find"]
    real = [r for r in one if r.get("mode") == "time" and r["target"] != "empty" and "lines" in r]
    real_targets = sorted({r["target"] for r in real})
    out = []
    if speed:
        out += ["## Loop speed: empty harness, executions per second (median)\n",
                metric_table(speed, ["empty"], "execs_per_sec", with_bare=True)]
    if bugs:
        out += ["## Bug suite: time to first crash, hang or OOM report (median seconds, found/trials)\n",
                bug_table(bugs)]
    if real:
        for title, key, digits in [("executions per second", "execs_per_sec", 0),
                                   ("lines covered by the final corpus", "lines_covered", 0),
                                   ("branches covered by the final corpus", "branches_covered", 0),
                                   ("peak RSS, MB", "peak_rss_mb", 1),
                                   ("CPU seconds the fuzzer's processes got", "cpu_seconds", 0)]:
            if any(key in r for r in real):
                out += [f"## Real targets: {title} (median)\n", metric_table(real, real_targets, key, digits)]
    scaled = [r for r in trials if r.get("jobs", 1) == 2]
    if scaled:
        header = ["fuzzer", "target", "exec/s, 1 worker", "exec/s, -jobs=2", "scaling"]
        body = []
        for f in FUZZERS:
            for t in sorted({r["target"] for r in scaled}):
                rs = [r for r in scaled if r["fuzzer"] == f and r["target"] == t]
                if any("-jobs" in r.get("unsupported_flags", []) for r in rs):
                    body.append([NAMES[f], t, "n/a", "n/a (-jobs not implemented)", "n/a"])
                    continue
                j2 = med([r["execs_per_sec"] for r in rs])
                base = [r for r in one if r["fuzzer"] == f and r["target"] == t and r["seconds"] == (
                    next((s["seconds"] for s in scaled if s["target"] == t), None))]
                j1 = med([r["execs_per_sec"] for r in base])
                body.append([NAMES[f], t, fmt(j1), fmt(j2), ratio(j2, j1)])
        out += ["## Scaling: -jobs=2 against one worker (median exec/s)\n", table(header, body)]
    over = [r for r in rows if r.get("measure") == "overhead"]
    if over:
        header = ["target", "uninstrumented exec/s", "cfuzzpass exec/s", "sancov exec/s",
                  "cfuzzpass slowdown", "sancov slowdown"]
        body = []
        for t in sorted({r["target"] for r in over}):
            m = {v: med([r["execs_per_sec"] for r in over if r["target"] == t and r["variant"] == v])
                 for v in ("plain", "cfuzzpass", "sancov")}
            body.append([t] + [fmt(m[v]) for v in ("plain", "cfuzzpass", "sancov")]
                        + [ratio(m["plain"], m["cfuzzpass"]), ratio(m["plain"], m["sancov"])])
        out += ["## Instrumentation overhead: the same corpus replayed (median exec/s)\n", table(header, body)]
    print("\n".join(out))


if __name__ == "__main__":
    main()
