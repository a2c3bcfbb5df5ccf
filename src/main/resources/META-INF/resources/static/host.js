// Host console (/host): create contests, run the lobby and the questions, watch answers live.
import { t, onLangChange } from './i18n.js';
import { h, mount, api, liveSocket, timer, startTicker, board, podium, distributionChart, staffHeader, errorText, questionImage, optionImage,
  optionText, icon, shapeIcon, rankedList, optionSetLabel, orderLabel, revealMatcher, teamTag, roundBanner, multiplierBadge, nextBadge, ApiError, csrfToken } from './common.js';
import { liveState, liveFrames, timeLeft, stepLeft, teamQuestion, teamOf } from './live.js';
import { onlineFieldset, onlineBody, uploadUnits } from './online-form.js';

const root = document.getElementById('app');
const TYPES = ['single', 'multiple', 'true_false', 'text', 'numeric', 'ordering', 'poll'];
const ACTIONS = ['start', 'close', 'reveal', 'leaderboard', 'next', 'pause', 'resume', 'finish'];
const S = { session: null, list: null, sets: null, error: null, route: null, contest: null, live: null, socket: null,
  people: new Map(), picked: [], pickResults: [], form: {}, results: null, flash: null,
  teamOf: new Map(), rulings: [], ruling: {}, tied: null };

// ---------------------------------------------------------------- routing

function route() {
  const m = location.hash.match(/^#contest=(\d+)/);
  const next = m ? { page: 'console', id: Number(m[1]) } : location.hash === '#new' ? { page: 'new' } : { page: 'list' };
  if (S.socket && (next.page !== 'console' || next.id !== S.route?.id)) { S.socket.stop(); S.socket = null; }
  S.route = next; S.error = null; S.flash = null;
  if (next.page === 'list') loadList();
  if (next.page === 'new') loadSets();
  if (next.page === 'console') loadContest(next.id, true);
  render();
}

async function loadList() {
  try { S.list = await api('GET', '/api/contests'); } catch (e) { S.error = errorText(e); }
  render();
}

async function loadSets() {
  try { S.sets = S.sets || await api('GET', '/api/catalog/sets'); } catch (e) { S.error = errorText(e); }
  render();
}

async function loadContest(id, fresh) {
  try {
    S.contest = await api('GET', `/api/contests/${id}`);
    if (selfPaced(S.contest)) { location.replace(`/host/online/${id}`); return; }
    if (fresh) { S.live = liveState(); S.people = new Map(); S.teamOf = new Map(); S.results = null; S.rulings = []; S.tied = null; }
    const open = ['LOBBY', 'RUNNING', 'PAUSED'].includes(S.contest.status);
    if (fresh && hasTeams() && S.contest.status !== 'DRAFT') S.rulings = await api('GET', `/api/contests/${id}/rulings`).catch(() => []);
    if (open && !S.socket) {
      const list = await api('GET', `/api/contests/${id}/participants`);
      list.filter(p => !p.kicked).forEach(p => { S.people.set(p.participantId, p.nickname); S.teamOf.set(p.participantId, p.teamId ?? null); });
      S.socket = liveSocket(() => `/ws/host/${id}`, { onMessage: onLive, onClose: () => S.route?.id === id });
    }
    if (S.contest.status === 'FINISHED' && !S.results) S.results = await api('GET', `/api/contests/${id}/results`);
  } catch (e) { S.error = errorText(e); }
  render();
}

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => S.route?.page === 'console' && loadContest(S.route.id, false), 120);
}

/** Frames after which the contest's status, phase or allowed actions may have changed: GET it again. */
const TRANSITIONS = ['state', 'question', 'closed', 'reveal', 'leaderboard', 'finished', 'status',
  'round', 'turn', 'buzzOpen', 'buzzWinner', 'judged', 'wagerOpen', 'wagers', 'tiebreak'];

/** The contest has teams (a team contest in rounds, issue 16). */
const hasTeams = () => contestTeams().length > 0;

/** The contest's teams and how they are picked: in its settings (or beside them). */
const contestTeams = () => S.contest?.settings?.teams || S.contest?.teams || [];
const teamPickOf = c => c?.settings?.teamPick || c?.teamPick || 'participants';

const onLive = liveFrames(() => S.live, {
  on: {
    ...Object.fromEntries(TRANSITIONS.map(type => [type, refreshSoon])),
    state: m => {
      // host connections only: what the host may do now, until the contest is fetched again
      if (m.allowedActions && S.contest) S.contest = { ...S.contest, allowedActions: m.allowedActions };
      refreshSoon();
    },
    lobby: () => { paintCount(); return true; },
    participants: m => {
      (m.joined || []).forEach(p => { S.people.set(p.participantId, p.nickname); S.teamOf.set(p.participantId, p.teamId ?? null); });
      (m.left || []).forEach(p => { S.people.delete(p.participantId); S.teamOf.delete(p.participantId); });
      // a joiner's team is in the participants list (the frame may not carry it)
      if (hasTeams() && (m.joined || []).some(p => p.teamId === undefined)) refreshPeopleSoon();
      return paintPeople();
    },
    team: m => { S.teamOf.set(m.participantId, m.teamId ?? null); return paintPeople(); },
    ruling: m => { S.rulings = [...S.rulings.filter(r => r.id !== m.id), rulingOf(m)]; },
    progress: () => paintProgress(),
  },
  render,
});

let peopleTimer = null;
function refreshPeopleSoon() {
  clearTimeout(peopleTimer);
  peopleTimer = setTimeout(async () => {
    if (!S.contest) return;
    try {
      const list = await api('GET', `/api/contests/${S.contest.id}/participants`);
      list.filter(p => !p.kicked).forEach(p => S.teamOf.set(p.participantId, p.teamId ?? null));
      paintPeople();
    } catch { /* the next frame tries again */ }
  }, 300);
}

