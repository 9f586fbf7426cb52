// The tasks page: the Overlord's Tasks API only, polled. Every value from the server reaches the page
// through textContent or an attribute, never as markup: task ids, log lines and payloads are user input.
"use strict";

const API = "/druid/indexer/v1";
const TABLE_POLL_MS = 2000;
const DETAIL_POLL_MS = 1000;
const LOG_TAIL_BYTES = 16384;
// Druid's web console ranks active tasks first, then orders by created time, newest first
const RANK = { RUNNING: 4, PENDING: 3, WAITING: 2 };

const $ = (id) => document.getElementById(id);
let tasks = [];
let lastListing = "";
let selected = null;
let detailTimer = null;
let tableBusy = false;
let detailBusy = false;

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, options = {}) {
  // from the origin: a page opened as http://user:password@host/ has a base URL that fetch refuses
  const response = await fetch(window.location.origin + API + path, { credentials: "same-origin", ...options });
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try {
      const body = await response.json();
      message = body.errorMessage || body.error || JSON.stringify(body);
    } catch (ignored) { /* not JSON: keep the status line */ }
    throw new ApiError(response.status, message);
  }
  return options.text ? response.text() : response.json();
}

const path = (id) => encodeURIComponent(id);
const shownStatus = (t) => (t.statusCode === "RUNNING" ? t.runnerStatusCode : t.statusCode);
const rank = (t) => (t.statusCode === "RUNNING" ? RANK[t.runnerStatusCode] || 2 : 1);

function byDruidOrder(a, b) {
  return rank(b) - rank(a) || Date.parse(b.createdTime) - Date.parse(a.createdTime) || a.id.localeCompare(b.id);
}

function duration(ms) {
  if (ms === undefined || ms === null || ms < 0) return "";
  if (ms < 1000) return ms + " ms";
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return s + " s";
  const m = Math.floor(s / 60);
  return m < 60 ? m + " min " + Math.round(s % 60) + " s" : Math.floor(m / 60) + " h " + (m % 60) + " min";
}

function placeOf(t) {
  return t.location && t.location.host ? t.location.host + ":" + t.location.port : "";
}

function notice(text) {
  $("notice").textContent = text;
}

/** The datetime-local inputs are read as UTC, the zone of every time the API shows. */
function utc(input) {
  return input.value ? new Date(input.value + "Z") : null;
}

function listQuery() {
  const q = new URLSearchParams();
  const state = $("f-state").value;
  const ds = $("f-datasource").value.trim();
  const type = $("f-type").value.trim();
  if (state) q.set("state", state);
  if (ds) q.set("datasource", ds);
  if (type) q.set("type", type);
  if (!state || state === "complete") q.set("max", $("f-max").value);
  const from = utc($("f-from"));
  const to = utc($("f-to"));
  if (from || to) {
    q.set("createdTimeInterval", (from ? from.toISOString() : "0001-01-01T00:00:00.000Z") + "/"
      + (to ? to.toISOString() : "9999-12-31T23:59:59.999Z"));
  }
  return q;
}

/** The interval filter reaches only complete tasks in Druid; active ones are filtered here. */
function createdWithin(t) {
  const from = utc($("f-from"));
  const to = utc($("f-to"));
  const created = Date.parse(t.createdTime);
  return (!from || created >= from.getTime()) && (!to || created < to.getTime());
}

async function loadTasks() {
  if (tableBusy || document.hidden) return;
  tableBusy = true;
  try {
    const listed = await api("/tasks?" + listQuery());
    const text = JSON.stringify(listed);
    if (text !== lastListing) {
      lastListing = text;
      tasks = listed.filter(createdWithin).sort(byDruidOrder);
      renderTable();
    }
    if ($("notice").dataset.kind === "list") notice("");
  } catch (e) {
    notice("Could not list the tasks: " + e.message);
    $("notice").dataset.kind = "list";
  } finally {
    tableBusy = false;
  }
}

function renderTable() {
  const focusedId = document.activeElement && document.activeElement.closest("#tasks") ? document.activeElement.dataset.id : null;
  const rows = document.createDocumentFragment();
  const types = new Set();
  for (const t of tasks) {
    types.add(t.type);
    const status = shownStatus(t);
    const active = t.statusCode === "RUNNING";
    const open = el("button", { type: "button", "data-id": t.id, onclick: () => openTask(t.id) }, t.id);
    const stop = active
      ? el("button", { type: "button", "data-id": t.id, "aria-label": "Stop task " + t.id, onclick: () => stopTask(t.id) }, "Stop")
      : null;
    rows.append(el("tr", { "data-id": t.id, class: t.id === selected ? "selected" : "" },
      el("td", { class: "id" }, open),
      el("td", {}, t.type),
      el("td", {}, t.dataSource),
      el("td", {}, el("time", { datetime: t.createdTime }, t.createdTime)),
      el("td", {}, el("span", { class: "status status-" + status }, status),
        t.errorMsg ? el("div", { class: "hint" }, t.errorMsg) : null),
      el("td", {}, duration(t.duration)),
      el("td", {}, placeOf(t)),
      el("td", {}, stop)));
  }
  $("tasks").tBodies[0].replaceChildren(rows);
  if (!performance.getEntriesByName("tasks-rendered").length) performance.mark("tasks-rendered"); // first render, measured
  $("count").textContent = tasks.length + (tasks.length === 1 ? " task." : " tasks.");
  $("known-types").replaceChildren(...[...types].sort().map((type) => el("option", { value: type })));
  if (focusedId) {
    const again = [...$("tasks").querySelectorAll("button")].find((b) => b.dataset.id === focusedId);
    if (again) again.focus();
  }
}

