// The host console's view of a self-paced contest (/host/online/{id}): its window and link, the actions
// the server allows, the live dashboard (/ws/online/{id}), the unit and person rankings, flagged attempts
// and the exports. See docs/online.md for the API and docs/pages.md for the page.
import { t, onLangChange, currentLang } from './i18n.js';
import { h, mount, api, liveSocket, staffHeader, errorText, icon, csrfToken, ApiError } from './common.js';
import { isoInstant, localInput, uploadUnits } from './online-form.js';

const root = document.getElementById('app');
const ID = Number(location.pathname.match(/\/host\/online\/(\d+)/)?.[1]);
const PERSON_PAGE = 20;
/** The unit ranking in one page: the server's largest. */
const UNIT_PAGE = 500;
const S = { session: null, contest: null, error: null, flash: null, dash: null, conn: 'connecting', socket: null,
  units: { sort: 'average', rollup: false, items: null }, unitChoices: [],
  persons: { page: 0, unit: '', data: null }, flagged: null, extendAt: null };

// ---------------------------------------------------------------- data

async function loadContest() {
  try {
    S.contest = await api('GET', `/api/contests/${ID}`);
    S.extendAt ??= S.contest.settings?.online?.closesAt ? localInput(new Date(S.contest.settings.online.closesAt)) : '';
    if (S.contest.status !== 'DRAFT' && !S.socket) connect();
    watchWindow();
  } catch (e) { S.error = errorText(e); }
  render();
}

/** Everything but the dashboard, which comes over the socket. */
async function loadReports() {
  if (!S.contest || S.contest.status === 'DRAFT') return;
  await Promise.all([loadUnits(), loadPersons(), loadFlagged()]);
  render();
}

const hasUnits = () => (S.contest?.settings?.online?.units ?? 'none') !== 'none' || (S.units.items?.length ?? 0) > 0;
const itemsOf = r => (Array.isArray(r) ? r : r?.items) || [];

async function loadUnits() {
  try {
    const qs = new URLSearchParams({ by: 'unit', sort: S.units.sort, size: String(UNIT_PAGE) });
    if (S.units.rollup) qs.set('rollup', 'parent');
    S.units.items = itemsOf(await api('GET', `/api/contests/${ID}/rankings?${qs}`));
    if (!S.units.rollup) S.unitChoices = S.units.items.map(u => ({ id: u.unitId, name: u.unit }));
    else if (!S.unitChoices.length) {
      S.unitChoices = itemsOf(await api('GET', `/api/contests/${ID}/rankings?by=unit&size=${UNIT_PAGE}`)).map(u => ({ id: u.unitId, name: u.unit }));
    }
  } catch (e) { S.units.items = []; if (e.status !== 404) S.error = errorText(e); }
}

async function loadPersons() {
  try {
    const qs = new URLSearchParams({ by: 'person', page: String(S.persons.page), size: String(PERSON_PAGE) });
    if (S.persons.unit) qs.set('unit', S.persons.unit);
    S.persons.data = await api('GET', `/api/contests/${ID}/rankings?${qs}`);
  } catch (e) { S.error = errorText(e); }
}

async function loadFlagged() {
  try { S.flagged = itemsOf(await getExact(`/api/contests/${ID}/attempts?flagged=true&page=0&size=100`)); }
  catch (e) { S.error = errorText(e); }
}

/**
 * GET with the seeds kept exact: a seed is a 64-bit number, which JSON.parse would round to a double (and a
 * rounded seed reproduces another paper), so it is read as the digits the server sent.
 */