/** A ruling frame as a Ruling (the frame also carries the standings after it). */
const rulingOf = m => ({ id: m.id, teamId: m.teamId ?? null, participantId: m.participantId ?? null, points: m.points,
  reason: m.reason, undoes: m.undoes ?? null, by: m.by ?? null, at: m.at ?? null });

async function act(action, body) {
  // finishing cannot be undone: ask first
  if (action === 'finish' && !confirm(t('host.finish.confirm', { title: S.contest.title }))) return;
  S.error = null;
  try {
    S.contest = { ...S.contest, ...(await api('POST', `/api/contests/${S.contest.id}/actions/${action}`, body)) };
    if (action === 'open') { S.socket?.stop(); S.socket = null; await loadContest(S.contest.id, true); }
    if (S.contest.status === 'FINISHED') { await loadContest(S.contest.id, false); }
  } catch (e) { S.error = errorText(e); }
  render();
}

async function kick(pid, name) {
  if (!confirm(t('host.kick.confirm', { name }))) return;
  try { await api('DELETE', `/api/contests/${S.contest.id}/participants/${pid}`); S.people.delete(pid); }
  catch (e) { S.error = errorText(e); }
  render();
}

// ---------------------------------------------------------------- views

function viewList() {
  const rows = (S.list || []).map(c => h('tr', {},
    h('td', {}, c.title), h('td', {}, h('span', { class: 'status-tag' }, t(`status.${c.status}`))),
    h('td', {}, c.code || '–'), h('td', {}, String(c.questionCount)),
    h('td', {}, h('a', { class: 'btn small', href: consoleHref(c) }, t('host.console')))));
  return [h('div', { class: 'row' }, h('h1', { class: 'grow' }, t('host.title')),
      h('a', { class: 'btn', href: '#new', id: 'new-contest' }, icon('plus'), ` ${t('host.new')}`)),
    h('div', { class: 'card' }, S.list === null ? t('loading') : S.list.length === 0 ? t('host.none') :
      h('table', {}, h('thead', {}, h('tr', {}, ['host.col.title', 'host.col.status', 'host.col.code', 'host.col.questions', '']
        .map(k => h('th', { scope: 'col' }, k ? t(k) : '')))), h('tbody', {}, rows)))];
}

/** A self-paced contest (网络答题) has its own view, /host/online/{id}. */
const selfPaced = c => c?.settings?.mode === 'self-paced';
const consoleHref = c => selfPaced(c) ? `/host/online/${c.id}` : `#contest=${c.id}`;

function field(id, labelKey, input, hintKey) {
  input.id = id;
  return h('div', {}, h('label', { for: id }, t(labelKey)), input, hintKey ? h('small', { class: 'muted' }, t(hintKey)) : null);
}

