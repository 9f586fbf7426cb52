// Why an active task does not run yet: a WAITING task waits for time-chunk locks, a PENDING one for a
// worker slot. Told from the Tasks API alone: the task's payload, the locked intervals, the slots in use.
import { ApiError, api, shownStatus } from "./common.js";

/** The intervals a task locks, as its payload names them (ingestion specs, kill, compaction). */
function intervalsOf(payload) {
  if (!payload) return [];
  const granularity = ((payload.spec || {}).dataSchema || {}).granularitySpec || {};
  if (Array.isArray(granularity.intervals)) return granularity.intervals;
  if (payload.interval) return [payload.interval];
  const input = (payload.ioConfig || {}).inputSpec;
  return input && input.interval ? [input.interval] : [];
}

function overlaps(a, b) {
  const [as, ae] = a.split("/").map(Date.parse);
  const [bs, be] = b.split("/").map(Date.parse);
  return as < be && bs < ae;
}

/**
 * A sentence saying what the task {@code status} waits for, or null when it does not wait. {@code tasks}
 * are those the table shows: the active ones created before it are ahead of it.
 */
export async function whyItWaits(status, payload, tasks) {
  const state = shownStatus(status);
  if (state !== "WAITING" && state !== "PENDING") return null;
  const created = Date.parse(status.createdTime);
  const ahead = tasks.filter((t) => t.id !== status.id && t.statusCode === "RUNNING"
    && Date.parse(t.createdTime) <= created);
  try {
    return state === "WAITING" ? await lockReason(status, payload, ahead) : await slotReason(ahead);
  } catch (e) {
    return e instanceof ApiError && e.status === 403
      ? "You may not read the cluster's locks and slots (STATE permission)." : "Could not tell why: " + e.message;
  }
}

async function lockReason(status, payload, ahead) {
  const ds = status.dataSource;
  const wanted = intervalsOf(payload);
  const locked = (await api("/lockedIntervals/v2", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify([{ datasource: ds, priority: 0 }]) }))[ds] || [];
  const blocking = wanted.length ? locked.filter((l) => wanted.some((w) => overlaps(l, w))) : locked;
  const holders = ahead.filter((t) => t.dataSource === ds && shownStatus(t) !== "WAITING").map((t) => t.id);
  return "It waits for time-chunk locks of datasource " + ds + ". "
    + (wanted.length ? "It needs " + wanted.join(", ") + ". " : "")
    + (blocking.length ? "Locked now: " + blocking.join(", ") + "." : "No lock it needs is held now: it is next to take them.")
    + (holders.length ? " Active tasks of " + ds + " ahead of it: " + holders.join(", ") + "." : "");
}

async function slotReason(ahead) {
  const c = await api("/totalWorkerCapacity");
  const queued = ahead.filter((t) => shownStatus(t) === "PENDING").length;
  return "It waits for a worker slot: " + c.usedClusterCapacity + " of " + c.currentClusterCapacity
    + " slots are busy" + (queued ? ", and " + queued + " pending tasks came before it." : ".");
}
