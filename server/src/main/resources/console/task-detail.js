// One task's detail, polled while it is active: status, log tail, ingestion report, segments, payload,
// and why it waits.
import { api, byId, duration, el, notice, placeOf, segment, shownStatus } from "./common.js";
import { markSelected, shownTasks, stopTask } from "./task-table.js";
import { whyItWaits } from "./why-it-waits.js";

const POLL_MS = 1000;
const LOG_TAIL_BYTES = 16384;

let selected = null;
let payload = null;
let payloadOf = null;
let timer = null;
let busy = false;

export function openTask(id) {
  selected = id;
  payloadOf = null;
  markSelected(id);
  byId("detail-id").textContent = id;
  byId("detail-status").replaceChildren();
  byId("detail-log").textContent = "";
  byId("detail-payload").textContent = "";
  byId("detail-report").replaceChildren(el("p", {}, "No report."));
  byId("detail-segments").replaceChildren(el("p", {}, "None."));
  byId("detail-wait").hidden = true;
  byId("detail").hidden = false;
  byId("detail-title").focus();
  clearInterval(timer);
  load();
  timer = setInterval(load, POLL_MS);
}

function closeTask() {
  clearInterval(timer);
  selected = null;
  byId("detail").hidden = true;
  markSelected(null);
}

async function load() {
  const id = selected;
  if (!id || busy || document.hidden) return;
  busy = true;
  try {
    if (payloadOf !== id) {
      payload = (await api("/task/" + segment(id))).payload;
      byId("detail-payload").textContent = JSON.stringify(payload, null, 2);
      payloadOf = id;
    }
    const status = (await api("/task/" + segment(id) + "/status")).status;
    if (id !== selected) return;
    renderStatus(status);
    const active = status.statusCode === "RUNNING";
    byId("detail-stop").hidden = !active;
    await Promise.all([loadLog(id), loadReport(id, active), loadSegments(id), explainWait(status)]);
    if (!active) clearInterval(timer); // nothing changes any more
  } catch (e) {
    if (id === selected) notice("Could not read task " + id + ": " + e.message);
  } finally {
    busy = false;
  }
}

function renderStatus(s) {
  const rows = [["Status", shownStatus(s)], ["Type", s.type], ["Datasource", s.dataSource],
    ["Created", s.createdTime], ["Duration", duration(s.duration)], ["Location", placeOf(s)],
    ["Group", s.groupId], ["Error", s.errorMsg]];
  byId("detail-status").replaceChildren(...rows.filter(([, v]) => v)
    .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

async function loadLog(id) {
  const pre = byId("detail-log");
  let text;
  try {
    text = await api("/task/" + segment(id) + "/log?offset=-" + LOG_TAIL_BYTES, { text: true });
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
    reports = await api("/task/" + segment(id) + "/reports");
  } catch (e) {
    return; // no report for this task (yet)
  }
  if (id !== selected) return;
  const parts = [];
  for (const [name, report] of Object.entries(reports || {})) {
    const p = report && report.payload;
    if (!p || !p.rowStats) continue;
    parts.push(el("h4", {}, name), el("p", {}, "Ingestion state: ", el("strong", {}, p.ingestionState || "")));
    if (active && p.ingestionState !== "COMPLETED") {
      parts.push(el("progress", { "aria-label": "Ingestion of " + id + " in progress" }));
    }
    parts.push(rowStatsTable(p.rowStats.totals || p.rowStats));
    if (p.errorMsg) parts.push(el("p", { class: "hint" }, p.errorMsg));
  }
  byId("detail-report").replaceChildren(...(parts.length ? parts : [el("p", {}, "No ingestion report.")]));
}

function rowStatsTable(stats) {
  const phases = Object.keys(stats).filter((k) => stats[k] && typeof stats[k] === "object");
  const counters = [...new Set(phases.flatMap((ph) => Object.keys(stats[ph])))];
  return el("table", { class: "rowstats" },
    el("caption", {}, "Rows by phase"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Phase"),
      ...counters.map((c) => el("th", { scope: "col" }, c)))),
    el("tbody", {}, ...phases.map((ph) => el("tr", {}, el("th", { scope: "row" }, ph),
      ...counters.map((c) => el("td", {}, stats[ph][c] === undefined ? "" : stats[ph][c]))))));
}

async function loadSegments(id) {
  let segments;
  try {
    segments = await api("/task/" + segment(id) + "/segments");
  } catch (e) {
    return;
  }
  if (id !== selected || !Array.isArray(segments) || segments.length === 0) return;
  byId("detail-segments").replaceChildren(el("table", {},
    el("caption", {}, segments.length + " segments"),
    el("thead", {}, el("tr", {}, ...["Interval", "Version", "Partition", "Size (bytes)"]
      .map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...segments.map((s) => el("tr", {}, el("td", {}, s.interval), el("td", {}, s.version),
      el("td", {}, s.shardSpec ? s.shardSpec.partitionNum : ""), el("td", {}, s.size))))));
}

async function explainWait(status) {
  const reason = await whyItWaits(status, payload, shownTasks());
  if (status.id !== selected) return;
  byId("detail-wait").hidden = reason === null;
  byId("wait-reason").textContent = reason || "";
}

export function startDetail() {
  byId("detail-close").addEventListener("click", closeTask);
  byId("detail-stop").addEventListener("click", () => selected && stopTask(selected));
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && selected) closeTask(); });
}
