#!/usr/bin/env python3
"""Before/after tables for a change to cfuzz: cfuzz's medians from two sets of
bench results side by side, each against libFuzzer's and AFL++'s.

  compare.py BEFORE.jsonl[,MORE.jsonl...] AFTER.jsonl[,MORE.jsonl...] > compare.md

The peers' binaries do not change with cfuzz, so their rows may be measured once:
a peer missing from AFTER is taken from BEFORE (the tables say which). Time to
find counts a miss as the cap, as aggregate.py does; ">" marks a median that
is the cap. Ratios are cfuzz / other (after / before for the change itself).
"""
import math, sys

from aggregate import fmt, load, med, ratio, table

PEERS = [("libfuzzer", "libFuzzer"), ("aflpp", "AFL++")]


def rows_of(arg):
    rows = load(arg.split(","))
    for r in rows:
        # On a loaded machine a trial gets a fraction of its core: executions per
        # CPU second compare speed where executions per wall second cannot.
        if r.get("execs") and r.get("cpu_seconds"):
            r["execs_per_cpu_sec"] = r["execs"] / r["cpu_seconds"]
    return [r for r in rows if "fuzzer" in r and "error" not in r and r.get("jobs", 1) == 1]


def peer_rows(before, after, fuzzer):
    own = [r for r in after if r["fuzzer"] == fuzzer]
    return own if own else [r for r in before if r["fuzzer"] == fuzzer]


def real_table(before, after, key, digits=0):
    targets = sorted({r["target"] for r in before + after if r.get("mode") == "time" and "lines" in r})
    header = ["target", "cfuzz before", "cfuzz after", "after/before"] + [name for _, name in PEERS]
    header += [f"{w} vs " + " / ".join(n for _, n in PEERS) for w in ("before", "after")]
    body, logs = [], {"before": [], "after": []}
    for t in targets:
        def m(rows, f):
            return med([r.get(key) for r in rows if r["target"] == t and r["fuzzer"] == f
                        and r.get("mode") == "time" and "lines" in r])
        b, a = m(before, "cfuzz"), m(after, "cfuzz")
        peers = [m(peer_rows(before, after, f), f) for f, _ in PEERS]
        row = [t, fmt(b, digits), fmt(a, digits), ratio(a, b)] + [fmt(p, digits) for p in peers]
        row += [" / ".join(ratio(c, p) for p in peers) for c in (b, a)]
        body.append(row)
        best = max((p for p in peers if p), default=None)
        for name, c in (("before", b), ("after", a)):
            if c and best:
                logs[name].append(math.log(c / best))
    if key != "cpu_seconds" and all(logs.values()) and len(logs["before"]) == len(logs["after"]) == len(targets):
        # The target: geometric mean of cfuzz / the better peer, over all targets.
        body.append(["geometric mean, cfuzz / better peer"] + [""] * (len(header) - 3)
                    + [f"{math.exp(sum(v) / len(v)):.2f}" for v in logs.values()])
    return table(header, body)


def find_median(rows, t, f):
    rs = [r for r in rows if r["target"] == t and r["fuzzer"] == f and r.get("mode") == "find"]
    if not rs:
        return None, "n/a"
    cap = rs[0]["seconds"]
    found = sum(r["found"] for r in rs)
    m = med([r["time_to_find"] if r["found"] else cap for r in rs])
    shown = f">{cap}" if m >= cap and found < len(rs) else fmt(m, 2)
    needs = {"hang": "-timeout", "oom": "-rss_limit_mb"}.get(t)  # as in aggregate.py
    if found == 0 and needs and any(needs in r.get("unsupported_flags", []) for r in rs):
        shown = f"n/a, no {needs}"
    return m, f"{shown} ({found}/{len(rs)})"


def bug_table(before, after):
    targets = sorted({r["target"] for r in before + after if r.get("mode") == "find"})
    header = ["target", "cfuzz before", "cfuzz after"] + [name for _, name in PEERS]
    body = []
    for t in targets:
        row = [t, find_median(before, t, "cfuzz")[1], find_median(after, t, "cfuzz")[1]]
        row += [find_median(peer_rows(before, after, f), t, f)[1] for f, _ in PEERS]
        body.append(row)
    return table(header, body)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = rows_of(sys.argv[1]), rows_of(sys.argv[2])
    reused = [name for f, name in PEERS if not any(r["fuzzer"] == f for r in after)]
    out = []
    if reused:
        out.append(f"{' and '.join(reused)} rows are from the 'before' run (their binaries do not change).\n")
    if any(r.get("mode") == "find" for r in before + after):
        out += ["## Bug suite: time to first crash, hang or OOM report (median seconds, found/trials)\n",
                bug_table(before, after)]
    for title, key, digits in [("executions per wall second", "execs_per_sec", 0),
                               ("executions per CPU second", "execs_per_cpu_sec", 0),
                               ("lines covered by the final corpus", "lines_covered", 0),
                               ("branches covered by the final corpus", "branches_covered", 0),
                               ("CPU seconds the trial got", "cpu_seconds", 0)]:
        t = real_table(before, after, key, digits)
        if t.count("\n") > 2:
            out += [f"## Real targets: {title} (median)\n", t]
    print("\n".join(out))


if __name__ == "__main__":
    main()