function viewNew() {
  // the form appears once the sets are known, so it is drawn once and not under the user's fingers
  if (S.sets === null) return [h('h1', {}, t('host.new')), S.error ? h('div', { class: 'notice error', role: 'alert' }, S.error) : h('p', {}, t('loading'))];
  const f = S.form;
  f.kind = f.kind || 'live';
  f.source = f.source || 'draw';
  if (f.kind === 'self-paced' && f.source === 'plan') f.source = 'draw';
  const sets = S.sets || [];
  const setChecks = h('div', { class: 'row', role: 'group', 'aria-label': t('new.sets') }, sets.map(s => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'draw-set', value: s.id, checked: (f.sets || []).includes(s.id),
      onchange: ev => { f.sets = toggle(f.sets, s.id, ev.target.checked); } }), `${s.title} (${s.questionCount})`)));
  const typeChecks = h('div', { class: 'row', role: 'group', 'aria-label': t('new.types') }, TYPES.map(ty => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'draw-type', value: ty, checked: (f.types || []).includes(ty),
      onchange: ev => { f.types = toggle(f.types, ty, ev.target.checked); } }), t(`type.${ty}`))));
  const draw = h('fieldset', {}, h('legend', {}, t('new.draw')),
    h('p', { class: 'muted' }, t('new.sets')), setChecks,
    field('draw-tags', 'new.tags', h('input', { value: f.tags || '', oninput: e => { f.tags = e.target.value; } }), 'new.tags.hint'),
    h('p', { class: 'muted' }, t('new.types')), typeChecks,
    h('div', { class: 'grid2' },
      field('draw-difficulty', 'new.difficulty', h('select', { onchange: e => { f.difficulty = e.target.value; } },
        ['', '1', '2', '3'].map(d => h('option', { value: d, selected: (f.difficulty || '') === d }, d ? t(`difficulty.${d}`) : t('new.any'))))),
      field('draw-count', 'new.count', h('input', { type: 'number', min: '1', max: '200', value: f.count || '10', oninput: e => { f.count = e.target.value; } }))),
    field('draw-seed', 'new.seed', h('input', { type: 'number', value: f.seed || '', oninput: e => { f.seed = e.target.value; } }), 'new.seed.hint'));
  const pickSearch = h('input', { type: 'search', value: f.q || '', oninput: e => { f.q = e.target.value; } });
  const pickSet = h('select', { onchange: e => { f.pickSet = e.target.value; } },
    h('option', { value: '' }, t('new.any')), sets.map(s => h('option', { value: s.id, selected: f.pickSet === s.id }, s.title)));
  const pick = h('fieldset', {}, h('legend', {}, t('new.pick')),
    h('div', { class: 'grid2' }, field('pick-set', 'new.set', pickSet), field('pick-q', 'new.search', pickSearch)),
    h('button', { type: 'button', class: 'btn small', id: 'pick-search', onclick: searchQuestions }, t('new.search.go')),
    h('ul', { class: 'plist', 'aria-label': t('new.results') }, S.pickResults.map(q => h('li', {},
      h('label', { class: 'check grow' }, h('input', { type: 'checkbox', 'data-qid': q.id, checked: S.picked.some(p => p.id === q.id),
        onchange: ev => { S.picked = ev.target.checked ? [...S.picked, q] : S.picked.filter(p => p.id !== q.id); render(); } }),
        `${t(`type.${q.type}`)} · ${q.stem}`)))),
    h('p', {}, t('new.picked', { n: S.picked.length })),
    h('ol', { id: 'picked' }, S.picked.map(q => h('li', {}, q.stem, f.kind === 'self-paced' ? null : multiplierPick(q)))));
  // a team contest in rounds: its plan, as YAML or JSON (POST /api/contests/plan), e.g. one saved from another contest
  const plan = h('fieldset', {}, h('legend', {}, t('new.plan')),
    field('plan-text', 'new.plan.text', h('textarea', { rows: '14', spellcheck: 'false', value: f.plan || '',
      oninput: e => { f.plan = e.target.value; } }), 'new.plan.hint'));
  const form = h('form', { class: 'card', id: 'new-form', onsubmit: create },
    field('title', 'new.title', h('input', { required: true, maxlength: '200', value: f.title || '', oninput: e => { f.title = e.target.value; } })),
    h('div', { class: 'row', role: 'radiogroup', 'aria-label': t('new.kind') },
      ['live', 'self-paced'].map(v => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'kind', value: v, id: `kind-${v}`,
        checked: f.kind === v, onchange: () => { f.kind = v; render(); } }), t(`new.kind.${v}`)))),
    h('div', { class: 'row', role: 'radiogroup', 'aria-label': t('new.source') },
      (f.kind === 'self-paced' ? ['draw', 'pick'] : ['draw', 'pick', 'plan']).map(v => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'source', value: v, checked: f.source === v,
        onchange: () => { f.source = v; render(); } }), t(`new.${v}`)))),
    f.source === 'draw' ? draw : f.source === 'pick' ? pick : plan,
    f.kind === 'self-paced' ? onlineFieldset(f, render, field) : h('fieldset', {}, h('legend', {}, t('new.settings')),
      h('div', { class: 'grid2' },
        field('time-limit', 'new.timeLimit', h('input', { type: 'number', min: '5', max: '300', value: f.timeLimit || '', placeholder: t('new.timeLimit.default'), oninput: e => { f.timeLimit = e.target.value; } })),
        field('scoring-mode', 'new.scoring', h('select', { onchange: e => { f.mode = e.target.value; } },
          ['speed', 'accuracy'].map(m => h('option', { value: m, selected: (f.mode || 'speed') === m }, t(`scoring.${m}`))))),
        field('scoring-ordering', 'new.ordering', h('select', { onchange: e => { f.ordering = e.target.value; } },
          ['all', 'partial'].map(m => h('option', { value: m, selected: (f.ordering || 'all') === m }, t(`new.ordering.${m}`))))),
        field('board-size', 'new.boardSize', h('input', { type: 'number', min: '1', max: '100', value: f.boardSize || '10', oninput: e => { f.boardSize = e.target.value; } })),
        field('max-participants', 'new.max', h('input', { type: 'number', min: '1', value: f.max || '', oninput: e => { f.max = e.target.value; } })),
        field('joins-per-minute', 'new.joinRate', h('input', { type: 'number', min: '1', max: '60000', value: f.joinRate || '', placeholder: '6000', oninput: e => { f.joinRate = e.target.value; } }), 'new.joinRate.hint')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'streak', checked: f.streak !== false, onchange: e => { f.streak = e.target.checked; } }), t('new.streak')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'shuffle', checked: !!f.shuffle, onchange: e => { f.shuffle = e.target.checked; } }), t('new.shuffle')),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'auto', checked: !!f.auto, onchange: e => { f.auto = e.target.checked; render(); } }), t('new.auto')),
      f.auto ? h('div', { class: 'grid2' },
        field('reveal-seconds', 'new.revealSeconds', h('input', { type: 'number', min: '1', value: f.revealSeconds || '5', oninput: e => { f.revealSeconds = e.target.value; } })),
        field('board-seconds', 'new.boardSeconds', h('input', { type: 'number', min: '1', value: f.boardSeconds || '5', oninput: e => { f.boardSeconds = e.target.value; } }))) : null),
    S.error ? h('div', { class: 'notice error', role: 'alert', id: 'form-error' }, S.error) : null,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'btn', id: 'create' }, t(f.kind === 'self-paced' ? 'new.online.create' : 'new.create')),
      h('a', { href: '#', class: 'btn light' }, t('cancel'))));
  return [h('h1', {}, t('host.new')), form];
}

const toggle = (list, v, on) => on ? [...new Set([...(list || []), v])] : (list || []).filter(x => x !== v);
const num = v => (v === undefined || v === null || String(v).trim() === '' ? null : Number(v));

async function searchQuestions() {
  const f = S.form;
  const qs = new URLSearchParams({ size: '50' });
  if (f.pickSet) qs.set('set', f.pickSet);
  if (f.q) qs.set('q', f.q);
  try { S.pickResults = (await api('GET', `/api/catalog/questions?${qs}`)).items; } catch (e) { S.error = errorText(e); }
  render();
}

/** A picked question's multiplier (live contests): x1 by default, 练习 (x0), x0.5, x2 or x3 (docs/contests.md). */
const MULTIPLIERS = [1, 0, 0.5, 2, 3];
function multiplierPick(q) {
  const m = S.form.multipliers || (S.form.multipliers = {});
  return h('select', { class: 'mult-pick', 'data-qid': q.id, 'aria-label': t('new.multiplier'),
    onchange: e => { m[q.id] = Number(e.target.value); } },
    MULTIPLIERS.map(v => h('option', { value: String(v), selected: (m[q.id] ?? 1) === v },
      v === 1 ? t('new.multiplier.normal') : v === 0 ? t('mult.practice') : t('mult.times', { m: v }))));
}

