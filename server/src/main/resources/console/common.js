// What every part of the tasks page shares: building elements, calling the API, showing a task's state.
// Values from the server reach the page through text nodes and attributes only, never as markup.

export const API = "/druid/indexer/v1";

export const byId = (id) => document.getElementById(id);

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attrs, ...children) {
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

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** JSON (or text with {text: true}); a refusal throws with the API's own message. */
export async function api(path, options = {}) {
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

/** A task id or datasource as one path segment. */
export const segment = (id) => encodeURIComponent(id);

/** WAITING, PENDING or RUNNING while active (Druid's runnerStatusCode), else SUCCESS or FAILED. */
export const shownStatus = (t) => (t.statusCode === "RUNNING" ? t.runnerStatusCode : t.statusCode);

export function duration(ms) {
  if (ms === undefined || ms === null || ms < 0) return "";
  if (ms < 1000) return ms + " ms";
  const s = Math.round(ms / 100) / 10;
  if (s < 60) return s + " s";
  const m = Math.floor(s / 60);
  return m < 60 ? m + " min " + Math.round(s % 60) + " s" : Math.floor(m / 60) + " h " + (m % 60) + " min";
}

export function placeOf(t) {
  return t.location && t.location.host ? t.location.host + ":" + t.location.port : "";
}

/** A line in the page's live region; `kind` lets a later success clear only its own kind of trouble. */
export function notice(text, kind = "") {
  byId("notice").textContent = text;
  byId("notice").dataset.kind = kind;
}
