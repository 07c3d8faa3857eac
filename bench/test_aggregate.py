#!/usr/bin/env python3
"""Checks aggregate.py's bug-suite table on made-up trials: medians with the
cap counted in, ratios marked as bounds when a median rests on the cap, and
n/a for a limit the fuzzer lacks. Run by smoke.sh (so in CI); exit 1 on a
wrong cell."""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aggregate


def trials(fuzzer, target, times, cap=60, unsupported=()):
    return [{"fuzzer": fuzzer, "target": target, "mode": "find", "seconds": cap, "found": t is not None,
             "time_to_find": t, "unsupported_flags": list(unsupported)} for t in times]


rows = (trials("cfuzz", "a", [1, 2, 3]) + trials("libfuzzer", "a", [10, 20, 30]) + trials("aflpp", "a", [None] * 3)
        + trials("cfuzz", "b", [None, None, 5]) + trials("libfuzzer", "b", [2, 2, 2]) + trials("aflpp", "b", [None] * 3)
        + trials("cfuzz", "hang", [None] * 3, unsupported=["-timeout"])
        + trials("libfuzzer", "hang", [4, 4, 4]) + trials("aflpp", "hang", [2, 2, 2]))
cells = {line.split(" | ")[0].lstrip("| "): [c.strip(" |") for c in line.split(" | ")[1:]]
         for line in aggregate.bug_table(rows).splitlines()[2:]}
expect = {
    "a": ["2.00 (3/3)", "20.00 (3/3)", ">60 (0/3)", "0.10", "<0.03"],
    "b": [">60 (1/3)", "2.00 (3/3)", ">60 (0/3)", ">30.00", "n/a, both bounds"],
    "hang": ["n/a, no -timeout (0/3)", "4.00 (3/3)", "2.00 (3/3)", "n/a", "n/a"],
}
bad = [(t, cells.get(t), want) for t, want in expect.items() if cells.get(t) != want]
for t, got, want in bad:
    print(f"test_aggregate: row {t}: got {got}, want {want}", file=sys.stderr)
sys.exit(1 if bad else 0)