/** The picked questions' multipliers other than 1, by their index in the contest (the API's multipliers). */
function pickedMultipliers(f) {
  const out = {};
  S.picked.forEach((q, i) => { const m = f.multipliers?.[q.id]; if (m != null && m !== 1) out[String(i)] = m; });
  return Object.keys(out).length ? out : undefined;
}

/** Creates and opens the contest; picked questions that give each other away are sent again only once the host agrees. */
async function create(ev, confirmRelated = false) {
  ev.preventDefault();
  const f = S.form;
  const body = {
    title: (f.title || '').trim(),
    timeLimit: num(f.timeLimit),
    scoring: { mode: f.mode || 'speed', streakBonus: f.streak !== false, ordering: f.ordering || 'all' },
    shuffleOptions: !!f.shuffle,
    leaderboardSize: num(f.boardSize) ?? 10,
    autoAdvance: f.auto ? { revealSeconds: num(f.revealSeconds) ?? 5, leaderboardSeconds: num(f.boardSeconds) ?? 5 } : null,
    maxParticipants: num(f.max),
    joinsPerMinute: num(f.joinRate),
  };
  if (f.source === 'pick') { body.questionIds = S.picked.map(q => q.id); body.multipliers = pickedMultipliers(f); }
  else body.draw = { sets: f.sets?.length ? f.sets : null, tags: f.tags ? f.tags.split(/[,，]/).map(s => s.trim()).filter(Boolean) : null,
    types: f.types?.length ? f.types : null, difficulty: num(f.difficulty), count: num(f.count) ?? 10, seed: num(f.seed) };
  if (confirmRelated) body.confirmRelated = true;
  if (f.kind === 'self-paced') return createOnline(ev, { ...onlineBody(f), questionIds: body.questionIds, draw: body.draw }, confirmRelated);
  try {
    const c = f.source === 'plan' ? await createFromPlan(f, confirmRelated) : await api('POST', '/api/contests', body);
    await api('POST', `/api/contests/${c.id}/actions/open`);
    S.form = {}; S.picked = [];
    location.hash = `#contest=${c.id}`;
  } catch (e) {
    if (e.body?.code === 'RELATED_QUESTIONS' && !confirmRelated
        && confirm(t('new.related.confirm', { pairs: (e.body.pairs || []).map(p => p.join(' + ')).join('; ') }))) {
      return create(ev, true);
    }
    S.error = errorText(e); render();
  }
}

/** A self-paced contest is created as a draft (scheduled from its view), then gets the uploaded unit list. */
async function createOnline(ev, body, confirmRelated) {
  const f = S.form;
  let c;
  try {
    c = await api('POST', '/api/contests', body);
  } catch (e) {
    if (e.body?.code === 'RELATED_QUESTIONS' && !confirmRelated
        && confirm(t('new.related.confirm', { pairs: (e.body.pairs || []).map(p => p.join(' + ')).join('; ') }))) {
      return create(ev, true);
    }
    S.error = errorText(e); render(); return;
  }
  let failed = null;
  if (f.units === 'upload' && f.unitsFile) {
    try { await uploadUnits(c.id, f.unitsFile); } catch (e) { failed = errorText(e); }
  }
  S.form = {}; S.picked = [];
  // a unit list the server refused is said on the contest's view, where it can be uploaded again
  location.href = `/host/online/${c.id}${failed ? `#units-error=${encodeURIComponent(failed)}` : ''}`;
}