async function getExact(path) {
  const res = await fetch(path, { credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' } });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text.replace(/"seed":(-?\d+)/g, '"seed":"$1"')) : null; } catch { data = { message: text }; }
  if (res.status === 401) location.href = '/login?next=' + encodeURIComponent(location.pathname);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** The dashboard: one frame on connect, then one each time it changes (at most once a second). */
function connect() {
  S.socket = liveSocket(() => `/ws/online/${ID}`, {
    onMessage: m => {
      if (m.type !== 'dashboard') return;
      S.dash = m;
      // the window opens and closes by itself: the frame says when the status changed
      if (m.status && S.contest && m.status !== S.contest.status) loadContest();
      paintDashboard();
      reportsSoon();
    },
    onStatus: st => { S.conn = st; paintConn(); },
    // a contest that is gone (4404) or refused: stop; anything else reconnects
    onClose: code => code !== 4404 && code !== 1008,
  });
}

let reportsTimer = null;
let reportsAt = 0;
/** Rankings and flagged attempts follow the dashboard: fetched again after a change, at most every 2 s. */
function reportsSoon() {
  if (reportsTimer) return;
  const wait = Math.max(0, reportsAt + 2000 - Date.now());
  reportsTimer = setTimeout(async () => {
    reportsTimer = null; reportsAt = Date.now();
    await loadReports();
    if (['SCHEDULED', 'OPEN'].includes(S.contest?.status)) loadContest();
  }, wait);
}

let windowTimer = null;
/** The window opens and closes by itself: fetch the contest again at its next edge. */
function watchWindow() {
  clearTimeout(windowTimer);
  const o = S.contest?.settings?.online;
  if (!o) return;
  const now = Date.now();
  const next = [o.opensAt, o.closesAt].map(x => new Date(x).getTime()).filter(x => x > now).sort((a, b) => a - b)[0];
  if (next && next - now < 2 ** 31 - 1) windowTimer = setTimeout(loadContest, next - now + 500);
}

async function act(action, body) {
  if (action === 'close' && !confirm(t('host.online.close.confirm', { title: S.contest.title }))) return;
  S.error = null; S.flash = null;
  try {
    const c = await api('POST', `/api/contests/${ID}/actions/${action}`, body);
    S.contest = { ...S.contest, ...c };
    if (action === 'extend') S.flash = ['host.online.extended'];
    await loadContest();
    await loadReports();
  } catch (e) { S.error = errorText(e); }
  render();
}

function extend() {
  const closesAt = isoInstant(S.extendAt);
  if (!closesAt) { S.error = t('host.online.extend.missing'); render(); return; }
  act('extend', { closesAt });
}

async function voidAttempt(a) {
  const reason = prompt(t('host.online.void.reason', { name: nameOf(a) }));
  if (reason === null) return;
  if (!reason.trim()) { S.error = t('host.online.void.missing'); render(); return; }
  S.error = null;
  try {
    await api('POST', `/api/contests/${ID}/attempts/${attemptIdOf(a)}/void`, { reason: reason.trim().slice(0, 200) });
    S.flash = ['host.online.voided', { name: nameOf(a) }];
    await loadReports();
  } catch (e) { S.error = errorText(e); }
  render();
}

async function replaceUnits(file) {
  if (!file) return;
  S.error = null; S.flash = null;
  try {
    const list = await uploadUnits(ID, file);
    S.flash = ['host.online.units.saved', { n: itemsOf(list).length || list?.count || 0 }];
    await loadContest();
    await loadReports();
  } catch (e) { S.error = errorText(e); }
  render();
}

// ---------------------------------------------------------------- formatting

const fmtTime = v => (v === null || v === undefined ? '–'
  : new Date(typeof v === 'number' ? v : String(v)).toLocaleString(currentLang(), { dateStyle: 'medium', timeStyle: 'short' }));
const hourLabel = v => new Date(v).toLocaleTimeString(currentLang(), { hour: '2-digit', minute: '2-digit' });
const pct = v => (v === null || v === undefined ? '–' : `${Math.round((v <= 1 ? v * 100 : v) * 10) / 10}%`);
const fixed = v => (v === null || v === undefined ? '–' : String(Math.round(v * 10) / 10));
function duration(ms) {
  if (ms === null || ms === undefined) return '–';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
const nameOf = a => a.name ?? a.participant?.name ?? a.participantName ?? a.participant ?? '';
const unitOf = a => a.unit?.name ?? a.unit ?? a.participant?.unit ?? '–';
const attemptIdOf = a => a.attemptId ?? a.id;

/** An attempt's status in the page's language; one the catalog does not know as the server says it. */
function statusText(st) {
  const key = `host.online.attempt.${st}`;
  const text = t(key);
  return text === key ? String(st ?? '–') : text;
}

/** A table that scrolls sideways inside its card on a phone. */
const table = (id, heads, rows, empty) => rows.length === 0 ? h('p', { class: 'muted', id }, t(empty))
  : h('div', { class: 'table-scroll' }, h('table', { id }, h('thead', {}, h('tr', {}, heads.map(k => h('th', { scope: 'col' }, k ? t(k) : '')))),
    h('tbody', {}, rows)));

// ---------------------------------------------------------------- views

function windowCard(c) {
  const o = c.settings?.online || {};
  const ok = c.allowedActions || [];
  const link = c.code ? `${location.origin}/s/${c.code}` : null;
  return h('section', { class: 'card', 'aria-labelledby': 'window-h' },
    h('h2', { id: 'window-h' }, t('host.online.window')),
    h('p', { id: 'online-window' }, t('host.online.window.range', { from: fmtTime(o.opensAt), to: fmtTime(o.closesAt) })),
    link ? h('div', { class: 'row' },
      h('div', { class: 'grow' },
        h('p', { class: 'muted' }, t('host.online.link')),
        h('div', { class: 'code-big', id: 'online-code' }, c.code),
        h('p', {}, h('a', { href: link, id: 'participant-link', target: '_blank', rel: 'noopener' }, link))),
      h('img', { class: 'qr-small', id: 'participant-qr', src: `/qr?text=${encodeURIComponent(link)}`, alt: t('qr.alt', { url: link }) }))
      : h('p', { class: 'muted' }, t('host.online.nocode')),
    h('div', { class: 'controls', role: 'toolbar', 'aria-label': t('host.controls') },
      h('button', { type: 'button', class: 'btn', id: 'act-open', disabled: !ok.includes('open'), onclick: () => act('open') }, t('host.online.open')),
      h('button', { type: 'button', class: 'btn danger', id: 'act-close', disabled: !ok.includes('close'), onclick: () => act('close') }, t('host.online.close'))),
    h('div', { class: 'row extend' },
      h('label', { for: 'extend-at' }, t('host.online.extend.label')),
      h('input', { type: 'datetime-local', id: 'extend-at', value: S.extendAt || '', disabled: !ok.includes('extend'),
        oninput: e => { S.extendAt = e.target.value; } }),
      h('button', { type: 'button', class: 'btn light', id: 'act-extend', disabled: !ok.includes('extend'), onclick: extend }, t('host.online.extend'))),
    h('details', {}, h('summary', {}, t('host.online.settings')), settingsList(c, o)),
    h('div', { class: 'row' }, h('label', { for: 'units-file' }, t('host.online.units.replace')),
      h('input', { type: 'file', id: 'units-file', accept: '.csv,.xlsx,text/csv', onchange: e => replaceUnits(e.target.files?.[0]) })));
}

function settingsList(c, o) {
  const perQuestion = o.timeLimit ?? c.settings?.timeLimit;
  const time = o.timeLimitTotal ? t('host.online.set.total', { m: Math.round(o.timeLimitTotal / 60) })
    : perQuestion ? t('host.online.set.each', { s: perQuestion }) : t('new.timeLimit.default');
  const units = Array.isArray(o.units) ? t('host.online.set.unitList', { n: o.units.length }) : t(`new.online.units.${o.units || 'none'}`);
  const rows = [
    ['host.online.set.questions', t('host.online.set.questionsOf', { n: o.questionsPerAttempt ?? '–', of: c.questionCount })],
    ['new.online.attempts', `${o.attemptsAllowed ?? 1} · ${t(`new.online.attemptScore.${o.attemptScore || 'best'}`)}`],
    ['new.online.timing.label', time],
    ['new.scoring', t(`scoring.${c.settings?.scoring?.mode || o.scoring?.mode || 'accuracy'}`)],
    ['new.online.showAnswers', t(`new.online.showAnswers.${o.showAnswers || 'afterAttempt'}`)],
    ['new.online.units.label', units],
    ['new.online.memberNo', t(`new.online.memberNo.${o.identity?.memberNo || 'none'}`)],
    ['new.max', o.maxParticipants ?? c.settings?.maxParticipants ?? '–'],
    ['host.online.set.public', t('host.online.set.publicOf', { n: o.publicRanking?.persons ?? 0,
      units: t(o.publicRanking?.units ? 'host.online.yes' : 'host.online.no') })],
  ];
  return h('dl', { class: 'settings-list' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, String(v))]));
}

function dashboardView() {
  const d = S.dash;
  if (!d) return h('p', { class: 'muted' }, t(S.contest?.status === 'DRAFT' ? 'host.online.dash.draft' : 'loading'));
  const stat = (key, v, id) => h('div', { class: 'stat', id }, h('b', {}, String(v ?? 0)), h('span', {}, t(key)));
  const perHour = d.answersPerHour || d.attemptsPerHour || [];
  const recent = perHour.slice(-24);
  const max = Math.max(1, ...recent.map(x => x.answers ?? x.attempts ?? 0));
  const chart = recent.length ? h('div', { class: 'chart hours', id: 'dash-hours', role: 'img',
      'aria-label': t('chart.label', { detail: recent.map(x => `${hourLabel(x.hour)} ${x.answers ?? x.attempts ?? 0}`).join(', ') }) },
    recent.map(x => {
      const n = x.answers ?? x.attempts ?? 0;
      return h('div', { class: 'bar' }, h('span', { class: 'n' }, String(n)),
        h('div', { class: 'fill c1', style: `height:${(100 * n) / max}%` }), h('span', { class: 'lab' }, hourLabel(x.hour)));
    })) : h('p', { class: 'muted', id: 'dash-hours' }, t('chart.none'));
  const idle = d.unitsWithoutParticipants || [];
  const questions = [...(d.questions || [])].sort((a, b) => rate(a) - rate(b) || place(a) - place(b));
  const served = questions.some(q => q.served !== undefined);
  return [
    h('div', { class: 'stats' },
      stat('host.online.dash.participants', d.participants, 'dash-participants'),
      stat('host.online.dash.attempts', d.attempts, 'dash-attempts'),
      stat('host.online.dash.active', d.activeAttempts, 'dash-active'),
      stat('host.online.dash.answers', d.answers, 'dash-answers'),
      stat('host.online.dash.flagged', d.flagged, 'dash-flagged')),
    h('h3', {}, t(recent.some(x => x.answers !== undefined) ? 'host.online.dash.answersPerHour' : 'host.online.dash.perHour')), chart,
    hasUnits() ? [h('h3', {}, t('host.online.dash.idle', { n: idle.length })),
      idle.length ? h('ul', { class: 'idle-units', id: 'dash-idle' }, idle.slice(0, 60).map(u => h('li', {}, typeof u === 'string' ? u : u.name)),
        idle.length > 60 ? h('li', { class: 'muted' }, t('host.online.more', { n: idle.length - 60 })) : null)
        : h('p', { class: 'muted', id: 'dash-idle' }, t('host.online.dash.idle.none'))] : null,
    h('h3', {}, t('host.online.dash.questions')),
    table('dash-questions', ['host.online.q.position', 'host.online.q.stem', served ? 'host.online.q.served' : null, 'host.online.q.answered',
      'host.online.q.correct', 'host.online.q.rate'].filter(k => k !== null),
      questions.map(q => h('tr', { 'data-question': q.questionId },
        h('td', {}, String(place(q) + 1)), h('td', { class: 'stem-cell' }, q.stem),
        served ? h('td', {}, String(q.served ?? 0)) : null, h('td', {}, String(q.answered ?? 0)), h('td', {}, String(q.correct ?? 0)),
        h('td', { class: 'rate' }, h('span', { class: 'rate-bar', 'aria-hidden': 'true' },
          h('span', { class: `fill${rate(q) >= 0.6 ? ' ok' : ''}`, style: `width:${rate(q) > 1 ? 0 : rate(q) * 100}%` })),
          h('span', { class: 'rate-n' }, q.answered ? pct(q.correctRate) : '–')))), 'host.online.q.none'),
  ];
}

/** A question's place in the pool (poolIndex; position in older frames). */
const place = q => q.poolIndex ?? q.position ?? 0;

/** A question's correct rate from 0 to 1; one nobody answered yet sorts last. */
function rate(q) {
  if (!q.answered || q.correctRate === null || q.correctRate === undefined) return 2;
  return q.correctRate > 1 ? q.correctRate / 100 : q.correctRate;
}

function unitsView() {
  const u = S.units;
  const controls = h('div', { class: 'row' },
    h('label', { for: 'unit-sort' }, t('host.online.units.sort')),
    h('select', { id: 'unit-sort', onchange: async e => { u.sort = e.target.value; await loadUnits(); render(); } },
      ['average', 'participation', 'participants'].map(v => h('option', { value: v, selected: u.sort === v }, t(`host.online.units.sort.${v}`)))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'unit-rollup', checked: u.rollup,
      onchange: async e => { u.rollup = e.target.checked; await loadUnits(); render(); } }), t('host.online.units.rollup')));
  const rows = (u.items || []).map(x => h('tr', { 'data-unit': x.unitId ?? '' },
    h('td', {}, String(x.rank)), h('td', { class: 'unit-name' }, x.unit), h('td', {}, x.parent || '–'),
    h('td', { class: 'unit-registered' }, String(x.registered ?? '–')),
    h('td', { class: 'unit-participants' }, String(x.participants ?? 0)), h('td', {}, x.headcount ?? '–'),
    h('td', {}, pct(x.participationRate)), h('td', { class: 'unit-average' }, fixed(x.averageScore)),
    h('td', {}, fixed(x.medianScore)), h('td', {}, pct(x.fullScoreShare))));
  return h('section', { class: 'card', 'aria-labelledby': 'units-h' }, h('h2', { id: 'units-h' }, t('host.online.units')),
    controls, u.items === null ? h('p', {}, t('loading')) : table('unit-ranking', ['host.online.col.rank', 'host.online.col.unit',
      'host.online.col.parent', 'host.online.col.registered', 'host.online.col.participants', 'host.online.col.headcount', 'host.online.col.participation',
      'host.online.col.average', 'host.online.col.median', 'host.online.col.full'], rows, 'host.online.units.none'));
}

