// Requests to this server only, with bookkeeping the browser test reads (window.qamrov.busy / requests / errors).
export const API = 'api/v1';
export const debug = { busy: 0, requests: 0, errors: [], layerCounts: {}, version: 2 };
window.qamrov = debug;

// problem documents come back in the page's language (the server resolves Accept-Language; English fallback)
let acceptLanguage = 'en';
export function setAcceptLanguage(tag) {
  acceptLanguage = tag;
}

/** GET JSON; throws an Error with .status and .detail (the problem document's detail) on a 4xx/5xx answer. */
export async function api(path, { raw = false, lang = acceptLanguage } = {}) {
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
    return await res.json();
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