/** A plan as the host pasted it: JSON as JSON, anything else as YAML; the form's title fills in a plan without one. */
async function createFromPlan(f, confirmRelated) {
  let text = (f.plan || '').trim();
  const json = text.startsWith('{');
  if (json) {
    let doc;
    try { doc = JSON.parse(text); } catch (e) { throw new ApiError(400, { message: t('new.plan.text') + ': ' + e.message }); }
    if (!doc.title && f.title) doc.title = f.title.trim();
    if (confirmRelated) doc.confirmRelated = true;
    return api('POST', '/api/contests/plan', doc);
  }
  if (!/^title\s*:/m.test(text) && f.title) text = `title: ${JSON.stringify(f.title.trim())}\n${text}`;
  if (confirmRelated && !/^confirmRelated\s*:/m.test(text)) text += '\nconfirmRelated: true';
  const res = await fetch('/api/contests/plan', { method: 'POST', credentials: 'same-origin', body: text,
    headers: { 'Content-Type': 'application/yaml', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken(),
      'X-Requested-With': 'XMLHttpRequest' } });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const remaining = () => timeLeft(S.live);

function viewConsole() {
  const c = S.contest;
  if (!c) return [h('p', {}, t('loading')), S.error ? h('div', { class: 'notice error', role: 'alert' }, S.error) : null];
  const L = S.live || {};
  const ok = c.allowedActions || [];
  const joinUrl = c.code ? `${location.origin}/join/${c.code}` : null;
  const controls = h('div', { class: 'controls', role: 'toolbar', 'aria-label': t('host.controls') },
    ok.includes('open') ? h('button', { class: 'btn', id: 'act-open', onclick: () => act('open') }, t('action.open')) : null,
    ACTIONS.map(a => h('button', { type: 'button', class: `btn${a === 'finish' ? ' danger' : ''}`, id: `act-${a}`,
      disabled: !ok.includes(a), onclick: () => act(a) }, t(`action.${a}`))));
  const lobby = h('section', { class: 'card', 'aria-labelledby': 'join-h' },
    h('h2', { id: 'join-h' }, t('host.join')),
    c.code ? h('div', { class: 'row' },
      h('div', { class: 'grow' },
        h('div', { class: 'code-big', id: 'join-code', 'aria-label': t('screen.code', { code: c.code }) }, c.code),
        h('p', {}, h('a', { href: joinUrl, id: 'join-link', target: '_blank', rel: 'noopener' }, joinUrl)),
        h('p', {}, h('a', { class: 'btn small', href: `/screen/${c.code}`, target: '_blank', rel: 'noopener', id: 'screen-link' }, icon('screen'), ` ${t('host.screen')}`))),
      h('img', { class: 'qr-small', src: `/qr/join/${c.code}.svg`, alt: t('qr.alt', { url: joinUrl }) })) : h('p', {}, t('host.nocode')),
    h('h2', { id: 'people-h' }, t('host.people', { n: S.people.size }), ' ', h('span', { class: 'status-tag', id: 'host-count' }, String(L.participants ?? S.people.size))),
    peopleList(), joinLimits(c));
  const q = L.question;
  const qPanel = q && ['RUNNING', 'PAUSED'].includes(c.status) ? h('section', { class: 'card', 'aria-labelledby': 'q-h' },
    h('h2', { id: 'q-h' }, t('q.progress', { i: q.index + 1, n: q.total }), ' ', multiplierBadge(q.multiplier, 'q-mult')),
    c.phase === 'OPEN' && !teamQuestion(L) ? timer(remaining, q.timeLimitMs, () => L.paused) : null,
    h('p', { class: 'stem host-stem', id: 'stem' }, q.stem), questionImage(q),
    q.options?.length ? h('ol', { style: 'list-style:none;padding:0' }, q.options.map((o, i) => h('li', { class: 'shape-line' }, shapeIcon(i), optionImage(o), ` ${optionText(q, o)}`))) : null,
    h('p', { id: 'host-answered', 'aria-live': 'polite', hidden: teamQuestion(L) }, t('screen.answered', { a: L.reveal?.answered ?? L.progress?.answered ?? 0, n: L.progress?.participants ?? L.participants ?? 0 })),
    hostChart(q, L) && !teamQuestion(L) ? h('div', { id: 'host-chart' }, hostChart(q, L)) : null,
    L.reveal ? h('p', {}, h('strong', {}, icon('check'), ` ${t('reveal.answer')}: `), revealText(q, L.reveal)) : null) : null;
  const done = c.status === 'FINISHED' ? resultsPanel() : null;
  const lb = L.leaderboard && c.status !== 'FINISHED' ? h('section', { class: 'card' }, h('h2', {}, t('board.title')), board(L.leaderboard.top, null)) : null;
  const teams = hasTeams() ? [roundPanel(c, L), teamBoard(L), rulingsPanel(c)] : [];
  return [
    h('div', { class: 'row' }, h('a', { href: '#', class: 'btn small light' }, icon('back'), ` ${t('host.back')}`),
      h('h1', { class: 'grow' }, c.title),
      h('span', { class: 'status-tag', id: 'contest-status' }, `${t(`status.${c.status}`)}${c.phase && c.status === 'RUNNING' ? ' · ' + t(`phase.${c.phase}`) : ''}`),
      c.settings?.autoAdvance ? h('span', { class: 'status-tag' }, t('host.auto')) : null),
    S.error ? h('div', { class: 'notice error', role: 'alert', id: 'host-error' }, S.error) : null,
    controls,
    ['LOBBY', 'RUNNING', 'PAUSED'].includes(c.status) ? nextBadge(L, 'next-mult') : null,
    hasTeams() ? teams[0] : null,
    h('div', { class: 'grid2' }, h('div', {}, qPanel, lb, done), h('div', {}, teams[1], lobby, teams[2]))];
}

// ---------------------------------------------------------------- team contests in rounds

const teamById = id => teamOf(S.live, id) || contestTeams().find(x => x.id === id) || null;

/**
 * The round on the console: its title and kind, whose turn, the buzz order with reactionMs, the stakes, and the big
 * go / right / wrong / skip buttons; nextRound, and tiebreak with the tied teams to pick. Every button follows the
 * server's allowedActions.
 */
function roundPanel(c, L) {
  const ok = c.allowedActions || [];
  const r = L.round;
  const big = (id, action, label, cls, body) => h('button', { type: 'button', class: `btn big ${cls || ''}`, id: `act-${id}`,
    disabled: !ok.includes(action), onclick: () => act(action, body) }, label);
  const playing = teamQuestion(L) && ['RUNNING', 'PAUSED'].includes(c.status);
  const buttons = h('div', { class: 'team-controls', role: 'toolbar', 'aria-label': t('team.controls') },
    playing ? big('go', 'go', t('action.go'), 'go') : null,
    playing ? big('right', 'judge', [icon('check'), ` ${t('action.right')}`], 'ok', { correct: true }) : null,
    playing ? big('wrong', 'judge', [icon('cross'), ` ${t('action.wrong')}`], 'danger', { correct: false }) : null,
    playing || ok.includes('skip') ? big('skip', 'skip', t('action.skip'), 'light') : null,
    ok.includes('nextRound') ? big('nextRound', 'nextRound', t('action.nextRound'), '') : null);
  const turn = L.turn;
  const turnLine = turn ? h('p', { id: 'host-turn', class: 'turn-line' }, t('team.turn'), ' ', teamTag(teamById(turn.teamId)),
    turn.nickname ? ` · ${turn.nickname}` : '',
    turn.deadline ? timer(() => stepLeft(L), (c.settings?.rounds?.[r?.index]?.answerSeconds || 30) * 1000, () => L.paused) : ` · ${t('team.waitGo')}`) : null;
  const b = L.buzz;
  const buzz = b ? h('div', { id: 'host-buzz' }, h('h3', {}, t('team.buzz'),
      b.openedAt && !b.winner ? h('span', { class: 'status-tag live' }, ` ${t('team.buzz.open')}`) : null),
    buzzRows(b).length ? h('ol', { class: 'buzz-order' }, buzzRows(b).map(e => h('li', { class: e.kind, 'data-team': e.teamId },
      teamTag(teamById(e.teamId)), ` ${e.nickname || ''} `,
      e.kind !== 'falseStart' ? h('b', { class: 'ms' }, t('team.reaction', { ms: e.reactionMs }))
        : h('b', { class: 'false-start' }, t('team.falseStart', { points: e.points ?? 0 }))))) : h('p', { class: 'muted' }, t('team.buzz.none')),
    b.lockedOut?.length ? h('p', { class: 'muted', id: 'host-locked' }, t('team.lockedOut'), ' ', b.lockedOut.map(id => teamTag(teamById(id)))) : null) : null;
  const judged = L.judged.length ? h('ul', { id: 'host-judged', class: 'plist' }, L.judged.map(j => h('li', { 'data-correct': String(j.correct) },
    teamTag(teamById(j.teamId)), h('span', {}, judgedText(j))))) : null;
  return h('section', { class: 'card round-panel', id: 'round-panel', 'aria-labelledby': 'round-h' },
    h('h2', { id: 'round-h' }, r ? roundBanner(r) : t('team.noRound'), ' ', r ? multiplierBadge(r.multiplier, 'round-mult') : null,
      r?.title && r.title !== t(`round.kind.${r.kind}`) ? h('span', { class: 'muted' }, ` — ${r.title}`) : null,
      L.question && r ? h('span', { class: 'status-tag' }, t('team.inRound', { i: L.question.index - (r.first ?? 0) + 1, n: r.total })) : null,
      L.step ? h('span', { class: 'status-tag', id: 'host-step' }, t(`step.${L.step}`)) : null),
    buttons, turnLine, buzz, stakesView(L), judged, tiebreakPicker(c, L));
}

/**
 * The buzz order as a buzzer machine shows it: the false starts, then each team's first buzz with its reaction time
 * (the hosts' buzzOrder, the winner first; the winner alone until it comes, or after a reload).
 */
function buzzRows(b) {
  const falseStarts = b.order.filter(e => e.kind === 'falseStart');
  const buzzes = b.buzzes?.length ? b.buzzes.map((e, i) => ({ kind: i === 0 && b.winner ? 'winner' : 'late', ...e }))
    : b.order.filter(e => e.kind === 'winner');
  return [...falseStarts, ...buzzes];
}

function judgedText(j) {
  if (j.correct === null || j.correct === undefined) return t(`judged.${j.reason || 'SKIP'}`);
  const pts = j.points > 0 ? `+${j.points}` : String(j.points ?? 0);
  return `${j.correct ? t('judged.right') : t('judged.wrong')} ${pts}${j.reason && j.reason !== 'ANSWER' ? ` (${t(`judged.${j.reason}`)})` : ''}`;
}

/** The stakes: each team's pick as it comes (hosts get them all), the lowest stake marked when it was given by default. */
function stakesView(L) {
  const w = L.wagers;
  if (!w) return null;
  const teams = contestTeams();
  return h('div', { id: 'host-stakes' }, h('h3', {}, t('team.stakes'), ' ',
      h('span', { class: 'status-tag' }, w.complete ? t('team.stakes.complete') : t('team.stakes.open', { n: w.picks.length, of: teams.length }))),
    w.turnTeamId ? h('p', {}, t('team.stakes.turn'), ' ', teamTag(teamById(w.turnTeamId))) : null,
    !w.complete && w.deadline && L.step === 'staking' ? timer(() => stepLeft(L), 15000, () => L.paused) : null,
    h('ul', { class: 'plist stakes' }, teams.map(tm => {
      const p = w.picks.find(x => x.teamId === tm.id);
      return h('li', { 'data-team': tm.id }, teamTag(teamById(tm.id)),
        h('b', { class: 'stake' }, p ? `${p.stake}${p.auto ? ` (${t('team.stakes.auto')})` : ''}` : t('team.stakes.none')));
    })));
}

/** After the last regular round: pick the tied teams (pre-checked: those sharing a podium place) and start the tie-break. */
function tiebreakPicker(c, L) {
  if (!(c.allowedActions || []).includes('tiebreak')) return null;
  const standings = L.teams || [];
  if (S.tied === null) {
    const tied = standings.filter(x => x.rank <= 3 && standings.some(y => y.id !== x.id && y.rank === x.rank)).map(x => x.id);
    S.tied = new Set(tied);
  }
  const teams = standings.length ? standings : contestTeams();
  return h('fieldset', { id: 'tiebreak' }, h('legend', {}, t('team.tiebreak')),
    h('div', { class: 'row' }, teams.map(x => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'tiebreak-team', value: x.id, checked: S.tied.has(x.id),
        onchange: ev => { ev.target.checked ? S.tied.add(x.id) : S.tied.delete(x.id); render(); } }),
      teamTag(teamById(x.id)), x.score != null ? ` ${x.score}` : ''))),
    h('button', { type: 'button', class: 'btn big', id: 'act-tiebreak', disabled: S.tied.size < 2,
      onclick: () => act('tiebreak', { teams: [...S.tied].sort((a, b) => a - b) }) }, t('action.tiebreak')));
}