function personsView() {
  const p = S.persons;
  const data = p.data || { total: 0, items: [] };
  const pages = Math.max(1, Math.ceil((data.total || 0) / PERSON_PAGE));
  const go = async page => { p.page = page; await loadPersons(); render(); };
  const rows = (data.items || []).map(x => h('tr', { 'data-participant': x.participantId },
    h('td', {}, String(x.rank)), h('td', { class: 'person-name' }, x.name), h('td', {}, x.unit || '–'),
    h('td', { class: 'person-score' }, String(x.score ?? 0)), h('td', {}, duration(x.timeMs)), h('td', {}, fmtTime(x.finishedAt)),
    h('td', {}, String(x.attempts ?? '–'))));
  return h('section', { class: 'card', 'aria-labelledby': 'persons-h' }, h('h2', { id: 'persons-h' }, t('host.online.persons')),
    S.unitChoices.length ? h('div', { class: 'row' }, h('label', { for: 'person-unit' }, t('host.online.persons.unit')),
      h('select', { id: 'person-unit', onchange: async e => { p.unit = e.target.value; p.page = 0; await loadPersons(); render(); } },
        h('option', { value: '' }, t('host.online.persons.all')),
        S.unitChoices.map(u => h('option', { value: u.id, selected: String(u.id) === String(p.unit) }, u.name)))) : null,
    p.data === null ? h('p', {}, t('loading')) : table('person-ranking', ['host.online.col.rank', 'host.online.col.name', 'host.online.col.unit',
      'host.online.col.score', 'host.online.col.time', 'host.online.col.finished', 'host.online.col.attempts'], rows, 'host.online.persons.none'),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'btn small light', id: 'person-prev', disabled: p.page <= 0, onclick: () => go(p.page - 1) }, t('host.online.prev')),
      h('span', { class: 'muted', id: 'person-page' }, t('host.online.page', { p: p.page + 1, n: pages, total: data.total || 0 })),
      h('button', { type: 'button', class: 'btn small light', id: 'person-next', disabled: p.page + 1 >= pages, onclick: () => go(p.page + 1) }, t('host.online.next'))));
}

