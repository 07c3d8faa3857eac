#!/usr/bin/env python3
"""Tests of cfuzz-view, one behaviour per subcommand (registered with CTest by
test/view/CMakeLists.txt). Every fuzzing run is bounded by -runs with a fixed
-seed; waits for the server are bounded by deadlines.

  view_test.py lines   VIEW TARGET SOURCE WORK      PC -> line, --lcov, --summary
  view_test.py safety  VIEW TARGET WORK             path traversal, symlinks, Host
  view_test.py damaged VIEW TARGET WORK             damaged file, missing binary
  view_test.py cli     VIEW WORK                    usage errors
  view_test.py browser VIEW FUZZER TEST WORK SHOT   headless Chromium: the page
"""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def fresh(work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)


def run(args, expect=0, cwd=None, timeout=120):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if expect is not None and p.returncode != expect:
        fail(f"{' '.join(args)}: exit {p.returncode}, expected {expect}\n{p.stdout}\n{p.stderr}")
    return p


def fuzz_libfuzzer_style(target, work, runs, seed=1):
    """Runs a libFuzzer-style target with a corpus, in work/."""
    os.makedirs(os.path.join(work, "corpus"), exist_ok=True)
    run([target, "-workdir=" + os.path.join(work, "w"), f"-runs={runs}", f"-seed={seed}", "corpus"], cwd=work)
    return os.path.join(work, "w")