/** The team leaderboard: the latest standings the server sent (rank, colour, name, score). */
function teamBoard(L) {
  const standings = L.teams || contestTeams().map(x => ({ ...x, score: S.contest.settings?.baseScore ?? null }));
  return h('section', { class: 'card', id: 'team-board', 'aria-labelledby': 'team-board-h' },
    h('h2', { id: 'team-board-h' }, t('team.board')),
    h('ol', { class: 'team-board' }, standings.map(x => h('li', { 'data-team': x.id },
      h('span', { class: 'rank' }, x.rank != null ? String(x.rank) : '–'), teamTag(teamById(x.id) || x),
      h('span', { class: 'score' }, x.score != null ? String(x.score) : '–')))));
}

/** Rulings: a team or a participant, points and a reason; the list, each undoable once (an undo cannot be undone). */
function rulingsPanel(c) {
  if (!['LOBBY', 'RUNNING', 'PAUSED', 'FINISHED'].includes(c.status)) return null;
  const open = c.status !== 'FINISHED';
  const d = S.ruling;
  const teams = contestTeams();
  const submit = async ev => {
    ev.preventDefault(); S.error = null;
    const [kind, id] = (d.target || `team:${teams[0]?.id}`).split(':');
    const body = { points: Number(d.points), reason: (d.reason || '').trim() };
    body[kind === 'team' ? 'teamId' : 'participantId'] = Number(id);
    try { addRuling(await api('POST', `/api/contests/${c.id}/rulings`, body)); S.ruling = { target: d.target }; }
    catch (e) { S.error = errorText(e); }
    render();
  };
  const undone = new Set(S.rulings.filter(r => r.undoes != null).map(r => r.undoes));
  const rows = [...S.rulings].sort((a, b) => b.id - a.id).map(r => h('li', { 'data-ruling': r.id },
    h('span', { class: 'grow' }, `#${r.id} `, r.teamId != null ? teamTag(teamById(r.teamId)) : h('span', {}, S.people.get(r.participantId) || `#${r.participantId}`),
      h('b', {}, ` ${r.points > 0 ? '+' : ''}${r.points} `), r.reason || '',
      r.undoes != null ? h('span', { class: 'muted' }, ` (${t('rulings.undoes', { id: r.undoes })})`) : null,
      r.by ? h('small', { class: 'muted' }, ` · ${r.by}`) : null),
    open && r.undoes == null && !undone.has(r.id) ? h('button', { type: 'button', class: 'btn small light', id: `undo-${r.id}`,
      'aria-label': t('rulings.undo.label', { id: r.id }), onclick: () => undo(r) }, t('rulings.undo')) : null));
  return h('section', { class: 'card', id: 'rulings', 'aria-labelledby': 'rulings-h' }, h('h2', { id: 'rulings-h' }, t('rulings.title')),
    open ? h('form', { id: 'ruling-form', onsubmit: submit },
      h('div', { class: 'grid2' },
        field('ruling-target', 'rulings.target', h('select', { onchange: e => { d.target = e.target.value; } },
          h('optgroup', { label: t('rulings.teams') }, teams.map(x => h('option', { value: `team:${x.id}`, selected: d.target === `team:${x.id}` }, x.name))),
          h('optgroup', { label: t('rulings.people') }, [...S.people].map(([pid, name]) =>
            h('option', { value: `participant:${pid}`, selected: d.target === `participant:${pid}` }, name))))),
        field('ruling-points', 'rulings.points', h('input', { type: 'number', required: true, step: '1', value: d.points ?? '',
          oninput: e => { d.points = e.target.value; } }))),
      field('ruling-reason', 'rulings.reason', h('input', { required: true, maxlength: '200', value: d.reason || '',
        oninput: e => { d.reason = e.target.value; } })),
      h('button', { type: 'submit', class: 'btn small', id: 'ruling-add' }, t('rulings.add'))) : null,
    h('ul', { class: 'plist', id: 'ruling-list' }, rows.length ? rows : h('li', { class: 'muted' }, t('rulings.none'))));
}

