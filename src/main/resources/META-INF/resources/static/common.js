import { t, langButton } from './i18n.js';

/**
 * Builds an element. Strings become text nodes, never HTML: user text (nicknames, stems) is
 * always escaped by the DOM. attrs: class, text, on<event>, dataset-like data-*, aria-*, others.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'style') el.style.cssText = v; // CSSOM, which the page's CSP allows (style attributes it does not)
    else if (k === 'checked' || k === 'disabled' || k === 'selected' || k === 'multiple' || k === 'required') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function mount(root, ...children) {
  root.replaceChildren();
  append(root, children);
}

// ---- the server's clock ----

/** Offset between the server's clock and ours, from serverTime fields and ping/pong round trips. */
export const clock = {
  offset: 0,
  bestRtt: Infinity,
  fromMessage(serverTime) {
    if (typeof serverTime === 'number' && this.bestRtt === Infinity) this.offset = serverTime - Date.now();
  },
  fromPong(serverTime, sentAt) {
    const now = Date.now();
    const rtt = now - sentAt;
    if (rtt <= this.bestRtt * 1.5 || rtt < 200) {
      this.bestRtt = Math.min(this.bestRtt, rtt);
      this.offset = serverTime - (sentAt + rtt / 2);
    }
  },
  now() { return Date.now() + this.offset; }
};

// ---- WebSocket that reconnects by itself ----

/**
 * Opens url (a path) and keeps it open: after a drop it reconnects with backoff. onClose(code,
 * opened) may return false to stop. Sends a ping every 15 s for the clock and to keep proxies awake.
 */