function flaggedView() {
  const rows = (S.flagged || []).map(a => {
    const voided = a.status === 'VOID' || a.status === 'VOIDED' || !!a.voidedAt;
    return h('tr', { 'data-attempt': attemptIdOf(a), class: voided ? 'voided' : '' },
      h('td', {}, nameOf(a)), h('td', {}, unitOf(a)), h('td', {}, String(a.number ?? '–')), h('td', { class: 'seed' }, String(a.seed ?? '–')),
      h('td', {}, String(a.score ?? 0)), h('td', {}, duration(a.timeMs ?? a.time)), h('td', {}, String(a.fastAnswers ?? 0)),
      h('td', {}, voided ? t('host.online.void.done', { reason: a.voidReason || '', by: a.voidedBy || '' }) : statusText(a.status)),
      h('td', {}, voided ? null : h('button', { type: 'button', class: 'btn small danger void-btn', id: `void-${attemptIdOf(a)}`,
        onclick: () => voidAttempt(a) }, t('host.online.void'))));
  });
  return h('section', { class: 'card', 'aria-labelledby': 'flagged-h' }, h('h2', { id: 'flagged-h' }, icon('flag'), ` ${t('host.online.flagged')}`),
    h('p', { class: 'muted' }, t('host.online.flagged.hint')),
    S.flagged === null ? h('p', {}, t('loading')) : table('flagged', ['host.online.col.name', 'host.online.col.unit', 'host.online.col.number',
      'host.online.col.seed', 'host.online.col.score', 'host.online.col.time', 'host.online.col.fast', 'host.online.col.status', ''],
    rows, 'host.online.flagged.none'));
}