function addRuling(r) {
  S.rulings = [...S.rulings.filter(x => x.id !== r.id), r];
}

async function undo(r) {
  S.error = null;
  const reason = (S.ruling.reason || '').trim() || t('rulings.undo.reason', { id: r.id });
  try { addRuling(await api('POST', `/api/contests/${S.contest.id}/rulings`, { undoes: r.id, reason })); }
  catch (e) { S.error = errorText(e); }
  render();
}

/** How many may join and how many a minute, changed while the contest is open (PATCH); a draft survives redraws. */
function joinLimits(c) {
  if (!c.settings || c.status === 'FINISHED') return null;
  const d = S.limits && S.limits.id === c.id ? S.limits : (S.limits = { id: c.id });
  const save = async ev => {
    ev.preventDefault(); S.error = null;
    const body = { maxParticipants: num(d.max ?? c.settings.maxParticipants), joinsPerMinute: num(d.rate ?? c.settings.joinsPerMinute) };
    try { S.contest = { ...S.contest, settings: (await api('PATCH', `/api/contests/${c.id}`, body)).settings }; S.limits = null; }
    catch (e) { S.error = errorText(e); }
    render();
  };
  return h('form', { id: 'join-limits', onsubmit: save }, h('h3', {}, t('host.limits')),
    h('div', { class: 'grid2' },
      field('limit-max', 'new.max', h('input', { type: 'number', min: '1', value: String(d.max ?? c.settings.maxParticipants), oninput: e => { d.max = e.target.value; } })),
      field('limit-rate', 'new.joinRate', h('input', { type: 'number', min: '1', max: '60000', value: String(d.rate ?? c.settings.joinsPerMinute), oninput: e => { d.rate = e.target.value; } }))),
    h('button', { type: 'submit', class: 'btn small', id: 'limits-save' }, t('host.limits.save')));
}

