// The task table: polled, filtered by the API's own parameters, ordered as Druid's web console orders it.
import { api, byId, duration, el, notice, placeOf, segment, shownStatus } from "./common.js";

const POLL_MS = 2000;
// Druid's web console ranks active tasks first, then orders by created time, newest first
const RANK = { RUNNING: 4, PENDING: 3, WAITING: 2 };
const rank = (t) => (t.statusCode === "RUNNING" ? RANK[t.runnerStatusCode] || 2 : 1);

let tasks = [];
let lastListing = "";
let busy = false;
let selected = null;
let open = () => {};

/** The tasks the table shows now, in its order. */
export const shownTasks = () => tasks;

function byDruidOrder(a, b) {
  return rank(b) - rank(a) || Date.parse(b.createdTime) - Date.parse(a.createdTime) || a.id.localeCompare(b.id);
}

/** The datetime-local inputs are read as UTC, the zone of every time the API shows. */
function utc(input) {
  return input.value ? new Date(input.value + "Z") : null;
}

function listQuery() {
  const q = new URLSearchParams();
  const state = byId("f-state").value;
  const ds = byId("f-datasource").value.trim();
  const type = byId("f-type").value.trim();
  if (state) q.set("state", state);
  if (ds) q.set("datasource", ds);
  if (type) q.set("type", type);
  if (!state || state === "complete") q.set("max", byId("f-max").value);
  const from = utc(byId("f-from"));
  const to = utc(byId("f-to"));
  if (from || to) {
    q.set("createdTimeInterval", (from ? from.toISOString() : "0001-01-01T00:00:00.000Z") + "/"
      + (to ? to.toISOString() : "9999-12-31T23:59:59.999Z"));
  }
  return q;
}

/** Druid applies the interval to complete tasks only; active ones are filtered here. */
function createdWithin(t) {
  const from = utc(byId("f-from"));
  const to = utc(byId("f-to"));
  const created = Date.parse(t.createdTime);
  return (!from || created >= from.getTime()) && (!to || created < to.getTime());
}

export async function loadTasks() {
  if (busy || document.hidden) return;
  busy = true;
  try {
    const listed = await api("/tasks?" + listQuery());
    const text = JSON.stringify(listed);
    if (text !== lastListing) {
      lastListing = text;
      tasks = listed.filter(createdWithin).sort(byDruidOrder);
      render();
    }
    if (byId("notice").dataset.kind === "list") notice("");
  } catch (e) {
    notice("Could not list the tasks: " + e.message, "list");
  } finally {
    busy = false;
  }
}

function render() {
  const focused = document.activeElement && document.activeElement.closest("#tasks") ? document.activeElement : null;
  const rows = document.createDocumentFragment();
  const types = new Set();
  for (const t of tasks) {
    types.add(t.type);
    const status = shownStatus(t);
    const openButton = el("button", { type: "button", "data-id": t.id, onclick: () => open(t.id) }, t.id);
    const stop = t.statusCode === "RUNNING"
      ? el("button", { type: "button", "data-id": t.id, "data-action": "stop", "aria-label": "Stop task " + t.id,
        onclick: () => stopTask(t.id) }, "Stop")
      : null;
    rows.append(el("tr", { "data-id": t.id, class: t.id === selected ? "selected" : "" },
      el("td", { class: "id" }, openButton),
      el("td", {}, t.type),
      el("td", {}, t.dataSource),
      el("td", {}, el("time", { datetime: t.createdTime }, t.createdTime)),
      el("td", {}, el("span", { class: "status status-" + status }, status),
        t.errorMsg ? el("div", { class: "hint" }, t.errorMsg) : null),
      el("td", {}, duration(t.duration)),
      el("td", {}, placeOf(t)),
      el("td", {}, stop)));
  }
  byId("tasks").tBodies[0].replaceChildren(rows);
  if (!performance.getEntriesByName("tasks-rendered").length) performance.mark("tasks-rendered"); // first render, measured
  byId("count").textContent = tasks.length + (tasks.length === 1 ? " task." : " tasks.");
  byId("known-types").replaceChildren(...[...types].sort().map((type) => el("option", { value: type })));
  if (focused) { // the redrawn table keeps the keyboard where it was
    const again = [...byId("tasks").querySelectorAll("button")]
      .find((b) => b.dataset.id === focused.dataset.id && b.dataset.action === focused.dataset.action);
    if (again) again.focus();
  }
}

/** Marks the row of the task shown in detail (null: none). */
export function markSelected(id) {
  selected = id;
  for (const tr of byId("tasks").tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.id === id);
}

export async function stopTask(id) {
  if (!window.confirm("Stop task " + id + "?")) return;
  try {
    await api("/task/" + segment(id) + "/shutdown", { method: "POST" });
    notice("Asked task " + id + " to stop.");
  } catch (e) {
    notice("Could not stop task " + id + ": " + e.message);
  }
  refresh();
}

async function stopDataSource() {
  const ds = byId("f-datasource").value.trim();
  if (!ds || !window.confirm("Stop every active task of datasource " + ds + "?")) return;
  try {
    await api("/datasources/" + segment(ds) + "/shutdownAllTasks", { method: "POST" });
    notice("Asked every active task of " + ds + " to stop.");
  } catch (e) {
    notice("Could not stop the tasks of " + ds + ": " + e.message);
  }
  refresh();
}

function refresh() {
  lastListing = "";
  byId("stop-datasource").disabled = !byId("f-datasource").value.trim();
  loadTasks();
}

/** Starts polling; {@code onOpen} shows a task's detail. */
export function startTable(onOpen) {
  open = onOpen;
  byId("filters").addEventListener("change", refresh);
  byId("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  byId("f-datasource").addEventListener("input", () => {
    byId("stop-datasource").disabled = !byId("f-datasource").value.trim();
  });
  byId("stop-datasource").addEventListener("click", stopDataSource);
  loadTasks();
  setInterval(loadTasks, POLL_MS);
}