export function liveSocket(path, { onMessage, onOpen, onClose, onStatus }) {
  let ws = null;
  let stopped = false;
  let attempt = 0;
  let pingTimer = null;
  let pingSentAt = 0;
  const url = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path()}`;
  const connect = () => {
    if (stopped) return;
    onStatus?.('connecting');
    let opened = false;
    ws = new WebSocket(url());
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      onStatus?.('open');
      onOpen?.();
      ping();
      pingTimer = setInterval(ping, 15000);
    };
    ws.onmessage = ev => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      if (msg.type === 'pong') { clock.fromPong(msg.serverTime, pingSentAt); return; }
      if ('serverTime' in msg) clock.fromMessage(msg.serverTime);
      onMessage(msg);
    };
    ws.onclose = ev => {
      clearInterval(pingTimer);
      if (stopped) return;
      const go = onClose ? onClose(ev.code, opened, attempt) : true;
      if (go === false) { stopped = true; return; }
      onStatus?.('closed');
      attempt++;
      setTimeout(connect, Math.min(10000, 500 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() / 2));
    };
  };
  const ping = () => {
    if (ws && ws.readyState === WebSocket.OPEN) {
      pingSentAt = Date.now();
      ws.send(JSON.stringify({ type: 'ping' }));
    }
  };
  // a phone waking up or coming back online should not wait for the backoff
  window.addEventListener('online', () => { if (ws && ws.readyState > 1) { attempt = 0; connect(); } });
  connect();
  return {
    send(obj) {
      if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(obj)); return true; }
      return false;
    },
    get open() { return !!ws && ws.readyState === WebSocket.OPEN; },
    stop() { stopped = true; clearInterval(pingTimer); ws?.close(); }
  };
}

// ---- REST ----

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)jingda-csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

/** JSON (or FormData) call with the session cookie and the CSRF header. */
export async function api(method, path, body) {
  // X-Requested-With: a 401 then carries no Basic challenge, so the browser shows no login prompt
  const headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' };
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { message: text }; }
  if (res.status === 401) { location.href = '/login?next=' + encodeURIComponent(location.pathname); }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export { csrfToken };

// ---- shared pieces ----

export const LETTERS = 'ABCDEFGH';

// ---- icons: inline SVG, so nothing depends on the device's emoji or symbol fonts ----

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  check: ['path', { d: 'M4 12.5l5 5L20 6.5', fill: 'none', stroke: 'currentColor', 'stroke-width': '3.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
  cross: ['path', { d: 'M6 6l12 12M18 6L6 18', fill: 'none', stroke: 'currentColor', 'stroke-width': '3.2', 'stroke-linecap': 'round' }],
  hourglass: ['path', { d: 'M6 3h12M6 21h12M7 3c0 5 10 6 10 9s-10 4-10 9M17 3c0 5-10 6-10 9s10 4 10 9', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
  star: ['path', { d: 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z', fill: 'currentColor' }],
  flag: ['path', { d: 'M5 21V4M5 4h11l-2 4 2 4H5', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.4', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
  screen: ['path', { d: 'M3 4h18v12H3zM8 20h8M12 16v4', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }],
  pause: ['path', { d: 'M7 4h3v16H7zM14 4h3v16h-3z', fill: 'currentColor' }],
  plus: ['path', { d: 'M12 5v14M5 12h14', fill: 'none', stroke: 'currentColor', 'stroke-width': '3', 'stroke-linecap': 'round' }],
  back: ['path', { d: 'M19 12H5M11 6l-6 6 6 6', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.6', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }],
  warn: ['path', { d: 'M12 3L2 21h20zM12 10v5M12 18h.01', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }],
  dots: ['path', { d: 'M5 12h.01M12 12h.01M19 12h.01', fill: 'none', stroke: 'currentColor', 'stroke-width': '4', 'stroke-linecap': 'round' }],
  // the answer shapes, in option order
  triangle: ['path', { d: 'M12 3l10 18H2z', fill: 'currentColor' }],
  diamond: ['path', { d: 'M12 2l10 10-10 10L2 12z', fill: 'currentColor' }],
  circle: ['circle', { cx: '12', cy: '12', r: '10', fill: 'currentColor' }],
  square: ['path', { d: 'M3 3h18v18H3z', fill: 'currentColor' }],
  pentagon: ['path', { d: 'M12 2l10 7.3-3.8 11.7H5.8L2 9.3z', fill: 'currentColor' }],
  hexagon: ['path', { d: 'M6.5 2.5h11L23 12l-5.5 9.5h-11L1 12z', fill: 'currentColor' }],
  cross4: ['path', { d: 'M9 2h6v7h7v6h-7v7H9v-7H2V9h7z', fill: 'currentColor' }],
};
const SHAPE_ICONS = ['triangle', 'diamond', 'circle', 'square', 'star', 'pentagon', 'hexagon', 'cross4'];

/** An inline SVG icon (data-icon=name). Decorative unless label is given, which becomes its accessible name. */
export function icon(name, label) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'ico');
  svg.setAttribute('data-icon', name);
  svg.setAttribute('focusable', 'false');
  if (label) { svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', label); } else svg.setAttribute('aria-hidden', 'true');
  const [tag, attrs] = ICONS[name];
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  svg.append(el);
  return svg;
}

/** The shape of the i-th option, as an SVG icon. */
export function shapeIcon(i) { return icon(SHAPE_ICONS[i % SHAPE_ICONS.length]); }

/** An option's label for display: the server's true/false texts follow the page's language. */
export function optionText(q, o) {
  if (q && (q.questionType || q.type) === 'true_false') {
    if (o.text === '正确') return t('tf.true');
    if (o.text === '错误') return t('tf.false');
  }
  return o.text;
}

/**
 * The question's picture (a /media/ URL the server sent), or null. Its size is capped by the CSS
 * (max-height in vh, object-fit: contain), so the answer buttons stay on screen however tall it is.
 */
export function questionImage(q) {
  return q?.image ? h('img', { class: 'q-image', id: 'q-image', src: q.image, alt: t('q.image'), decoding: 'async' }) : null;
}

/** An option's picture, beside its text (which names it, so the picture itself is decorative), or null. */
export function optionImage(o) {
  return o?.image ? h('img', { class: 'opt-image', src: o.image, alt: '', decoding: 'async' }) : null;
}

/** A countdown bar; update() is called by the page's ticker. */
export function timer(getRemaining, totalMs, paused) {
  const num = h('div', { class: 'num', role: 'timer', 'aria-live': 'off' });
  const fill = h('div', { class: 'fill' });
  const el = h('div', { class: 'timer', 'data-timer': '1' }, num, h('div', { class: 'track', 'aria-hidden': 'true' }, fill));
  el.update = () => {
    // never more than the whole time: the estimate of the server's clock may be a few ms ahead of it
    const left = Math.max(0, totalMs > 0 ? Math.min(totalMs, getRemaining()) : getRemaining());
    const secs = Math.ceil(left / 1000);
    num.textContent = String(secs);
    num.setAttribute('aria-label', t('timer.left', { s: secs }));
    fill.style.width = `${totalMs > 0 ? Math.min(100, (100 * left) / totalMs) : 0}%`;
    el.classList.toggle('low', secs <= 5);
    el.classList.toggle('paused', !!paused());
  };
  el.update();
  return el;
}

/** Keeps every timer on the page current. */
export function startTicker() {
  setInterval(() => document.querySelectorAll('[data-timer]').forEach(el => el.update && el.update()), 100);
}

export function board(top, me, participants) {
  const items = (top || []).map((e, i) => {
    const mine = me && e.nickname === me.nickname && (me.rank == null || e.rank === me.rank);
    return h('li', { class: mine ? 'me' : '', style: `animation-delay:${i * 80}ms`, 'aria-current': mine ? 'true' : null },
      h('span', { class: 'rank', 'aria-label': t('rank.n', { n: e.rank }) }, String(e.rank)),
      h('span', { class: 'name', 'data-me': mine ? t('board.you') : null }, e.nickname),
      h('span', { class: 'score' }, String(e.score)));
  });
  if (me && me.rank && !(top || []).some(e => e.nickname === me.nickname)) {
    items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, icon('dots')));
    items.push(h('li', { class: 'me', 'aria-current': 'true' },
      h('span', { class: 'rank' }, String(me.rank)),
      h('span', { class: 'name', 'data-me': t('board.you') }, me.nickname || ''),
      h('span', { class: 'score' }, String(me.score ?? 0))));
  }
  return h('ol', { class: 'board', 'aria-label': t('board.title') }, items);
}

export function podium(entries) {
  const by = r => (entries || []).find(e => e.rank === r);
  const step = (r, cls) => {
    const e = by(r);
    if (!e) return h('div', { class: `step ${cls}` });
    return h('div', { class: `step ${cls}`, 'data-rank': r },
      h('div', { class: 'who' }, e.nickname),
      h('div', { class: 'block', 'aria-label': t('rank.n', { n: r }) },
        h('span', { class: 'medal' }, String(r)),
        h('span', { class: 'score' }, t('points.n', { n: e.score }))));
  };
  return h('div', { class: 'podium', role: 'list', 'aria-label': t('podium.title') },
    step(2, 'p2'), step(1, 'p1'), step(3, 'p3'));
}

/** Vertical bars of an answer distribution; correct ones (if known) marked with the check icon. */
export function distributionChart(q, distribution, correctIds) {
  const opts = q?.options || [];
  const counts = opts.map(o => distribution?.[o.id] || 0);
  const max = Math.max(1, ...counts);
  return h('div', { class: 'chart', role: 'img', 'aria-label': t('chart.label', {
      detail: opts.map((o, i) => `${LETTERS[i]} ${counts[i]}`).join(', ') }) },
    opts.map((o, i) => {
      const ok = correctIds && correctIds.includes(o.id);
      return h('div', { class: 'bar' },
        h('span', { class: 'n' }, String(counts[i])),
        h('div', { class: `fill c${i % 8}`, style: `height:${(100 * counts[i]) / max}%` }),
        h('span', { class: 'lab' }, shapeIcon(i), ok ? icon('check', t('screen.correct')) : null));
    }));
}

/** The key under which the server counts every answer outside its top ten (see docs/protocol.md). */
export const REST_KEY = '…';

const NUMBER = /^-?\d+(\.\d+)?(E-?\d+)?$/;

/**
 * Answer counts as a ranked list, most frequent first, "…" (all other answers) last: the text and numeric
 * answers of a reveal, or the sets of options chosen together. Sorted here because JavaScript moves keys that
 * look like integers to the front of an object; equal counts keep the server's order (numbers by value).
 * label(key) is what a row shows; ok(key) marks a right answer with the check icon.
 */
export function rankedList(counts, { label = k => k, ok = () => false, id = null } = {}) {
  const entries = Object.entries(counts || {}).filter(([k]) => k !== REST_KEY)
    .sort((a, b) => b[1] - a[1] || (NUMBER.test(a[0]) && NUMBER.test(b[0]) ? Number(a[0]) - Number(b[0]) : 0));
  if (counts?.[REST_KEY]) entries.push([REST_KEY, counts[REST_KEY]]);
  const max = Math.max(1, ...entries.map(e => e[1]));
  return h('ol', { class: 'ranked', id, 'aria-label': t('chart.label', {
      detail: entries.map(([k, n]) => `${k === REST_KEY ? t('chart.rest') : label(k)} ${n}`).join(', ') }) },
    entries.length ? entries.map(([k, n]) => {
      const right = k !== REST_KEY && ok(k);
      return h('li', { class: `hbar${k === REST_KEY ? ' rest' : ''}`, 'data-key': k },
        h('span', { class: 'what' }, k === REST_KEY ? t('chart.rest') : [right ? icon('check', t('screen.correct')) : null, label(k)]),
        h('span', { class: 'track' }, h('span', { class: `fill${right ? ' ok' : ''}`, style: `width:${(100 * n) / max}%` })),
        h('span', { class: 'n' }, String(n)));
    }) : h('li', { class: 'muted' }, t('chart.none')));
}

/** Which ranked keys a reveal counts as right: numbers within the tolerance, texts equal to an accepted one. */
export function revealMatcher(r) {
  if (!r) return () => false;
  if (r.questionType === 'numeric') {
    const v = Number(r.correct); const tol = Number(r.tolerance || 0);
    return k => NUMBER.test(k) && Math.abs(Number(k) - v) <= tol + 1e-9 * Math.max(1, Math.abs(v));
  }
  // the server's normal form, roughly (TextNormalizer): enough to mark the accepted texts in the list
  const norm = s => String(s).normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')
    .replace(/[.,!?;:'"、。，！？；：…·~～\s]+$/u, '');
  const accepted = new Set((Array.isArray(r.correct) ? r.correct : [r.correct]).map(norm));
  return k => accepted.has(k);
}

/** A set of options ("id1,id2", in the question's option order) as its letters, e.g. "A + C". */
export function optionSetLabel(q, key) {
  const opts = q?.options || [];
  return key.split(',').map(id => {
    const i = opts.findIndex(o => o.id === id);
    return i < 0 ? '?' : LETTERS[i];
  }).join(' + ');
}

/** An ordering's counted order (option ids joined with ","), as the options' letters in that order: "C → A → B". */
export function orderLabel(q, key) {
  const opts = q?.options || [];
  return key.split(',').map(id => {
    const i = opts.findIndex(o => o.id === id);
    return i < 0 ? '?' : LETTERS[i];
  }).join(' → ');
}

/** The page header for staff pages: brand, user, language switch, logout. */
export function staffHeader(session, titleKey) {
  const logout = h('form', { method: 'post', action: '/logout', class: 'logout' },
    h('input', { type: 'hidden', name: 'csrf', value: '' }),
    h('button', { type: 'submit', class: 'btn small light', text: t('logout') }));
  logout.addEventListener('submit', async ev => {
    ev.preventDefault();
    await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin' });
    location.href = '/login?loggedOut=1';
  });
  return h('header', { class: 'bar' },
    h('a', { class: 'brand', href: '/' }, t('app.name')),
    h('span', { class: 'muted' }, t(titleKey)),
    h('span', { class: 'spacer' }),
    session ? h('span', { class: 'who' }, t('signed.in.as', { name: session.username })) : null,
    h('nav', { class: 'row', 'aria-label': t('nav.label') },
      session?.roles?.some(r => r === 'host' || r === 'admin') ? h('a', { href: '/host' }, t('nav.host')) : null,
      session?.roles?.some(r => r === 'organizer' || r === 'admin') ? h('a', { href: '/admin' }, t('nav.admin')) : null),
    langButton(),
    logout);
}

export function errorText(err) {
  if (!(err instanceof ApiError)) return t('error.network');
  const b = err.body || {};
  const key = `error.${b.code}`;
  const translated = t(key);
  const base = translated === key ? (b.message || `HTTP ${err.status}`) : translated;
  const fields = (b.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
  return fields ? `${base} — ${fields}` : base;
}

// ---- team contests in rounds ----

/** A team's name beside a swatch of its colour (data-team = its id), or '–'. */
export function teamTag(team) {
  if (!team) return h('span', { class: 'muted' }, '–');
  return h('span', { class: 'team-tag', 'data-team': team.id },
    h('span', { class: 'swatch', style: `background:${team.color || '#888'}` }), team.name);
}

/**
 * A question's or round's multiplier as a badge (docs/contests.md, "Points per question"): "练习" for 0, "x2",
 * "x0.5"; null for 1 (or none given), as a normal question needs no badge.
 */
export function multiplierBadge(m, id) {
  if (m == null || m === 1) return null;
  return h('span', { class: `pill mult-badge${m === 0 ? ' practice' : ''}`, id, 'data-multiplier': String(m) },
    m === 0 ? t('mult.practice') : t('mult.times', { m }));
}

/** Before a question opens (lobby, reveal, leaderboard, a round's banner): "下一题 x2" when the next one is not plain. */
export function nextBadge(L, id) {
  const n = L.next;
  if (!n || n.multiplier == null || n.multiplier === 1) return null;
  return h('div', { class: 'next-mult', id }, t('mult.next', { i: n.index + 1 }), ' ', multiplierBadge(n.multiplier));
}

/** A round's banner line: "第 2 轮 · 抢答题" (the kind in the page's language). */
export function roundBanner(r) {
  return t('round.banner', { n: (r.index ?? 0) + 1, kind: t(`round.kind.${r.kind}`) });
}