function peopleList() {
  const open = ['LOBBY', 'RUNNING', 'PAUSED'].includes(S.contest?.status);
  const teams = contestTeams();
  const assign = teams.length && teamPickOf(S.contest) === 'host' && open;
  return h('ul', { class: 'plist', id: 'people', 'aria-labelledby': 'people-h' }, [...S.people].slice(-300).reverse().map(([pid, name]) => h('li', {},
    h('span', { class: 'grow' }, name, teams.length && !assign && S.teamOf.get(pid) != null ? [' ', teamTag(teamById(S.teamOf.get(pid)))] : null),
    assign ? h('select', { 'aria-label': t('team.assign', { name }), 'data-person': pid, onchange: e => assignTeam(pid, e.target.value) },
      h('option', { value: '' }, t('team.none')),
      teams.map(x => h('option', { value: x.id, selected: S.teamOf.get(pid) === x.id }, x.name))) : null,
    open ? h('button', { type: 'button', class: 'btn small danger', 'aria-label': t('host.kick.label', { name }),
      onclick: () => kick(pid, name) }, t('host.kick')) : null)));
}

/** Joins and leaves update the list in place, so the control buttons are not redrawn under the host's pointer. */
function paintPeople() {
  const list = document.getElementById('people');
  const head = document.getElementById('people-h');
  if (!list || !head) return false;
  list.replaceWith(peopleList());
  head.firstChild.textContent = t('host.people', { n: S.people.size });
  paintCount();
  return true;
}

async function assignTeam(pid, value) {
  S.error = null;
  const teamId = value === '' ? null : Number(value);
  try { await api('PUT', `/api/contests/${S.contest.id}/participants/${pid}/team`, { teamId }); S.teamOf.set(pid, teamId); }
  catch (e) { S.error = errorText(e); }
  render();
}

function revealText(q, r) {
  if (Array.isArray(r.correct) && q.options?.length) return q.options.filter(o => r.correct.includes(o.id)).map(o => optionText(q, o)).join(' / ');
  return Array.isArray(r.correct) ? r.correct.join(' / ') : String(r.correct);
}

function resultsPanel() {
  const r = S.results;
  const id = S.contest.id;
  return h('section', { class: 'card', id: 'results' }, h('h2', {}, t('final.title')),
    hasTeams() && (r?.teams || S.live?.teams) ? h('div', { id: 'team-podium' }, podium((r?.teams || S.live.teams).slice(0, 3)
      .map(x => ({ rank: x.rank, nickname: x.name, score: x.score })))) : null,
    r ? podium(r.standings.slice(0, 3).map(s => ({ rank: s.rank, nickname: s.nickname, score: s.score }))) : null,
    h('div', { class: 'row' },
      h('a', { class: 'btn small', href: `/api/contests/${id}/results?format=csv`, download: '' }, t('results.csv')),
      h('a', { class: 'btn small', href: `/api/contests/${id}/results?format=xlsx`, download: '' }, t('results.xlsx')),
      S.contest.settings?.rounds ? h('a', { class: 'btn small light', id: 'save-plan', href: `/api/contests/${id}/plan`, download: `contest-${id}-plan.yaml` }, t('results.plan')) : null,
      h('a', { class: 'btn small light', href: `/admin#contest=${id}` }, t('results.details'))));
}

function paintCount() {
  const el = document.getElementById('host-count');
  if (el) el.textContent = String(S.live.participants);
}

function paintProgress() {
  const el = document.getElementById('host-chart');
  const count = document.getElementById('host-answered');
  const chart = S.live.question ? hostChart(S.live.question, S.live) : null;
  if (!count || !S.live.question || !el !== !chart) return false;
  const p = S.live.progress;
  count.textContent = t('screen.answered', { a: p.answered, n: p.participants });
  if (el) mount(el, chart);
  return true;
}

/**
 * The counts of the open or revealed question: bars per option and, for multiple, the sets chosen together;
 * text and numeric answers as a ranked list once revealed (the console may be on a projector). Null if none.
 */
function hostChart(q, L) {
  const counts = L.reveal || L.progress;
  const correct = L.reveal && Array.isArray(L.reveal.correct) && q.options?.length ? L.reveal.correct : null;
  if (q.questionType === 'ordering') {
    // counted by the order given: each order as letters, the right one marked at the reveal
    const right = correct ? correct.join(',') : null;
    return [h('h3', {}, t('chart.orders')), rankedList(counts?.distribution, { label: k => orderLabel(q, k), ok: k => k === right })];
  }
  if (q.options?.length) {
    const rightSet = correct ? q.options.filter(o => correct.includes(o.id)).map(o => o.id).join(',') : null;
    return [distributionChart(q, counts?.distribution, correct),
      q.questionType === 'multiple' ? h('div', { id: 'host-combinations' }, h('h3', {}, t('chart.combinations')),
        rankedList(counts?.combinations, { label: k => optionSetLabel(q, k), ok: k => k === rightSet })) : null];
  }
  return L.reveal ? [h('h3', {}, t('chart.answers')), rankedList(L.reveal.distribution, { ok: revealMatcher(L.reveal) })] : null;
}

function render() {
  document.title = `${t('host.title')} · ${t('app.name')}`;
  const page = { list: viewList, new: viewNew, console: viewConsole }[S.route?.page || 'list'];
  // a field the host is typing in (a ruling's reason while buzzes come in) keeps its focus and caret
  const focused = document.activeElement?.id && root.contains(document.activeElement) ? document.activeElement : null;
  const caret = focused && typeof focused.selectionStart === 'number' ? [focused.selectionStart, focused.selectionEnd] : null;
  const body = page();
  mount(root, staffHeader(S.session, 'host.title'),
    h('main', { class: 'wrap wide', 'data-page': S.route?.page }, S.error && S.route?.page === 'list' ? h('div', { class: 'notice error', role: 'alert' }, S.error) : null, body));
  const again = focused && document.getElementById(focused.id);
  if (again && again !== focused && again.tagName === focused.tagName) {
    again.focus();
    if (caret) { try { again.setSelectionRange(...caret); } catch { /* number inputs have no caret */ } }
  }
}

window.addEventListener('hashchange', route);
onLangChange(render);
startTicker();
api('GET', '/api/session').then(s => { S.session = s; render(); }).catch(() => {});
route();
