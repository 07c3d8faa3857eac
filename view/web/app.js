// app.js - the cfuzz-view page: keeps the coverage state pushed by the
// server (/api/events), the file list, the source view with its points, and
// the campaign's inputs. Plain JavaScript, no third-party code. Text from
// files is only ever inserted as text, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const MAX_DOTS = 4; // per line; more are shown as counts

const view = {
  meta: null,            // /api/meta: files, pc_file, pc_line, ...
  loadVersion: -1,
  inputsVersion: -1,
  covered: null,         // Uint8Array per PC
  fresh: null,           // Uint8Array per PC: covered since the page opened
  fileTotal: [], fileCovered: [],
  linePoints: new Map(), // file index -> Map(line -> [pc])
  history: { t: [], runs: [], speed: [], cov: [] },
  sortKey: "missing", sortDir: -1,
  current: -1,           // file shown
  lineEls: null,         // line number -> element of the shown file
  newest: -1,            // PC covered most recently
  lastFollow: 0,
  queue: [],             // events waiting for /api/meta
  loadingMeta: false,
  listDirty: true,
};

function fmt(n) {
  if (n >= 1e9) return (n / 1e9).toFixed(2) + "G";
  if (n >= 1e6) return (n / 1e6).toFixed(2) + "M";
  if (n >= 1e4) return (n / 1e3).toFixed(1) + "k";
  return String(Math.round(n));
}

