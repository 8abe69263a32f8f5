// Requests to this server only, with bookkeeping the browser test reads (window.qamrov.busy / requests / errors).
export const API = 'api/v1';
export const debug = { busy: 0, requests: 0, errors: [], layerCounts: {}, version: 2 };
window.qamrov = debug;

// problem documents come back in the page's language (the server resolves Accept-Language; English fallback)
let acceptLanguage = 'en';
export function setAcceptLanguage(tag) {
  acceptLanguage = tag;
}

// GETs in flight by path and language: a caller asking for what is already on its way shares that answer. A burst
// of map moves (a fitBounds, the layers added at start) asked for the same layer up to ten times at once, and the
// server answered every copy.
const inFlight = new Map();

// GETs started before their loader asks (see prefetch), by path: the first api() call of the path takes the answer
const early = new Map();

/**
 * Starts GETs a loader will ask for soon, before the page can draw them: the first load asks for the reference data
 * (regions, roads) while the dictionary of the page's language is on its way, instead of after it.
 */
export function prefetch(paths) {
  for (const path of paths) {
    if (early.has(path)) continue;
    const text = request(path, null, false);
    text.catch(() => {});
    early.set(path, text);
  }
}

/** GET JSON; throws an Error with .status and .detail (the problem document's detail) on a 4xx/5xx answer. */
export async function api(path, { raw = false, lang = acceptLanguage } = {}) {
  if (raw) return request(path, lang, true);
  const key = `${lang}\n${path}`;
  let text = inFlight.get(key);
  if (!text && early.has(path)) {
    text = early.get(path);
    early.delete(path);
  } else if (text) {
    debug.shared = (debug.shared || 0) + 1;
  } else {
    text = request(path, lang, false);
    inFlight.set(key, text);
    text.finally(() => inFlight.delete(key)).catch(() => {});
  }
  // each caller parses its own copy of the answer: callers may change what they get
  return JSON.parse(await text);
}

/** The response ({@code raw}) or its body as text; throws on a 4xx/5xx answer (see {@link api}). */
async function request(path, lang, raw) {
  debug.busy++;
  debug.requests++;
  try {
    const headers = { Accept: 'application/json' };
    if (lang) headers['Accept-Language'] = lang;
    const res = await fetch(path, { headers });
    if (raw) return res;
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      const err = new Error(`${res.status} ${path}`);
      err.status = res.status;
      err.detail = body.detail || '';
      throw err;
    }
    return await res.text();
  } finally {
    debug.busy--;
  }
}

/** ?a=1&b=2 from an object, leaving out null, undefined and empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
