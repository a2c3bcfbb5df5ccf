// What the participant's pages of a self-paced online contest share (/s/{code}, its certificate and ranking):
// the code in the path, the token kept per code, the device id, the REST calls and the server's clock.
import { t, currentLang } from './i18n.js';
import { ApiError, csrfToken, errorText } from './common.js';

/** The contest's code, from /s/{code}[/…]. */
export const code = (location.pathname.match(/^\/s\/(\d{6})/) || [])[1] || '';

const TOKEN_KEY = c => `jingda.online.${c}`;
const DEVICE_KEY = 'jingda.online.device';

/** The registration kept for this code: {token, participantId, name, unit}, or null. */
export function registration() {
  try { return JSON.parse(localStorage.getItem(TOKEN_KEY(code)) || 'null'); } catch { return null; }
}

export function keepRegistration(r) {
  localStorage.setItem(TOKEN_KEY(code), JSON.stringify(r));
}

export function forgetRegistration() {
  localStorage.removeItem(TOKEN_KEY(code));
}

/**
 * A random id for this browser, made once and kept: sent with every registration, so that a contest that
 * counts devices (identity.by device) knows this one. getRandomValues, not randomUUID: a school's server on a
 * plain-HTTP address is not a secure context.
 */
export function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id || !/^[0-9a-f]{32}$/.test(id)) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    id = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

/** The server's clock: every response carries serverTime; a countdown is deadline − serverTime from its arrival. */
export const serverClock = {
  offset: 0,
  seen(serverTime) { if (typeof serverTime === 'number') this.offset = serverTime - Date.now(); },
  now() { return Date.now() + this.offset; },
};

/**
 * A participant's REST call: JSON, with the Bearer token once registered. A 401 does not send anyone to the
 * staff sign-in (the token is the participant's own); network failures throw a TypeError, the API's errors an
 * ApiError with the status and body.
 */
export async function selfApi(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const csrf = csrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf; // only when a staff session shares this browser
  const reg = registration();
  if (reg?.token) headers['Authorization'] = `Bearer ${reg.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin', cache: 'no-store' });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { message: text }; }
  if (data && typeof data.serverTime === 'number') serverClock.seen(data.serverTime);
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    err.retryAfter = Number(res.headers.get('Retry-After')) || null;
    throw err;
  }
  return data;
}

/** An error in words: the participant's codes have their own messages, everything else as the staff pages say it. */
export function errorWords(e) {
  if (!(e instanceof ApiError)) return t('error.network');
  const c = e.body?.code || (e.status === 429 ? 'RATE_LIMITED' : null);
  const key = `self.error.${c}`;
  const words = t(key);
  if (words !== key) {
    return c === 'RATE_LIMITED' && e.retryAfter ? `${words} ${t('self.error.retryIn', { s: e.retryAfter })}` : words;
  }
  return errorText(e);
}

/** An instant (epoch ms) in the page's language and the device's time zone. */
export function when(ms) {
  if (ms == null) return '–';
  return new Date(ms).toLocaleString(currentLang(), { year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit' });
}

/** A date alone (the certificate's). */
export function day(ms) {
  return new Date(ms).toLocaleDateString(currentLang(), { year: 'numeric', month: 'long', day: 'numeric' });
}

/** A duration in ms as "2:05" or "1:02:05". */
export function duration(ms) {
  if (ms == null) return '–';
  const s = Math.round(ms / 1000);
  const hh = Math.floor(s / 3600); const mm = Math.floor((s % 3600) / 60); const ss = s % 60;
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}` : `${mm}:${String(ss).padStart(2, '0')}`;
}

/** Where the contest's window is now, by the server's clock: before, open or after. */
export function windowState(c) {
  const now = serverClock.now();
  if (c.status === 'DRAFT') return 'before';
  if (c.status === 'CLOSED') return 'after';
  if (c.opensAt != null && now < c.opensAt) return 'before';
  if (c.closesAt != null && now >= c.closesAt) return 'after';
  return 'open';
}

/** A link to a source only when it is http(s): a question's url is the bank's text, not to be trusted as a scheme. */
export function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}