function pct(covered, total) {
  return total ? (100 * covered / total) : 0;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- Meta: the PC -> file:line map ----

async function loadMeta(version) {
  view.loadingMeta = true;
  try {
    const meta = await (await fetch("/api/meta")).json();
    if (meta.error) throw new Error(meta.error);
    view.meta = meta;
    view.loadVersion = version;
    const n = meta.pc_count;
    view.covered = new Uint8Array(n);
    view.fresh = new Uint8Array(n);
    view.fileTotal = new Array(meta.files.length).fill(0);
    view.fileCovered = new Array(meta.files.length).fill(0);
    view.linePoints = new Map();
    for (let pc = 0; pc < n; pc++) {
      const f = meta.pc_file[pc];
      if (f < 0) continue;
      view.fileTotal[f]++;
      let lines = view.linePoints.get(f);
      if (!lines) view.linePoints.set(f, lines = new Map());
      const line = meta.pc_line[pc];
      if (!lines.has(line)) lines.set(line, []);
      lines.get(line).push(pc);
    }
    $("where").textContent = meta.workdir + "  ·  " + meta.modules.map((m) => m.path).join(", ");
    const warn = (meta.warnings || "") + (meta.campaign_error ? meta.campaign_error + "\n" : "");
    $("warnings").hidden = !warn;
    $("warnings").textContent = warn.trim();
    view.listDirty = true;
    if (view.current >= meta.files.length) view.current = -1;
    if (view.current >= 0) showFile(view.current);
  } catch (e) {
    showError(String(e.message || e));
  } finally {
    view.loadingMeta = false;
  }
  const queued = view.queue;
  view.queue = [];
  for (const ev of queued) onEvent(ev);
}

function showError(text) {
  $("error").hidden = !text;
  $("error").textContent = text;
}

// ---- Events ----

function onEvent(ev) {
  if (!ev.loaded) {
    showError("Nothing to show yet: " + ev.error);
    updateTotals(ev.totals);
    return;
  }
  showError("");
  if (ev.load_version !== view.loadVersion || view.loadingMeta) {
    view.queue.push(ev);
    if (!view.loadingMeta) loadMeta(ev.load_version);
    return;
  }
  if (ev.reset) {
    view.covered.fill(0);
    view.fileCovered.fill(0);
    const h = ev.history || [];
    view.history = { t: h.map((s) => s[0]), runs: h.map((s) => s[1]), speed: h.map((s) => s[2]),
                     cov: h.map((s) => s[3]) };
  } else {
    const t = ev.totals;
    view.history.t.push(t.t);
    view.history.runs.push(t.runs);
    view.history.speed.push(t.execs_per_sec);
    view.history.cov.push(t.covered);
  }
  const changedLines = [];
  for (const pc of ev.new) {
    if (pc >= view.covered.length || view.covered[pc]) continue;
    view.covered[pc] = 1;
    const f = view.meta.pc_file[pc];
    if (f >= 0) {
      view.fileCovered[f]++;
      if (!ev.reset) {
        view.fresh[pc] = 1;
        view.newest = pc;
      }
      if (f === view.current) changedLines.push(view.meta.pc_line[pc]);
    }
  }
  if (ev.new.length) view.listDirty = true;
  for (const line of changedLines) markLine(line);
  updateTotals(ev.totals);
  drawGraphs();
  if (view.listDirty) renderFileList();
  if (ev.inputs_version !== view.inputsVersion) loadInputs(ev.inputs_version);
  follow();
}

function updateTotals(t) {
  $("t-runs").textContent = fmt(t.runs);
  $("t-unique").textContent = fmt(t.unique_runs);
  $("t-speed").textContent = fmt(t.execs_per_sec);
  $("t-corpus").textContent = fmt(t.corpus);
  $("t-crashes").textContent = fmt(t.crashes);
  $("t-crashes").classList.toggle("bad", t.crashes > 0);
  $("t-cov").textContent = t.points ? `${t.covered} / ${t.points} (${pct(t.covered, t.points).toFixed(1)}%)` : "–";
}

function drawGraphs() {
  const h = view.history;
  drawGraph($("g-runs"), h.t, h.runs, fmt);
  drawGraph($("g-speed"), h.t, h.speed, fmt);
  drawGraph($("g-cov"), h.t, h.cov, fmt);
}

// ---- File list ----

function fileRows() {
  const filter = $("filter").value.trim().toLowerCase();
  const rows = [];
  view.meta.files.forEach((path, i) => {
    if (filter && !path.toLowerCase().includes(filter)) return;
    const total = view.fileTotal[i], covered = view.fileCovered[i];
    rows.push({ i, path, total, covered, missing: total - covered, percent: pct(covered, total) });
  });
  const k = view.sortKey, d = view.sortDir;
  rows.sort((a, b) => (a[k] < b[k] ? -d : a[k] > b[k] ? d : a.path < b.path ? -1 : 1));
  return rows;
}

function renderFileList() {
  view.listDirty = false;
  if (!view.meta) return;
  const body = $("files").tBodies[0];
  body.textContent = "";
  for (const r of fileRows()) {
    const tr = el("tr");
    tr.dataset.file = r.i;
    tr.dataset.path = r.path;
    if (r.i === view.current) tr.classList.add("selected");
    const name = el("td", "path");
    name.title = r.path;
    name.append(el("bdi", null, r.path));
    tr.append(name, el("td", "num", r.covered), el("td", "num", r.total), el("td", "num", r.missing));
    const p = el("td", "num percent");
    const bar = el("span", "bar");
    const fill = el("span");
    fill.style.width = r.percent.toFixed(1) + "%";
    bar.append(fill);
    p.append(bar, document.createTextNode(r.percent.toFixed(1)));
    tr.append(p);
    tr.addEventListener("click", () => showFile(r.i));
    body.append(tr);
  }
  if (!body.rows.length) {
    const tr = el("tr");
    const td = el("td", "empty", view.meta.files.length ? "no file matches the filter" : "no source lines known");
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
  }
  for (const th of $("files").tHead.rows[0].cells) {
    th.classList.toggle("sorted", th.dataset.key === view.sortKey);
    th.classList.toggle("asc", th.dataset.key === view.sortKey && view.sortDir > 0);
    th.classList.toggle("desc", th.dataset.key === view.sortKey && view.sortDir < 0);
  }
}

// ---- Source ----

let sourceRequest = 0;

async function showFile(i) {
  view.current = i;
  renderFileList();
  const path = view.meta.files[i];
  $("source-name").textContent = path;
  const request = ++sourceRequest;
  let text;
  try {
    const r = await fetch("/api/source?file=" + i);
    text = await r.text();
    if (!r.ok) throw new Error(text);
  } catch (e) {
    if (request !== sourceRequest) return;
    $("source").textContent = "";
    $("source").append(el("div", "empty", String(e.message || e)));
    view.lineEls = null;
    return;
  }
  if (request !== sourceRequest) return;
  const lines = text.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const points = view.linePoints.get(i) || new Map();
  const box = $("source");
  box.textContent = "";
  const frag = document.createDocumentFragment();
  view.lineEls = new Map();
  lines.forEach((code, k) => {
    const n = k + 1;
    const div = el("div", "line");
    div.dataset.line = n;
    div.append(el("span", "no", n), el("span", "dots"), el("span", "code", code));
    frag.append(div);
    view.lineEls.set(n, div);
  });
  box.append(frag);
  for (const line of points.keys()) markLine(line);
}

function markLine(line) {
  if (!view.lineEls) return;
  const div = view.lineEls.get(line);
  const pcs = (view.linePoints.get(view.current) || new Map()).get(line);
  if (!div || !pcs) return;
  const dots = div.children[1];
  dots.textContent = "";
  let on = 0, fresh = false;
  // A line with many points (a condition inlined in many places) shows
  // counts; its dots stay in the page, hidden, one per point.
  const many = pcs.length > MAX_DOTS;
  for (const pc of pcs) {
    const dot = el("span", "pt " + (view.covered[pc] ? "on" : "off") + (many ? " hidden" : ""));
    dot.dataset.pc = pc;
    dot.title = `point ${pc}: ${view.covered[pc] ? "covered" : "not covered"}`;
    dots.append(dot);
    on += view.covered[pc];
    fresh = fresh || view.fresh[pc] === 1;
  }
  if (many) {
    dots.append(el("span", "pt on"), el("span", "count", on), el("span", "pt off"), el("span", "count", pcs.length - on));
    dots.title = `${on} of ${pcs.length} points covered`;
  }
  div.classList.toggle("cov", on === pcs.length);
  div.classList.toggle("uncov", on === 0);
  div.classList.toggle("part", on > 0 && on < pcs.length);
  div.classList.toggle("fresh", fresh);
}

// Follows the newest covered point, at most once a second.
async function follow() {
  if (!$("follow").checked || view.newest < 0) return;
  const now = Date.now();
  if (now - view.lastFollow < 1000) return;
  view.lastFollow = now;
  const pc = view.newest;
  view.newest = -1;
  const f = view.meta.pc_file[pc], line = view.meta.pc_line[pc];
  if (f !== view.current || !view.lineEls) await showFile(f);
  const div = view.lineEls && view.lineEls.get(line);
  if (!div || !$("follow").checked) return;
  const box = $("source");
  box.scrollTop = div.offsetTop - box.offsetTop - box.clientHeight / 3;
  div.classList.add("flash");
  setTimeout(() => div.classList.remove("flash"), 900);
}

// ---- Inputs ----

async function loadInputs(version) {
  view.inputsVersion = version;
  let data;
  try {
    data = await (await fetch("/api/inputs")).json();
  } catch (e) {
    return;
  }
  if (data.error) return;
  fillInputs($("crashes"), data.crashes, "reproducer", $("crash-count"));
  fillInputs($("corpus"), data.corpus, "corpus", $("corpus-count"));
}

function fillInputs(table, list, kind, countEl) {
  const body = table.tBodies[0];
  body.textContent = "";
  countEl.textContent = list.total > list.items.length ? `(newest ${list.items.length} of ${list.total})`
                                                       : `(${list.total}, ${fmt(list.bytes)} bytes)`;
  for (const item of list.items) {
    const tr = el("tr");
    const a = el("a", null, item.name);
    a.href = `/download/${kind}?name=${encodeURIComponent(item.name)}`;
    a.download = item.name;
    const name = el("td");
    name.append(a);
    tr.append(name, el("td", "num", item.size), el("td", null, new Date(item.mtime * 1000).toLocaleString()));
    body.append(tr);
  }
  if (!list.items.length) {
    const tr = el("tr");
    const td = el("td", "empty", kind === "corpus" ? "no corpus entries (or the corpus is in memory only)"
                                                    : "none found");
    td.colSpan = 3;
    tr.append(td);
    body.append(tr);
  }
}

// ---- Wiring ----

function connect() {
  const source = new EventSource("/api/events");
  source.onopen = () => {
    $("status").textContent = "live";
    $("status").className = "status live";
  };
  source.onerror = () => {
    $("status").textContent = "disconnected, retrying";
    $("status").className = "status down";
  };
  source.onmessage = (m) => onEvent(JSON.parse(m.data));
}

document.addEventListener("DOMContentLoaded", () => {
  $("filter").addEventListener("input", renderFileList);
  for (const th of $("files").tHead.rows[0].cells) {
    th.addEventListener("click", () => {
      const key = th.dataset.key;
      view.sortDir = view.sortKey === key ? -view.sortDir : key === "path" ? 1 : -1;
      view.sortKey = key;
      renderFileList();
    });
  }
  // Following stops as soon as the user moves the source themselves.
  const stopFollowing = () => { $("follow").checked = false; };
  for (const type of ["wheel", "mousedown", "touchmove", "keydown"]) $("source").addEventListener(type, stopFollowing);
  $("source").tabIndex = 0;
  $("follow").addEventListener("change", () => { view.lastFollow = 0; });
  window.addEventListener("resize", drawGraphs);
  connect();
});