async function stopTask(id) {
  if (!window.confirm("Stop task " + id + "?")) return;
  try {
    await api("/task/" + path(id) + "/shutdown", { method: "POST" });
    notice("Asked task " + id + " to stop.");
  } catch (e) {
    notice("Could not stop task " + id + ": " + e.message);
  }
  lastListing = "";
  loadTasks();
}

async function stopDataSource() {
  const ds = $("f-datasource").value.trim();
  if (!ds || !window.confirm("Stop every active task of datasource " + ds + "?")) return;
  try {
    await api("/datasources/" + path(ds) + "/shutdownAllTasks", { method: "POST" });
    notice("Asked every active task of " + ds + " to stop.");
  } catch (e) {
    notice("Could not stop the tasks of " + ds + ": " + e.message);
  }
  lastListing = "";
  loadTasks();
}

// ---- one task's detail ----

function openTask(id) {
  selected = id;
  lastPayloadOf = null;
  for (const tr of $("tasks").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.id === id);
  $("detail-id").textContent = id;
  $("detail-status").replaceChildren();
  $("detail-log").textContent = "";
  $("detail-payload").textContent = "";
  $("detail-report").replaceChildren(el("p", {}, "No report."));
  $("detail-segments").replaceChildren(el("p", {}, "None."));
  $("detail-wait").hidden = true;
  $("detail").hidden = false;
  $("detail-title").focus();
  clearInterval(detailTimer);
  loadDetail();
  detailTimer = setInterval(loadDetail, DETAIL_POLL_MS);
}

function closeTask() {
  clearInterval(detailTimer);
  selected = null;
  $("detail").hidden = true;
  for (const tr of $("tasks").tBodies[0].rows) tr.classList.remove("selected");
}

let lastPayloadOf = null;
let payload = null;

async function loadDetail() {
  const id = selected;
  if (!id || detailBusy || document.hidden) return;
  detailBusy = true;
  try {
    if (lastPayloadOf !== id) {
      const p = await api("/task/" + path(id));
      payload = p.payload;
      $("detail-payload").textContent = JSON.stringify(p.payload, null, 2);
      lastPayloadOf = id;
    }
    const status = (await api("/task/" + path(id) + "/status")).status;
    if (id !== selected) return;
    renderStatus(status);
    const active = status.statusCode === "RUNNING";
    $("detail-stop").hidden = !active;
    await Promise.all([loadLog(id), loadReport(id, active), loadSegments(id), explainWait(status)]);
    if (!active) clearInterval(detailTimer); // nothing changes any more
  } catch (e) {
    if (id === selected) notice("Could not read task " + id + ": " + e.message);
  } finally {
    detailBusy = false;
  }
}

