#!/usr/bin/python3
"""What watching costs the fuzzer: executions per second of one example with
nothing watching, with cfuzz-view serving, and with the page open in headless
Chromium, alternating, REPEAT times each, in one session. Not a CTest test
(speed belongs in measurements, not in pass/fail); see docs/view.md.

  measure_cost.py VIEW FUZZER TEST WORK [RUNS [REPEAT]]
  e.g. test/view/measure_cost.py build/view/cfuzz-view build/examples/example_tokenizer \\
           tokenizer_properties /tmp/view-cost 300000 3
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from view_test import Server, start_chromium  # noqa: E402


def fuzz(fuzzer, test, work, runs, seed):
    # Each run starts from an empty corpus, so that every mode does the same
    # work for the same seed; the coverage file (what the viewer reads) stays.
    shutil.rmtree(os.path.join(work, "w", "f"), ignore_errors=True)
    p = subprocess.run([fuzzer, "--fuzz=" + test, "-workdir=" + os.path.join(work, "w"), f"-runs={runs}",
                        f"-seed={seed}"], cwd=work, capture_output=True, text=True, timeout=600)
    m = re.findall(r"DONE .*exec/s: (\d+)", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit(f"fuzzer failed: {p.stderr[-2000:]}")
    return int(m[-1])


def browser(url, work):
    d = start_chromium(os.path.join(work, "profile"))
    d.get(url)
    # Show the example's source, as a user would.
    deadline = time.time() + 20
    while time.time() < deadline and not d.execute_script(
            "const r = document.querySelector('#files tbody tr[data-path]'); if (r) r.click(); return !!r;"):
        time.sleep(0.2)
    return d


def main():
    view, fuzzer, test, work = (os.path.abspath(a) if i != 2 else a for i, a in enumerate(sys.argv[1:5]))
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 300000
    repeat = int(sys.argv[6]) if len(sys.argv) > 6 else 3
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    fuzz(fuzzer, test, work, 1000, 1)  # creates the coverage file the viewer opens
    results = {"nothing watching": [], "cfuzz-view serving": [], "page open in Chromium": []}
    for r in range(repeat):
        for mode in results:
            server = driver = None
            if mode != "nothing watching":
                server = Server(view, os.path.join(work, "w"))
            if mode == "page open in Chromium":
                driver = browser(server.url, work)
            try:
                results[mode].append(fuzz(fuzzer, test, work, runs, 100 + r))
            finally:
                if driver:
                    driver.quit()
                if server:
                    server.stop()
            print(f"round {r + 1}, {mode}: {results[mode][-1]} exec/s", flush=True)
    base = statistics.median(results["nothing watching"])
    for mode, v in results.items():
        med = statistics.median(v)
        print(f"{mode:24s} median {med:8.0f} exec/s ({100 * (med - base) / base:+.1f}%)  all: {v}")


if __name__ == "__main__":
    main()
