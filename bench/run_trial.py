#!/usr/bin/env python3
"""Runs one fuzzer on one target for one trial and prints one JSON line.

  run_trial.py --fuzzer cfuzz|libfuzzer|aflpp --bins DIR --target T --seeds DIR
               --seconds S --out DIR [--mode time|find] [--trial N] [--jobs N]

Binaries come from bench/build.sh: DIR/T.cfuzz, DIR/T.libfuzzer and
DIR/T.aflcmplog (AFL++ runs its CmpLog build, as its users do, with `-c 0`:
4.04c's separate CmpLog forkserver gets no test cases from libAFLDriver's
shared-memory input, so a separate plain build would never solve a compare);
DIR/T.cov,
when present, measures the final corpus's coverage.

Every fuzzer gets the same seeds, a fresh output dir, one worker (unless
--jobs; the caller pins a single worker to one core), the same per-input
timeout (2 s) and memory limit (2048 MB). Numbers
are measured here the same way for all: executions / wall seconds, time to the
first crash, hang or OOM report (polled every 5 ms; mode find: stop there,
or at the cap), peak
RSS of the largest process and the CPU seconds used (getrusage of the children).
"""
import argparse, glob, json, os, re, resource, shutil, signal, subprocess, sys, time

TIMEOUT_S, MEM_MB = 2, 2048
# Address-space backstop for every fuzzer process: far above MEM_MB and the oom
# target's 3 GiB, so it never decides a find; it only keeps a fuzzer that lacks
# a memory limit from exhausting a shared machine.
BACKSTOP_BYTES = 8 << 30
HERE = os.path.dirname(os.path.abspath(__file__))


def libfuzzer_style_cmd(a, binary, corpus):
    cmd = [binary, f"-max_total_time={a.seconds}", f"-timeout={TIMEOUT_S}",
           f"-rss_limit_mb={MEM_MB}", "-print_final_stats=1",
           f"-artifact_prefix={a.out}/artifacts/", f"-seed={a.trial + 1}"]
    if a.fuzzer == "cfuzz":
        cmd.append(f"-workdir={a.out}/work")
    if a.jobs > 1:
        cmd += [f"-jobs={a.jobs}", f"-workers={a.jobs}"]
    return cmd + a.flag + [corpus]


def afl_cmds(a, binary):
    env = dict(os.environ, AFL_NO_UI="1", AFL_SKIP_CPUFREQ="1", AFL_NO_AFFINITY="1",
               AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES="1", AFL_SKIP_CRASHES="1")
    cmds = []
    for j in range(a.jobs):
        role = ["-M", "main"] if j == 0 and a.jobs > 1 else ["-S", f"sec{j}"] if a.jobs > 1 else []
        cmds.append(["afl-fuzz", "-i", a.seeds, "-o", f"{a.out}/afl", "-V", str(a.seconds),
                     "-t", str(TIMEOUT_S * 1000), "-m", str(MEM_MB), "-s", str(a.trial * 16 + j + 1),
                     *role, "-c", "0", "--", binary])
    return cmds, env


def found_artifact(a):
    if a.fuzzer == "aflpp":
        pats = [f"{a.out}/afl/*/crashes/id:*", f"{a.out}/afl/*/hangs/id:*"]
    else:
        pats = [f"{a.out}/artifacts/*"]
    return any(glob.glob(p) for p in pats)


STATUS_LINE = re.compile(r"#\d+\s")


def log_summary(f):
    """The lines of a fuzzer's log that the measures read, streamed: libpng's warnings
    made 3-4 GB logs in 600 s, and reading one whole got this script OOM-killed."""
    keep, last_status = [], None
    for line in f:
        if STATUS_LINE.match(line):
            last_status = line
        elif line.startswith("stat::") or "Done " in line or "is not implemented" in line:
            keep.append(line)
    return "".join(keep) + (last_status or "")


def libfuzzer_style_execs(log):
    """Total executions from libFuzzer-format output, most precise source first."""
    m = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    if m:
        return sum(map(int, m))
    m = re.findall(r"Done (\d+) runs in", log)
    if m:
        return sum(map(int, m))
    m = re.findall(r"^#(\d+)\s", log, re.M)
    return int(m[-1]) if m else None


def afl_execs(out):
    total = None
    for stats in glob.glob(f"{out}/afl/*/fuzzer_stats"):
        m = re.search(r"^execs_done\s*:\s*(\d+)", open(stats).read(), re.M)
        if m:
            total = (total or 0) + int(m.group(1))
    return total


def process_table():
    """pid -> (parent pid, process group), read from /proc."""
    table = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            # Fields after the command name, which may hold spaces and parentheses.
            fields = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        table[int(d)] = (int(fields[1]), int(fields[2]))
    return table


def groups_below(root):
    """Process groups of root's descendants other than root's own. AFL++'s
    forkservers call setsid(), so they and the targets they fork (which stop
    themselves between inputs in persistent mode) are outside the group that
    killpg reaches: the CI smoke run left one stopped target behind per run."""
    table = process_table()
    below, frontier = set(), [root]
    while frontier:
        pid = frontier.pop()
        for child, (ppid, _) in table.items():
            if ppid == pid and child not in below:
                below.add(child)
                frontier.append(child)
    return {table[p][1] for p in below} - {table.get(root, (0, root))[1]}


def kill_escaped(groups, binary):
    """SIGKILLs the processes of `groups` that still run `binary`: a group id
    can be reused once its processes are gone, so membership alone is not
    enough."""
    for pid, (_, group) in process_table().items():
        try:
            if group in groups and os.readlink(f"/proc/{pid}/exe") == binary:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass  # gone meanwhile