function exportsView() {
  const link = (what, format) => h('a', { class: 'btn small light', id: `export-${what}-${format}`, download: '',
    href: `/api/contests/${ID}/export/${what}?format=${format}` }, t(`host.online.export.${what}`), ` (${format.toUpperCase()})`);
  return h('section', { class: 'card', 'aria-labelledby': 'export-h' }, h('h2', { id: 'export-h' }, t('host.online.export')),
    h('div', { class: 'row' }, ['individuals', 'units', 'questions'].map(w => ['csv', 'xlsx'].map(f => link(w, f)))));
}

function connView() {
  return h('span', { class: `status-tag${S.conn === 'open' ? ' live' : ''}`, id: 'dash-conn' }, t(`host.online.conn.${S.conn}`));
}

function paintConn() {
  const el = document.getElementById('dash-conn');
  if (el) el.replaceWith(connView());
}

function paintDashboard() {
  const el = document.getElementById('dash');
  if (el) mount(el, dashboardView()); else render();
}

function view() {
  const c = S.contest;
  if (!c) return [S.error ? h('div', { class: 'notice error', role: 'alert', id: 'online-error' }, S.error) : h('p', {}, t('loading'))];
  const live = c.status !== 'DRAFT';
  return [
    h('div', { class: 'row' }, h('a', { href: '/host', class: 'btn small light' }, icon('back'), ` ${t('host.back')}`),
      h('h1', { class: 'grow' }, c.title),
      h('span', { class: 'status-tag', id: 'online-status' }, t(`status.${c.status}`)),
      h('span', { class: 'status-tag' }, t('new.kind.self-paced'))),
    S.error ? h('div', { class: 'notice error', role: 'alert', id: 'online-error' }, S.error) : null,
    // a notice is kept as its key, so it follows a change of language
    S.flash ? h('div', { class: 'notice ok', role: 'status', id: 'online-flash' }, t(...S.flash)) : null,
    h('div', { class: 'grid2' },
      h('div', {}, windowCard(c), live ? exportsView() : null),
      h('section', { class: 'card', 'aria-labelledby': 'dash-h' },
        h('div', { class: 'row' }, h('h2', { id: 'dash-h', class: 'grow' }, t('host.online.dash')), live ? connView() : null),
        h('div', { id: 'dash', 'aria-live': 'off' }, dashboardView()))),
    live ? [hasUnits() ? unitsView() : null, personsView(), flaggedView()] : null,
  ];
}

function render() {
  document.title = `${S.contest?.title || t('host.title')} · ${t('app.name')}`;
  // the extend field keeps its focus and caret while frames redraw the page
  const focused = document.activeElement?.id && root.contains(document.activeElement) ? document.activeElement : null;
  mount(root, staffHeader(S.session, 'host.title'), h('main', { class: 'wrap wide online-view' }, view()));
  const again = focused && document.getElementById(focused.id);
  if (again && again !== focused && again.tagName === focused.tagName) again.focus();
}

// a unit list refused right after creating the contest (see host.js) is said here
const unitsError = location.hash.match(/^#units-error=(.*)$/);
if (unitsError) { S.error = `${t('host.online.units.failed')}: ${decodeURIComponent(unitsError[1])}`; history.replaceState(null, '', location.pathname); }

onLangChange(render);
api('GET', '/api/session').then(s => { S.session = s; render(); }).catch(() => {});
render();
loadContest().then(loadReports);