class Server:
    """cfuzz-view --port=0 in the background; .get() talks raw HTTP."""

    def __init__(self, view, workdir, *extra):
        self.proc = subprocess.Popen([view, "--port=0", workdir, *extra], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"cfuzz-view: serving http://127\.0\.0\.1:(\d+)/$", line.strip())
        if not m:
            self.stop()
            fail(f"no 'serving' line, got {line!r}; stderr: {self.proc.stderr.read()}")
        self.port = int(m.group(1))
        self.url = f"http://127.0.0.1:{self.port}/"

    def get(self, path, host=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        # putrequest sends the path exactly as given: no normalisation of "..".
        c.putrequest("GET", path, skip_host=True)
        c.putheader("Host", host or f"127.0.0.1:{self.port}")
        c.endheaders()
        r = c.getresponse()
        body = r.read()
        c.close()
        return r.status, body

    def json(self, path):
        status, body = self.get(path)
        if status != 200:
            fail(f"{path}: status {status}")
        return json.loads(body)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                fail("cfuzz-view did not stop on SIGTERM")


def start_chromium(profile):
    """Debian's headless Chromium through chromedriver, as root in a container."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
              "--user-data-dir=" + profile, "--window-size=1400,1000"]:
        opts.add_argument(a)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)


def markers(source):
    reached, never = [], []
    with open(source) as f:
        for n, line in enumerate(f, 1):
            if "/* REACHED */" in line:
                reached.append(n)
            if "/* NEVER */" in line:
                never.append(n)
    return reached, never


def test_lines(view, target, source, work):
    fresh(work)
    wd = fuzz_libfuzzer_style(target, work, 200)
    info = os.path.join(work, "out.info")
    run([view, "--lcov=" + info, wd])
    text = open(info).read()
    records = re.findall(r"^SF:(.*)$", text, re.M)
    name = os.path.basename(source)
    ours = [r for r in records if os.path.basename(r) == name]
    if len(ours) != 1:
        fail(f"expected one SF: record for {name}, got {records}")
    record = text.split("SF:" + ours[0] + "\n", 1)[1].split("end_of_record", 1)[0]
    hits = {int(a): int(b) for a, b in re.findall(r"^DA:(\d+),(\d+)$", record, re.M)}
    reached, never = markers(source)
    for line in reached:
        if hits.get(line) != 1:
            fail(f"line {line} (REACHED) has DA {hits.get(line)}; all: {sorted(hits.items())}")
    for line in never:
        if hits.get(line) != 0:
            fail(f"line {line} (NEVER) has DA {hits.get(line)}; all: {sorted(hits.items())}")
    lf = int(re.search(r"^LF:(\d+)$", record, re.M).group(1))
    lh = int(re.search(r"^LH:(\d+)$", record, re.M).group(1))
    if lf != len(hits) or lh != sum(1 for v in hits.values() if v):
        fail(f"LF/LH {lf}/{lh} disagree with the DA lines {hits}")
    lcov = shutil.which("lcov")
    if lcov:
        p = run([lcov, "--summary", info])
        out = p.stdout + p.stderr
        m = re.search(r"lines\.*: ([\d.]+)% \((\d+) of (\d+) lines\)", out)
        if not m or int(m.group(3)) != lf or int(m.group(2)) != lh:
            fail(f"lcov --summary does not read {lh} of {lf} lines:\n{out}")
    else:
        print("note: lcov not installed; the tracefile was checked by this script only")
    # The same through --summary, and with BINARY given explicitly.
    for extra in ([], [target]):
        p = run([view, "--summary", wd, *extra])
        m = re.search(r"^\s*(\d+)\s+(\d+)\s+([\d.]+)%\s+(\S*" + re.escape(name) + r")$", p.stdout, re.M)
        if not m or int(m.group(1)) == 0 or int(m.group(1)) >= int(m.group(2)):
            fail(f"--summary has no plausible line for {name}:\n{p.stdout}")
    print(f"lines: REACHED {reached} covered, NEVER {never} not; {lh} of {lf} lines")


def test_safety(view, target, work):
    fresh(work)
    wd = fuzz_libfuzzer_style(target, work, 100)
    corpus = os.path.join(work, "corpus")
    entries = sorted(os.listdir(corpus))
    if not entries:
        fail("the run left no corpus entry")
    secret = os.path.join(work, "secret")
    with open(secret, "w") as f:
        f.write("SECRET\n")
    os.symlink(secret, os.path.join(corpus, "link-out"))
    os.symlink(secret, os.path.join(work, "crash-link"))  # a reproducer name, but a symlink
    s = Server(view, wd)
    try:
        deadline = time.time() + 10
        while "corpus" not in s.json("/api/inputs"):
            if time.time() > deadline:
                fail("inputs never listed")
            time.sleep(0.2)
        listed = [i["name"] for i in s.json("/api/inputs")["corpus"]["items"]]
        if "link-out" in listed:
            fail("a symlink in the corpus is listed")
        status, body = s.get("/download/corpus?name=" + entries[0])
        if status != 200 or body != open(os.path.join(corpus, entries[0]), "rb").read():
            fail(f"a corpus entry does not download intact (status {status})")
        refused = [
            "/download/corpus?name=link-out",
            "/download/reproducer?name=crash-link",
            "/download/corpus?name=..%2Fsecret",
            "/download/corpus?name=../secret",
            "/download/corpus?name=" + secret,
            "/download/corpus?name=%2Fetc%2Fpasswd",
            "/download/corpus?name=..",
            "/download/corpus?name=.",
            "/download/reproducer?name=../../../etc/passwd",
            "/download/corpus",
            "/../../../../etc/passwd",
            "/..%2F..%2F..%2Fetc%2Fpasswd",
            "/etc/passwd",
            "//etc/passwd",
            "/api/source?file=999",
            "/api/source?file=-1",
            "/api/source?file=/etc/passwd",
            "/api/source?file=../../etc/passwd",
            "/api/source?file=0x0",
            "/api/source",
            "/web/../../etc/passwd",
        ]
        for path in refused:
            status, body = s.get(path)
            if status == 200 or b"SECRET" in body or b"root:" in body:
                fail(f"{path} was served (status {status}): {body[:80]!r}")
        status, _ = s.get("/api/meta", host="attacker.example:80")
        if status != 403:
            fail(f"a foreign Host header got status {status}, expected 403")
        status, body = s.get("/api/source?file=0")
        if status != 200 or b"LLVMFuzzerTestOneInput" not in body:
            fail(f"the target's own source is not served (status {status})")
        if not s.alive():
            fail("cfuzz-view died")
    finally:
        s.stop()
    print(f"safety: {len(refused)} requests refused, a corpus entry and the source served")


def test_damaged(view, target, work):
    fresh(work)
    wd = fuzz_libfuzzer_style(target, work, 50)
    (cov,) = [os.path.join(wd, "v", n) for n in os.listdir(os.path.join(wd, "v"))]
    good = open(cov, "rb").read()
    cases = {
        "truncated": good[:100],
        "bad magic": b"NOTCFUZZ" + good[8:],
        "version 1": good[:8] + (1).to_bytes(4, "little") + (64).to_bytes(4, "little") + good[16:],
        "huge counts": good[:16] + (2**62).to_bytes(8, "little") + good[24:],
        "bad module": good[:-8] + b"\xff" * 8,
        "zeros": bytes(len(good)),
    }
    for what, data in cases.items():
        with open(cov, "wb") as f:
            f.write(data)
        p = run([view, "--summary", wd], expect=1)
        if "coverage file" not in p.stderr or "Traceback" in p.stderr or "Segmentation" in p.stderr:
            fail(f"{what}: unclear message: {p.stderr}")
    with open(cov, "wb") as f:
        f.write(cases["truncated"])
    s = Server(view, wd)
    try:
        status, body = s.get("/api/meta")
        if status != 200 or "error" not in json.loads(body):
            fail(f"a damaged file gives no error in /api/meta: {body[:200]!r}")
        status, page = s.get("/")
        if status != 200 or b"cfuzz-view" not in page:
            fail("the page is not served while the file is damaged")
        # Repaired (a fuzzer recreated it): the viewer picks it up.
        with open(cov + ".tmp", "wb") as f:
            f.write(good)
        os.rename(cov + ".tmp", cov)
        deadline = time.time() + 10
        while "error" in s.json("/api/meta"):
            if time.time() > deadline:
                fail("the viewer did not load the repaired coverage file")
            time.sleep(0.3)
        if not s.alive():
            fail("cfuzz-view died")
    finally:
        s.stop()
    # A binary that is gone: a warning naming it, and no line for its points.
    copy = os.path.join(work, "copy-of-target")
    shutil.copy(target, copy)
    wd2 = os.path.join(work, "w2")
    run([copy, "-workdir=" + wd2, "-runs=20", "-seed=1"], cwd=work)
    os.unlink(copy)
    p = run([view, "--summary", wd2], expect=1)
    if "copy-of-target: binary not found" not in p.stderr:
        fail(f"a missing binary is not named: {p.stderr}")
    p = run([view, "--summary", wd2, target])  # given by hand: the same build
    if "known_lines.c" not in p.stdout:
        fail(f"BINARY given by hand is not used: {p.stdout} {p.stderr}")
    print(f"damaged: {len(cases)} damaged files and a missing binary reported clearly")


def test_cli(view, work):
    fresh(work)
    p = run([view, "--help"])
    if "usage: cfuzz-view" not in p.stdout or "--lcov=FILE" not in p.stdout:
        fail("--help does not describe the usage")
    errors = [
        ([], "missing WORKDIR"),
        (["--port=x", work], "--port wants a number"),
        (["--port=70000", work], "--port wants a number"),
        (["--bogus", work], "unknown option '--bogus'"),
        ([os.path.join(work, "nope")], "is not a directory"),
        (["--summary", work], "not a cfuzz work directory"),
        (["--summary", work, os.path.join(work, "nope")], "cannot read BINARY"),
        (["--summary", "--lcov=x", work], "two different reports"),
        (["a", "b", "c"], "too many arguments"),
    ]
    for args, want in errors:
        p = run([view, *args], expect=1)
        if want not in p.stderr:
            fail(f"cfuzz-view {' '.join(args)}: stderr lacks {want!r}: {p.stderr}")
    print(f"cli: {len(errors)} usage errors reported")


def test_browser(view, fuzzer, test, work, shot):
    from selenium.webdriver.common.by import By

    fresh(work)
    wd = os.path.join(work, "w")
    # A first, short run creates the coverage file; the page opens on it.
    run([fuzzer, "--fuzz=" + test, "-workdir=" + wd, "-runs=3", "-seed=1"], cwd=work)
    s = Server(view, wd)
    driver = start_chromium(os.path.join(work, "chromium-profile"))
    fuzz = None
    try:
        driver.set_page_load_timeout(30)
        driver.get(s.url)

        def wait_for(what, cond, seconds=20):
            deadline = time.time() + seconds
            while time.time() < deadline:
                v = cond()
                if v:
                    return v
                time.sleep(0.2)
            driver.save_screenshot(shot)
            fail(f"browser: timed out waiting for {what} (screenshot {shot})")

        # The page re-renders its lists as events arrive: read them in one
        # script call rather than through element handles that go stale.
        def file_rows():
            return driver.execute_script(
                "return [...document.querySelectorAll('#files tbody tr[data-path]')]"
                ".map(r => [r.dataset.path, r.querySelector('td.percent').textContent]);")

        def points(state):
            return set(driver.execute_script(
                f"return [...document.querySelectorAll('#source .pt.{state}[data-pc]')].map(e => e.dataset.pc);"))

        rows = wait_for("the file list", file_rows)
        paths = [p for p, _ in rows]
        name = "/" + test.split("_")[0] + ".c"
        ours = [(p, v) for p, v in rows if p.endswith(name)]
        if not ours:
            fail(f"browser: the example's source is not listed: {paths}")
        percent = float(ours[0][1])
        if not 0 < percent < 100:
            fail(f"browser: implausible percentage {percent}")
        for attempt in range(5):  # a real click; the row may be re-rendered under us
            try:
                driver.find_element(By.CSS_SELECTOR, f'#files tbody tr[data-path="{ours[0][0]}"]').click()
                break
            except Exception:
                time.sleep(0.2)
        wait_for("the source", lambda: driver.find_elements(By.CSS_SELECTOR, "#source .line .pt"))
        off, on_before = points("off"), points("on")
        if not off or not on_before:
            fail(f"browser: expected covered and uncovered points, got {len(on_before)} on, {len(off)} off")
        # Now fuzz for real while the page watches.
        fuzz = subprocess.Popen([fuzzer, "--fuzz=" + test, "-workdir=" + wd, "-runs=30000", "-seed=2"], cwd=work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def turned_on():
            return off & points("on")

        turned = wait_for("a point to turn from uncovered to covered", turned_on, 60)
        if not driver.find_elements(By.CSS_SELECTOR, "#source .line.fresh"):
            fail("browser: newly covered lines are not highlighted")
        fuzz.wait(timeout=120)
        fuzz = None
        time.sleep(2.5)  # a couple of samples after the run, for the graphs
        runs = driver.find_element(By.ID, "t-runs").text
        if runs in ("–", "0"):
            fail(f"browser: runs total shows {runs!r}")
        # The filter box filters.
        box = driver.find_element(By.ID, "filter")
        box.send_keys("no-such-file-xyz")
        wait_for("the filter to hide every file", lambda: not file_rows(), 5)
        box.clear()
        box.send_keys(test.split("_")[0])
        shown = [p for p, _ in wait_for("the filter to show the example", file_rows, 5)]
        if any(test.split("_")[0] not in p for p in shown):
            fail(f"browser: the filter shows non-matching files: {shown}")
        box.clear()
        box.send_keys(" ")  # clear() fires no input event
        wait_for("the list to come back", lambda: len(file_rows()) == len(paths), 5)
        errors = [l for l in driver.get_log("browser") if l.get("level") == "SEVERE"] if hasattr(driver, "get_log") else []
        if errors:
            fail(f"browser: console errors: {errors}")
        driver.save_screenshot(shot)
        print(f"browser: {len(turned)} points turned covered while watching; screenshot {shot}")
    finally:
        if fuzz:
            fuzz.kill()
            fuzz.wait()
        driver.quit()
        s.stop()


def main():
    if len(sys.argv) < 2:
        fail(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    tests = {"lines": test_lines, "safety": test_safety, "damaged": test_damaged, "cli": test_cli,
             "browser": test_browser}
    if cmd not in tests:
        fail(__doc__)
    tests[cmd](*args)


if __name__ == "__main__":
    main()