def run(a):
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(f"{a.out}/artifacts")
    corpus = f"{a.out}/corpus"
    shutil.copytree(a.seeds, corpus)
    binary = os.path.abspath(os.path.join(a.bins, f"{a.target}.{'aflcmplog' if a.fuzzer == 'aflpp' else a.fuzzer}"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"run_trial: no binary {binary}")
    # errors="replace": harnesses print raw bytes (libpng writes warnings quoting its input).
    log = open(f"{a.out}/log.txt", "w+", errors="replace")
    if a.fuzzer == "aflpp":
        cmds, env = afl_cmds(a, binary)
    else:
        cmds, env = [libfuzzer_style_cmd(a, binary, corpus)], os.environ
    start = time.monotonic()
    def setup(j):
        def preexec():
            resource.setrlimit(resource.RLIMIT_AS, (BACKSTOP_BYTES, BACKSTOP_BYTES))
            if len(cmds) > 1:
                # AFL++ instances bind to a free core each by default; we keep its own
                # binding off (AFL_NO_AFFINITY, so it cannot escape a lane) and do it here.
                os.sched_setaffinity(0, {j % os.cpu_count()})
        return preexec
    procs = [subprocess.Popen(c, stdout=log, stderr=subprocess.STDOUT, cwd=a.out, env=env,
                              start_new_session=True, preexec_fn=setup(j)) for j, c in enumerate(cmds)]
    found_at = None
    deadline = start + a.seconds + 30  # grace for startup and final stats
    # Groups that fuzzer processes put themselves in (AFL++'s forkservers),
    # looked up about once a second: swept with SIGKILL once the fuzzer is done.
    escaped, next_look = set(), start
    while any(p.poll() is None for p in procs):
        now = time.monotonic()
        if now >= next_look:
            for p in procs:
                escaped |= groups_below(p.pid)
            next_look = now + 1
        if found_at is None and found_artifact(a):
            found_at = now - start
            if a.mode == "find":
                break
        if now > deadline:
            break
        time.sleep(0.005)  # 5 ms: the resolution of time to find
    for p in procs:
        if p.poll() is None:
            escaped |= groups_below(p.pid)
    for p in procs:
        if p.poll() is None:
            # SIGINT: every fuzzer stops cleanly on it and writes its final stats.
            os.killpg(p.pid, signal.SIGINT)
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    kill_escaped(escaped, os.path.realpath(binary))
    wall = time.monotonic() - start
    if found_at is None and found_artifact(a):
        found_at = wall  # the fuzzer exited on the find before our next poll
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_mb = usage.ru_maxrss / 1024
    # CPU time the fuzzer's processes got: on a loaded machine it shows how much
    # of the wall time a trial actually ran (exec/s are per wall second).
    cpu_s = usage.ru_utime + usage.ru_stime
    log.seek(0)
    text = log_summary(log)
    job_logs = glob.glob(f"{a.out}/fuzz-*.log")
    if job_logs:
        # With -jobs each worker writes fuzz-N.log, which libFuzzer also echoes
        # into its own output: count the workers' logs only, once each.
        text = "".join(log_summary(open(j, errors="replace")) for j in job_logs)
    execs = afl_execs(a.out) if a.fuzzer == "aflpp" else libfuzzer_style_execs(text)
    # Flags the fuzzer says it ignores (cfuzz warns "flag -X is not implemented"):
    # a measure that depends on one is reported as n/a, not as a result.
    unsupported = sorted(set(re.findall(r"flag (-\w+) is not implemented", text)))
    queues = glob.glob(f"{a.out}/afl/*/queue") if a.fuzzer == "aflpp" else [corpus]
    rec = {"fuzzer": a.fuzzer, "target": a.target, "trial": a.trial, "mode": a.mode,
           "jobs": a.jobs, "seconds": a.seconds, "wall": round(wall, 3), "execs": execs,
           "execs_per_sec": round(execs / wall, 1) if execs is not None else None,
           "found": found_at is not None,
           "time_to_find": round(found_at, 3) if found_at is not None else None,
           "peak_rss_mb": round(rss_mb, 1), "cpu_seconds": round(cpu_s, 1),
           "unsupported_flags": unsupported,
           "corpus_size": sum(len([f for f in os.listdir(q) if not f.startswith(".")]) for q in queues)}
    cov_bin = os.path.join(a.bins, f"{a.target}.cov")
    if a.coverage and os.access(cov_bin, os.X_OK):
        res = subprocess.run([f"{HERE}/coverage.sh", cov_bin, *queues], capture_output=True, text=True)
        if res.returncode == 0:
            rec.update(json.loads(res.stdout))
    return rec


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fuzzer", required=True, choices=["cfuzz", "libfuzzer", "aflpp"])
    p.add_argument("--bins", required=True)
    p.add_argument("--target", required=True)
    p.add_argument("--seeds", required=True)
    p.add_argument("--seconds", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mode", choices=["time", "find"], default="time")
    p.add_argument("--trial", type=int, default=0)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--coverage", action="store_true", help="measure the final corpus's coverage")
    p.add_argument("--flag", action="append", default=[], metavar="-NAME=VALUE",
                   help="one more flag for a libFuzzer-style fuzzer (cfuzz, libfuzzer); repeatable, for A/B runs")
    a = p.parse_args()
    if a.flag and a.fuzzer == "aflpp":
        p.error("--flag is for libFuzzer-style command lines (cfuzz, libfuzzer), not afl-fuzz")
    a.out = os.path.abspath(a.out)
    a.seeds = os.path.abspath(a.seeds)
    # One write, newline included: matrix.sh's lanes append to the same file through tee, and a
    # separate write for the newline let the other lane's line land in between (two objects on a line).
    sys.stdout.write(json.dumps(run(a)) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