function renderStatus(s) {
  const rows = [["Status", shownStatus(s)], ["Type", s.type], ["Datasource", s.dataSource],
    ["Created", s.createdTime], ["Duration", duration(s.duration)], ["Location", placeOf(s)],
    ["Group", s.groupId], ["Error", s.errorMsg]];
  $("detail-status").replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

async function loadLog(id) {
  const pre = $("detail-log");
  let text;
  try {
    text = await api("/task/" + path(id) + "/log?offset=-" + LOG_TAIL_BYTES, { text: true });
  } catch (e) {
    text = e.status === 404 ? "(no log yet)" : "(log unavailable: " + e.message + ")";
  }
  if (id !== selected || text === pre.textContent) return;
  const following = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  pre.textContent = text;
  if (following) pre.scrollTop = pre.scrollHeight; // keep following the tail unless the reader scrolled up
}

/** Druid's reports: a map of report names to {type, taskId, payload}; row stats live or final. */
async function loadReport(id, active) {
  let reports;
  try {
    reports = await api("/task/" + path(id) + "/reports");
  } catch (e) {
    return; // no report for this task (yet)
  }
  if (id !== selected) return;
  const parts = [];
  for (const [name, report] of Object.entries(reports || {})) {
    const p = report && report.payload;
    if (!p || !p.rowStats) continue;
    const stats = p.rowStats.totals || p.rowStats;
    parts.push(el("h4", {}, name), el("p", {}, "Ingestion state: ", el("strong", {}, p.ingestionState || "")));
    if (active && p.ingestionState !== "COMPLETED") {
      parts.push(el("progress", { "aria-label": "Ingestion of " + id + " in progress" }));
    }
    parts.push(rowStatsTable(stats));
    if (p.errorMsg) parts.push(el("p", { class: "hint" }, p.errorMsg));
  }
  $("detail-report").replaceChildren(...(parts.length ? parts : [el("p", {}, "No ingestion report.")]));
}

function rowStatsTable(stats) {
  const phases = Object.keys(stats).filter((k) => stats[k] && typeof stats[k] === "object");
  const counters = [...new Set(phases.flatMap((ph) => Object.keys(stats[ph])))];
  return el("table", { class: "rowstats" },
    el("caption", {}, "Rows by phase"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Phase"), ...counters.map((c) => el("th", { scope: "col" }, c)))),
    el("tbody", {}, ...phases.map((ph) => el("tr", {}, el("th", { scope: "row" }, ph),
      ...counters.map((c) => el("td", {}, stats[ph][c] === undefined ? "" : stats[ph][c]))))));
}

async function loadSegments(id) {
  let segments;
  try {
    segments = await api("/task/" + path(id) + "/segments");
  } catch (e) {
    return;
  }
  if (id !== selected || !Array.isArray(segments) || segments.length === 0) return;
  $("detail-segments").replaceChildren(el("table", {},
    el("caption", {}, segments.length + " segments"),
    el("thead", {}, el("tr", {}, ...["Interval", "Version", "Partition", "Size (bytes)"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...segments.map((s) => el("tr", {}, el("td", {}, s.interval), el("td", {}, s.version),
      el("td", {}, s.shardSpec ? s.shardSpec.partitionNum : ""), el("td", {}, s.size))))));
}

/** The intervals a task locks, as its payload names them (ingestion specs, kill, compaction). */
function intervalsOf(p) {
  if (!p) return [];
  const spec = p.spec || {};
  const granularity = (spec.dataSchema || {}).granularitySpec || {};
  if (Array.isArray(granularity.intervals)) return granularity.intervals;
  if (p.interval) return [p.interval];
  if (p.ioConfig && p.ioConfig.inputSpec && p.ioConfig.inputSpec.interval) return [p.ioConfig.inputSpec.interval];
  return [];
}

function overlaps(a, b) {
  const [as, ae] = a.split("/").map(Date.parse);
  const [bs, be] = b.split("/").map(Date.parse);
  return as < be && bs < ae;
}

/** A WAITING task waits for time-chunk locks, a PENDING one for a worker slot: say which. */
async function explainWait(s) {
  const box = $("detail-wait");
  const status = shownStatus(s);
  if (status !== "WAITING" && status !== "PENDING") {
    box.hidden = true;
    return;
  }
  const created = Date.parse(s.createdTime);
  const ahead = tasks.filter((t) => t.id !== s.id && t.statusCode === "RUNNING" && Date.parse(t.createdTime) <= created);
  let reason;
  try {
    if (status === "WAITING") {
      const wanted = intervalsOf(payload);
      const locked = (await api("/lockedIntervals/v2", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify([{ datasource: s.dataSource, priority: 0 }]) }))[s.dataSource] || [];
      const blocking = wanted.length ? locked.filter((l) => wanted.some((w) => overlaps(l, w))) : locked;
      const holders = ahead.filter((t) => t.dataSource === s.dataSource && shownStatus(t) !== "WAITING").map((t) => t.id);
      reason = "It waits for time-chunk locks of datasource " + s.dataSource + ". "
        + (wanted.length ? "It needs " + wanted.join(", ") + ". " : "")
        + (blocking.length ? "Locked now: " + blocking.join(", ") + "." : "No lock it needs is held now: it is next to take them.")
        + (holders.length ? " Active tasks of " + s.dataSource + " ahead of it: " + holders.join(", ") + "." : "");
    } else {
      const c = await api("/totalWorkerCapacity");
      const queued = ahead.filter((t) => shownStatus(t) === "PENDING").length;
      reason = "It waits for a worker slot: " + c.usedClusterCapacity + " of " + c.currentClusterCapacity
        + " slots are busy" + (queued ? ", and " + queued + " pending tasks came before it." : ".");
    }
  } catch (e) {
    reason = e.status === 403 ? "You may not read the cluster's locks and slots (STATE permission)."
      : "Could not tell why: " + e.message;
  }
  if (s.id !== selected) return;
  $("wait-reason").textContent = reason;
  box.hidden = false;
}

function refilter() {
  lastListing = "";
  $("stop-datasource").disabled = !$("f-datasource").value.trim();
  loadTasks();
}

document.addEventListener("DOMContentLoaded", () => {
  $("filters").addEventListener("change", refilter);
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refilter(); });
  $("f-datasource").addEventListener("input", () => { $("stop-datasource").disabled = !$("f-datasource").value.trim(); });
  $("stop-datasource").addEventListener("click", stopDataSource);
  $("detail-close").addEventListener("click", closeTask);
  $("detail-stop").addEventListener("click", () => selected && stopTask(selected));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && selected) closeTask(); });
  loadTasks();
  setInterval(loadTasks, TABLE_POLL_MS);
});
