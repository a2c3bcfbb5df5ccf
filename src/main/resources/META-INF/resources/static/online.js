// A self-paced online contest, the participant's page (/s/{code}): the contest and its rules, registering,
// then attempts answered one question at a time over plain REST (docs/online.md). The server's clock decides:
// each question counts down from its deadline, and when it runs out the page asks the server to move on.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, timer, startTicker, optionText, questionImage, optionImage, ApiError, icon, shapeIcon } from './common.js';
import { code, registration, keepRegistration, forgetRegistration, deviceId, selfApi, serverClock, errorWords, when,
  duration, windowState, safeUrl } from './selfapi.js';

const root = document.getElementById('app');
const PENDING_KEY = `jingda.online.pending.${code}`; // an answer sent but not yet acknowledged, kept across a reload
const CHOICE_TYPES = ['single', 'true_false', 'multiple'];

const S = {
  view: 'loading',   // loading, missing, home, question, ack, result, finishing
  contest: null,     // GET /api/self/{code}
  me: null,          // GET /api/self/{code}/me, once registered
  attempt: null,     // {attemptId, number, questionCount, expiresAt}
  question: null,    // the question being served
  picks: new Set(),  // multiple choice: the options toggled on
  draft: '',         // text and numeric: what is typed
  pending: null,     // {attemptId, questionId, choice, requestId}: sent, not yet acknowledged
  expired: null,     // the id of the question whose time ran out, until the server moves on
  ack: null,         // {ack, question, choice, next: {question, result}}: shown with showAnswers afterEach
  result: null,
  notice: null,
  form: { name: '', unit: '', memberNo: '' },
  formError: null,
  fieldErrors: {},
  busy: false,
};

const sleep = ms => new Promise(r => setTimeout(r, ms));
const rid = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const typeOf = q => q?.type || q?.questionType;
/** The notice in the page's language: a message key with its parameters, or words already made (the API's errors). */
const noticeText = () => (S.notice && typeof S.notice === 'object' ? t(S.notice.key, S.notice.params) : S.notice);

// ---------------------------------------------------------------- loading and resuming

async function load() {
  if (!code) { S.view = 'missing'; render(); return; }
  try {
    S.contest = await selfApi('GET', `/api/self/${code}`);
  } catch (e) {
    S.view = 'missing';
    S.notice = e instanceof ApiError && e.status === 404 ? null : errorWords(e);
    render();
    return;
  }
  if (registration()) await resume();
  else { S.view = 'home'; render(); }
}

/** With a token: who this is, and the attempt still running if there is one (its question, its deadline). */
async function resume() {
  try {
    S.me = await selfApi('GET', `/api/self/${code}/me`);
  } catch (e) {
    // a token the server no longer knows (the contest was reset, or it is another's): register again
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) { forgetRegistration(); S.me = null; }
    else S.notice = errorWords(e);
    S.view = 'home';
    render();
    return;
  }
  if (S.me.activeAttemptId) await loadAttempt(S.me.activeAttemptId);
  else { S.view = 'home'; render(); }
}

async function refreshMe() {
  try { S.me = await selfApi('GET', `/api/self/${code}/me`); render(); } catch { /* the view keeps what it has */ }
}

async function loadAttempt(id) {
  try {
    applyAttempt(await selfApi('GET', `/api/self/attempts/${id}`));
  } catch (e) {
    S.notice = errorWords(e);
    S.view = 'home';
    render();
  }
}

function applyAttempt(a, notice = null) {
  S.attempt = { attemptId: a.attemptId, number: a.number, questionCount: a.questionCount, expiresAt: a.expiresAt };
  if (a.result) { showResult(a.result); return; }
  if (a.status === 'ACTIVE' && a.question) { showQuestion(a.question, notice); return; }
  // over, its result not made yet (the server finalises it): ask again shortly
  S.view = 'finishing';
  render();
  setTimeout(() => { if (S.view === 'finishing') loadAttempt(a.attemptId); }, 1000);
}

function showQuestion(q, notice = null) {
  const same = S.question && S.question.id === q.id && S.question.position === q.position;
  if (!same) { S.picks = new Set(); S.draft = ''; }
  S.question = q;
  S.expired = null;
  S.ack = null;
  S.view = 'question';
  S.notice = notice;
  // an answer a reload interrupted goes out again with its requestId: stored once, acknowledged once
  const kept = storedPending();
  if (kept && kept.attemptId === S.attempt.attemptId && kept.questionId === q.id) {
    if (!S.pending) {
      S.pending = kept;
      if (Array.isArray(kept.choice)) S.picks = new Set(kept.choice);
      deliver();
    }
  } else if (kept) {
    clearPending();
  }
  render();
}

function showResult(r) {
  S.result = r;
  S.view = 'result';
  S.question = null;
  S.ack = null;
  S.expired = null;
  S.pending = null;
  clearPending();
  render();
  refreshMe(); // attempts left, best score and rank
}

// ---------------------------------------------------------------- registering and starting

async function register() {
  const c = S.contest;
  S.busy = true; S.formError = null; S.fieldErrors = {}; S.notice = null;
  render();
  const body = { name: S.form.name.trim(), deviceId: deviceId() };
  if (c.units !== 'none') body.unit = S.form.unit.trim();
  if (c.memberNo !== 'none' && S.form.memberNo.trim()) body.memberNo = S.form.memberNo.trim();
  try {
    const r = await selfApi('POST', `/api/self/${code}/register`, body);
    keepRegistration({ token: r.token, participantId: r.participantId, name: r.name, unit: r.unit ?? null });
    S.busy = false;
    await resume();
    if (r.returning) { S.notice = { key: 'self.returning' }; render(); }
  } catch (e) {
    for (const f of e.body?.errors || []) S.fieldErrors[f.field] = f.message;
    S.formError = errorWords(e);
  } finally {
    S.busy = false;
    render();
  }
}

async function startAttempt() {
  S.busy = true; S.notice = null;
  render();
  try {
    const a = await selfApi('POST', `/api/self/${code}/attempts`);
    S.busy = false;
    applyAttempt(a);
  } catch (e) {
    S.notice = errorWords(e);
    S.view = 'home';
    refreshMe();
  } finally {
    S.busy = false;
    render();
  }
}

function switchPerson() {
  forgetRegistration();
  clearPending();
  S.me = null; S.result = null; S.attempt = null; S.notice = null;
  S.form = { name: '', unit: '', memberNo: '' };
  S.view = 'home';
  render();
}

// ---------------------------------------------------------------- answering

function storedPending() {
  try { return JSON.parse(localStorage.getItem(PENDING_KEY) || 'null'); } catch { return null; }
}
function clearPending() { localStorage.removeItem(PENDING_KEY); }

function answer(choice) {
  const q = S.question;
  if (!q || S.pending || S.expired === q.id) return;
  S.pending = { attemptId: S.attempt.attemptId, questionId: q.id, choice, requestId: rid() };
  localStorage.setItem(PENDING_KEY, JSON.stringify(S.pending));
  S.notice = null;
  render();
  deliver();
}

/**
 * Sends the pending answer until the server has it: after a network failure or a server error the same
 * requestId again (the server stores it once and returns the same ack); the API's refusals end it.
 */
async function deliver() {
  const p = S.pending;
  const q = S.question;
  let wait = 500;
  while (S.pending === p) {
    try {
      const res = await selfApi('POST', `/api/self/attempts/${p.attemptId}/answers`,
        { questionId: p.questionId, choice: p.choice, requestId: p.requestId });
      if (S.pending !== p) return;
      S.pending = null;
      clearPending();
      answered(res, q, p.choice);
      return;
    } catch (e) {
      if (S.pending !== p) return;
      const refused = e instanceof ApiError && e.status < 500 && e.status !== 429 && e.status !== 408;
      if (!refused) {
        S.notice = e instanceof ApiError && e.status === 429 ? errorWords(e) : { key: 'self.retrying' };
        paintNotice();
        await sleep(e instanceof ApiError && e.retryAfter ? e.retryAfter * 1000 : wait);
        wait = Math.min(wait * 2, 5000);
        continue;
      }
      S.pending = null;
      clearPending();
      const c = e.body?.code;
      if (c === 'INVALID_CHOICE') {
        // nothing was stored: the question is still open for another answer
        S.notice = errorWords(e);
        S.picks = new Set();
        render();
      } else if (c === 'NOT_CURRENT' || c === 'ATTEMPT_OVER' || c === 'CONTEST_CLOSED' || c === 'NOT_FOUND') {
        // the server moved on (time ran out, the contest closed): follow it
        const words = errorWords(e);
        try { applyAttempt(await selfApi('GET', `/api/self/attempts/${p.attemptId}`), words); } catch { S.notice = words; render(); }
      } else {
        S.notice = errorWords(e);
        render();
      }
      return;
    }
  }
}

/** The server's answer to an answer: the ack (right and wrong with afterEach), then the next question or the result. */
function answered(res, question, choice) {
  const ack = res.ack || {};
  S.expired = null;
  const next = { question: res.question || null, result: res.result || null, nextAt: res.nextAt || null };
  if (ack.status === 'LATE' || ack.correct !== undefined && ack.correct !== null) {
    S.ack = { ack, question, choice, next };
    S.view = 'ack';
    S.notice = null;
    render();
    if (next.nextAt) {
      // afterEach: the next question waits while this one is read, and is served by itself at nextAt at the latest
      const shown = S.ack;
      setTimeout(() => { if (S.view === 'ack' && S.ack === shown) moveOn(next); },
        Math.max(0, next.nextAt - serverClock.now()));
    }
    return;
  }
  moveOn(next);
}

function moveOn(next) {
  if (next.result) showResult(next.result);
  else if (next.question) showQuestion(next.question);
  else loadAttempt(S.attempt.attemptId);
}

const remaining = () => (S.question ? S.question.deadline - serverClock.now() : 0);

/** The question's time ran out: the server marks it missed (after its grace) and serves the next; ask until it has. */
async function timeUp() {
  const q = S.question;
  S.expired = q.id;
  render();
  await sleep(400);
  while (S.expired === q.id && S.view === 'question') {
    if (S.pending) { await sleep(300); continue; } // the answer in flight is judged first
    let wait = 1000;
    try {
      const a = await selfApi('GET', `/api/self/attempts/${S.attempt.attemptId}`);
      if (S.expired !== q.id || S.view !== 'question') return;
      if (a.result || a.status !== 'ACTIVE' || !a.question || a.question.id !== q.id) {
        applyAttempt(a, a.question && a.question.id !== q.id ? { key: 'self.missed', params: { n: q.position + 1 } } : null);
        return;
      }
    } catch {
      wait = 2000;
    }
    await sleep(wait);
  }
}

setInterval(() => {
  if (S.view === 'question' && S.question && S.expired !== S.question.id && remaining() <= 0) timeUp();
  const w = S.contest && S.view === 'home' ? windowState(S.contest) : null;
  if (w && w !== S.shownWindow) render(); // the window opened or closed while the page was open
}, 200);

// ---------------------------------------------------------------- views

function topline() {
  const reg = registration();
  const q = S.question;
  return h('div', { class: 'topline' },
    h('span', { class: 'pill', id: 'who' }, reg?.name || S.me?.name || S.contest?.title || ''),
    S.view === 'question' && q && S.attempt
      ? h('span', { class: 'pill', id: 'progress', 'aria-label': t('q.progress', { i: q.position + 1, n: S.attempt.questionCount }) },
        t('q.progress.short', { i: q.position + 1, n: S.attempt.questionCount }))
      : null,
    langButton());
}

function rulesList(c) {
  const limit = c.timeLimitTotal
    ? t('self.rule.totalTime', { m: Math.round(c.timeLimitTotal / 60 * 10) / 10 })
    : c.timeLimit ? t('self.rule.timeLimit', { s: c.timeLimit }) : t('self.rule.ownTime');
  return h('ul', { class: 'rules', id: 'rules' },
    h('li', { id: 'rule-questions' }, t('self.rule.questions', { n: c.questionsPerAttempt })),
    h('li', { id: 'rule-time' }, limit),
    h('li', { id: 'rule-attempts' }, c.attemptsAllowed > 1
      ? t(c.attemptScore === 'last' ? 'self.rule.attempts.last' : 'self.rule.attempts.best', { n: c.attemptsAllowed })
      : t('self.rule.attempts.one')),
    h('li', { id: 'rule-scoring' }, t(c.scoring === 'speed' ? 'self.rule.speed' : 'self.rule.accuracy')),
    h('li', { id: 'rule-answers' }, t(`self.rule.show.${['afterEach', 'afterAttempt', 'afterClose'].includes(c.showAnswers) ? c.showAnswers : 'afterAttempt'}`)));
}

function windowLine(c, w) {
  return h('div', { class: `window-line ${w}`, id: 'window' },
    h('div', { id: 'window-range' }, t('self.window', { from: when(c.opensAt), to: when(c.closesAt) })),
    h('div', { id: 'window-state', class: 'state' }, w === 'before' ? t('self.opensAt', { at: when(c.opensAt) })
      : w === 'after' ? t('self.closed') : t('self.openUntil', { at: when(c.closesAt) })));
}

function publicRanking(c) {
  return !!(c.publicRanking && (c.publicRanking.persons > 0 || c.publicRanking.units));
}

function links(withHome) {
  const c = S.contest;
  const hasScore = !!S.me?.best || !!S.result;
  return h('nav', { class: 'self-links', 'aria-label': t('nav.label') },
    hasScore ? h('a', { class: 'btn light', id: 'to-certificate', href: `/s/${code}/certificate` }, icon('star'), t('self.certificate')) : null,
    publicRanking(c) ? h('a', { class: 'btn light', id: 'to-ranking', href: `/s/${code}/ranking` }, icon('flag'), t('self.ranking')) : null,
    withHome ? h('button', { type: 'button', class: 'btn light', id: 'to-home', onclick: () => { S.view = 'home'; S.notice = null; render(); refreshMe(); } },
      icon('back'), t('self.back')) : null);
}

function viewMissing() {
  return [h('div', { class: 'row', style: 'justify-content:flex-end' }, langButton()),
    h('h1', { class: 'logo' }, t('app.name')),
    h('div', { class: 'notice error', role: 'alert', id: 'missing' }, S.notice || t('self.missing'))];
}

function viewHome() {
  const c = S.contest;
  const w = windowState(c);
  S.shownWindow = w;
  const reg = registration();
  const parts = [h('div', { class: 'row', style: 'justify-content:flex-end' }, langButton()),
    h('h1', { class: 'self-title', id: 'contest-title' }, c.title),
    windowLine(c, w),
    h('section', { class: 'card' }, h('h2', {}, t('self.rules')), rulesList(c))];
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert', id: 'notice' }, noticeText()));
  if (reg && S.me) parts.push(meCard(c, w));
  else if (reg) parts.push(h('div', { class: 'card' }, h('p', {}, t('self.hello', { name: reg.name })), links(false)));
  else if (w === 'open') parts.push(registerForm(c));
  else parts.push(h('div', { class: 'state-big locked', id: 'not-open', role: 'status' },
    h('span', { class: 'icon' }, icon('hourglass')),
    h('span', { class: 'title' }, w === 'before' ? t('self.notYet') : t('self.closed')),
    w === 'before' ? h('span', { class: 'sub' }, t('self.opensAt', { at: when(c.opensAt) })) : null));
  return parts;
}

function meCard(c, w) {
  const me = S.me;
  const left = me.attemptsLeft ?? 0;
  const canStart = w === 'open' && (left > 0 || me.activeAttemptId);
  const best = me.best;
  return h('section', { class: 'card', id: 'me' },
    h('h2', { id: 'me-name' }, me.unit ? t('self.meUnit', { name: me.name, unit: me.unit }) : me.name),
    h('div', { class: 'self-stats' },
      h('div', { class: 'stat' }, h('b', { id: 'best-score' }, best ? String(best.score) : '–'), h('span', {}, t('self.best'))),
      h('div', { class: 'stat' }, h('b', { id: 'best-rank' }, best?.rank ? t('self.rankOf', { rank: best.rank, n: best.of }) : '–'), h('span', {}, t('self.rank'))),
      me.unitRank ? h('div', { class: 'stat' }, h('b', { id: 'unit-rank' }, t('self.rankOf', { rank: me.unitRank.rank, n: me.unitRank.of })), h('span', {}, t('self.unitRank'))) : null),
    h('p', { id: 'attempts-left' }, t('self.attemptsLeft', { n: left, used: me.attemptsUsed ?? 0, all: c.attemptsAllowed })),
    attemptList(me.attempts),
    canStart ? h('button', { type: 'button', class: 'btn block dark', id: 'start', disabled: S.busy, onclick: () => startAttempt() },
      me.activeAttemptId ? t('self.continue') : (me.attemptsUsed ?? 0) > 0 ? t('self.again', { n: left }) : t('self.start'))
      : h('p', { class: 'muted', id: 'no-start' }, w !== 'open' ? (w === 'before' ? t('self.notYet') : t('self.closed')) : t('self.noneLeft')),
    links(false),
    h('button', { type: 'button', class: 'btn small light switch', id: 'switch', onclick: switchPerson }, t('self.switch')));
}

function attemptList(list) {
  const done = (list || []).filter(a => a && a.status !== 'ACTIVE');
  if (!done.length) return null;
  return h('ol', { class: 'attempt-list', id: 'attempt-list' }, done.map(a => h('li', { 'data-attempt': a.attemptId ?? a.id },
    h('span', {}, t('self.attemptN', { n: a.number ?? '' })),
    h('b', {}, a.score != null ? (a.maxScore != null ? `${a.score} / ${a.maxScore}` : String(a.score)) : '–'),
    a.status === 'VOID' || a.voided ? h('span', { class: 'muted' }, t('self.void')) : a.counted ? h('span', { class: 'tag' }, t('self.counted')) : null,
    (a.attemptId ?? a.id) != null ? h('button', { type: 'button', class: 'btn small light', onclick: () => loadAttempt(a.attemptId ?? a.id) }, t('self.view')) : null)));
}

function registerForm(c) {
  const field = (id, key, input, err) => [h('label', { for: id }, t(key)), input,
    err ? h('div', { class: 'field-error', id: `${id}-error` }, err) : null];
  const nameInput = h('input', { id: 'reg-name', name: 'name', maxlength: '40', required: true, autocomplete: 'name',
    value: S.form.name, oninput: ev => { S.form.name = ev.target.value; } });
  let unitInput = null;
  if (c.units === 'list') {
    const groups = new Map();
    for (const u of c.unitList || []) {
      const k = u.parent || '';
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(u);
    }
    const opt = u => h('option', { value: u.name, selected: S.form.unit === u.name }, u.name);
    unitInput = h('select', { id: 'reg-unit', name: 'unit', required: true, onchange: ev => { S.form.unit = ev.target.value; } },
      h('option', { value: '', selected: !S.form.unit }, t('self.unit.pick')),
      [...groups].map(([parent, units]) => (parent ? h('optgroup', { label: parent }, units.map(opt)) : units.map(opt))));
  } else if (c.units === 'free') {
    unitInput = h('input', { id: 'reg-unit', name: 'unit', maxlength: '60', required: true, autocomplete: 'organization',
      value: S.form.unit, oninput: ev => { S.form.unit = ev.target.value; } });
  }
  const memberInput = c.memberNo && c.memberNo !== 'none'
    ? h('input', { id: 'reg-member', name: 'memberNo', maxlength: '32', pattern: '[A-Za-z0-9_\\-]{1,32}', required: c.memberNo === 'required', autocomplete: 'off',
      inputmode: 'text', value: S.form.memberNo, oninput: ev => { S.form.memberNo = ev.target.value; } })
    : null;
  return h('form', { class: 'card', id: 'register', onsubmit: ev => { ev.preventDefault(); register(); } },
    h('h2', {}, t('self.register')),
    field('reg-name', 'self.name', nameInput, S.fieldErrors.name),
    unitInput ? field('reg-unit', 'self.unit', unitInput, S.fieldErrors.unit) : null,
    memberInput ? field('reg-member', c.memberNo === 'required' ? 'self.memberNo' : 'self.memberNo.optional', memberInput, S.fieldErrors.memberNo) : null,
    S.formError ? h('div', { class: 'notice error', role: 'alert', id: 'register-error' }, S.formError) : null,
    h('button', { type: 'submit', class: 'btn block dark', id: 'register-btn', disabled: S.busy }, t('self.register.go')));
}

function viewQuestion() {
  const q = S.question;
  const type = typeOf(q);
  const over = S.expired === q.id;
  const locked = !!S.pending || over;
  const parts = [topline(),
    timer(remaining, q.timeLimitMs || (q.deadline - q.servedAt), () => false),
    h('div', { class: 'stem', id: 'stem', 'data-question': q.id, 'data-position': q.position, 'data-deadline': q.deadline }, q.stem),
    questionImage(q),
    q.points != null ? h('p', { class: 'center hint', id: 'q-points' }, t('self.points', { n: q.points })) : null];
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert', id: 'notice' }, noticeText()));
  if (over && !S.pending) {
    parts.push(h('div', { class: 'state-big none', id: 'time-up', role: 'status' },
      h('span', { class: 'icon' }, icon('hourglass')), h('span', { class: 'title' }, t('self.timeUp')),
      h('span', { class: 'sub' }, t('self.timeUp.sub'))));
    return parts;
  }
  if (CHOICE_TYPES.includes(type)) {
    const multi = type === 'multiple';
    const sent = S.pending && S.pending.questionId === q.id ? S.pending.choice : null;
    const isSent = id => (Array.isArray(sent) ? sent.includes(id) : sent === id);
    if (multi) parts.push(h('p', { class: 'center hint' }, t('q.multi.hint')));
    parts.push(h('div', { class: `options${q.options.length > 4 || type === 'true_false' ? ' one-col' : ''}${q.options.length > 4 ? ' many' : ''}`,
      role: 'group', 'aria-label': t('q.options') },
    q.options.map((o, i) => {
      const on = multi ? S.picks.has(o.id) : isSent(o.id);
      return h('button', {
        type: 'button', class: `opt c${i % 8}`, 'data-option': o.id, disabled: locked,
        'aria-pressed': multi || on ? String(on) : null,
        onclick: () => {
          if (!multi) { answer(o.id); return; }
          S.picks.has(o.id) ? S.picks.delete(o.id) : S.picks.add(o.id);
          render();
        }
      }, h('span', { class: 'shape' }, shapeIcon(i)), optionImage(o), optionText(q, o), on ? h('span', { class: 'picked' }, icon('check')) : null);
    })));
    if (multi) {
      parts.push(h('div', { class: 'submit-bar' }, h('button', { type: 'button', class: 'btn block dark', id: 'submit-answer',
        disabled: locked || S.picks.size === 0, onclick: () => answer(q.options.map(o => o.id).filter(id => S.picks.has(id))) },
      S.picks.size ? t('q.submit.n', { n: S.picks.size }) : t('q.submit'))));
    }
  } else {
    const numeric = type === 'numeric';
    const input = h('input', { id: 'answer-input', class: 'big-input', value: S.draft, autocomplete: 'off',
      inputmode: numeric ? 'decimal' : 'text', maxlength: '200', disabled: locked,
      oninput: ev => { S.draft = ev.target.value; } });
    parts.push(h('form', { class: 'card answer-form', onsubmit: ev => {
      ev.preventDefault();
      const v = S.draft.trim();
      if (!v) return;
      if (numeric) {
        const n = Number(v.replace(',', '.'));
        if (!Number.isFinite(n)) { S.notice = t('q.numeric.bad'); render(); return; }
        answer(n);
      } else answer(v);
    } },
    h('label', { for: 'answer-input' }, numeric ? t('q.numeric') : t('q.text')), input,
    h('button', { type: 'submit', class: 'btn block', id: 'submit-answer', disabled: locked }, t('q.submit'))));
    if (!locked) setTimeout(() => { if (document.activeElement !== input) input.focus(); }, 0);
  }
  if (S.pending) parts.push(h('p', { class: 'center', role: 'status', id: 'sending' }, t('q.sending')));
  return parts;
}

/** The right answer in words: the options' texts, or the accepted texts or number. */
function answerText(q, answerValue) {
  if (answerValue === undefined || answerValue === null) return '';
  const list = Array.isArray(answerValue) ? answerValue : [answerValue];
  if (q?.options?.length) {
    const texts = q.options.filter(o => list.includes(o.id)).map(o => optionText(q, o));
    if (texts.length) return texts.join(' / ');
  }
  return list.map(v => (v && typeof v === 'object' ? (v.text ?? v.value ?? JSON.stringify(v)) : String(v))).join(' / ');
}

function sourceBox(src, explanation) {
  const url = safeUrl(src?.url);
  if (!explanation && !src?.excerpt && !src?.title && !src?.report && !url) return null;
  return h('div', { class: 'self-source', id: 'source' },
    explanation ? h('p', { id: 'explanation' }, explanation) : null,
    src?.excerpt ? h('blockquote', { id: 'source-excerpt' }, `“${src.excerpt}”`) : null,
    src?.title || src?.report ? h('p', { class: 'report', id: 'source-report' }, t('screen.source', { report: src.title || src.report })) : null,
    url ? h('a', { href: url, id: 'source-url', target: '_blank', rel: 'noopener noreferrer' }, url) : null);
}

function viewAck() {
  const { ack, question, choice, next } = S.ack;
  const late = ack.status === 'LATE';
  const cls = late ? 'none' : ack.correct ? 'right' : 'wrong';
  const nextQ = next.question;
  const parts = [topline(),
    h('div', { class: 'stem small', 'data-question': question.id }, question.stem),
    h('div', { class: `state-big ${cls}`, id: 'ack', role: 'status', 'data-correct': late ? null : String(!!ack.correct),
      'data-status': ack.status, 'data-request': ack.requestId },
      h('span', { class: 'icon' }, icon(late ? 'hourglass' : ack.correct ? 'check' : 'cross')),
      h('span', { class: 'title' }, late ? t('self.late') : ack.correct ? t('reveal.right') : t('reveal.wrong')),
      h('span', { class: 'sub', id: 'ack-points' }, t('reveal.points', { n: ack.points ?? 0 }))),
    yourAnswer(question, choice, ack.answer),
    ack.answer !== undefined && ack.answer !== null ? h('div', { class: 'correct-answer' }, h('strong', {}, icon('check'), ` ${t('reveal.answer')}: `),
      h('span', { id: 'right-answer' }, answerText(question, ack.answer))) : null,
    sourceBox(ack.source, ack.explanation),
    h('div', { class: 'submit-bar' },
      nextQ ? h('p', { class: 'next-clock', id: 'next-clock' }, t('self.nextRunning'),
        timer(() => nextQ.deadline - serverClock.now(), nextQ.timeLimitMs || (nextQ.deadline - nextQ.servedAt), () => false)) : null,
      !nextQ && next.nextAt ? h('p', { class: 'next-clock', id: 'next-waits' },
        t('self.nextWaits', { s: Math.max(1, Math.round((next.nextAt - serverClock.now()) / 1000)) })) : null,
      h('button', { type: 'button', class: 'btn block dark', id: 'next', onclick: () => moveOn(next) },
        next.result || (!nextQ && !next.nextAt) ? t('self.toResult') : t('self.next')))];
  return parts;
}

/** "Your answer": the options picked (right ones marked when the answer is known), or the text sent. */
function yourAnswer(q, choice, right) {
  if (choice === null || choice === undefined) return null;
  const ids = Array.isArray(choice) ? choice : [choice];
  const rightIds = Array.isArray(right) ? right : right != null ? [right] : null;
  const picked = q.options?.length ? q.options.map((o, i) => [o, i]).filter(([o]) => ids.includes(o.id)) : null;
  return h('div', { class: 'my-answer', id: 'my-answer' },
    h('span', { class: 'label' }, t('q.yours')),
    picked ? h('ul', {}, picked.map(([o, i]) => h('li', { class: `c${i % 8}`, 'data-option': o.id,
      'data-correct': rightIds ? String(rightIds.includes(o.id)) : null },
    shapeIcon(i), h('span', {}, optionText(q, o)),
    rightIds ? icon(rightIds.includes(o.id) ? 'check' : 'cross', rightIds.includes(o.id) ? t('screen.correct') : t('screen.wrong')) : null)))
      : h('span', { class: 'text' }, String(choice)));
}

function viewResult() {
  const r = S.result || {};
  const c = S.contest;
  const me = S.me;
  const left = me?.attemptsLeft ?? 0;
  const open = windowState(c) === 'open';
  const parts = [topline(),
    h('h1', { class: 'center' }, t('self.result')),
    h('div', { class: 'state-big locked', id: 'result', role: 'status' },
      h('span', { class: 'icon' }, icon('star')),
      h('span', { class: 'title', id: 'result-score' }, t('self.scoreOf', { s: r.score ?? 0, max: r.maxScore ?? 0 })),
      h('span', { class: 'sub', id: 'result-correct' }, t('self.correctOf', { n: r.correctCount ?? 0, all: r.questionCount ?? 0 }))),
    h('div', { class: 'stats' },
      h('div', { class: 'stat' }, h('b', { id: 'result-rank' }, r.rank ? t('self.rankOf', { rank: r.rank.rank, n: r.rank.of }) : '–'), h('span', {}, t('self.rank'))),
      h('div', { class: 'stat' }, h('b', { id: 'result-unit-rank' }, r.unitRank ? t('self.rankOf', { rank: r.unitRank.rank, n: r.unitRank.of }) : '–'), h('span', {}, t('self.unitRank'))),
      h('div', { class: 'stat' }, h('b', { id: 'result-time' }, duration(r.timeMs)), h('span', {}, t('self.time')))),
    r.status === 'VOID' ? h('p', { class: 'notice error', id: 'result-void' }, t('self.voided'))
      : h('p', { class: 'center', id: 'result-counted' }, r.counted ? t('self.counts') : t(c.attemptScore === 'last' ? 'self.notCounted.last' : 'self.notCounted.best'))];
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert', id: 'notice' }, noticeText()));
  if (me) {
    parts.push(h('p', { class: 'center', id: 'attempts-left' }, t('self.attemptsLeft', { n: left, used: me.attemptsUsed ?? 0, all: c.attemptsAllowed })));
    if (left > 0 && open) {
      parts.push(h('button', { type: 'button', class: 'btn block dark', id: 'again', disabled: S.busy, onclick: () => startAttempt() },
        t('self.again', { n: left })));
    }
  }
  parts.push(links(true));
  if (Array.isArray(r.review)) parts.push(reviewList(r.review));
  else parts.push(h('p', { class: 'notice', id: 'review-after' }, r.reviewAfter === 'afterClose' || c.showAnswers === 'afterClose'
    ? t('self.review.afterClose', { at: when(c.closesAt) }) : t('self.review.none')));
  return parts;
}

function reviewList(items) {
  return h('section', { class: 'review', id: 'review' }, h('h2', {}, t('self.review')),
    h('ol', {}, items.map(it => {
      const q = { type: it.type || it.questionType, options: it.options || [] };
      const missed = it.choice === null || it.choice === undefined;
      const cls = missed ? 'none' : it.correct ? 'right' : 'wrong';
      return h('li', { class: `review-item ${cls}`, 'data-position': it.position, 'data-correct': String(!!it.correct) },
        h('div', { class: 'review-head' }, icon(missed ? 'hourglass' : it.correct ? 'check' : 'cross'),
          h('b', {}, t('self.qN', { n: (it.position ?? 0) + 1 })),
          h('span', { class: 'pts' }, t('reveal.points', { n: it.points ?? 0 }))),
        h('p', { class: 'review-stem' }, it.stem),
        missed ? h('p', { class: 'muted' }, it.status === 'LATE' ? t('self.late') : t('self.missedShort'))
          : yourAnswer(q, it.choice, it.answer),
        it.answer !== undefined && it.answer !== null ? h('p', { class: 'review-answer' }, h('strong', {}, `${t('reveal.answer')}: `),
          answerText(q, it.answer)) : null,
        sourceBox(it.source, it.explanation));
    })));
}

function viewWaiting() {
  return [topline(), h('div', { class: 'state-big locked', role: 'status', id: 'waiting' },
    h('span', { class: 'icon' }, icon('hourglass')), h('span', { class: 'title' }, S.view === 'finishing' ? t('self.finishing') : t('waiting')))];
}

function render() {
  document.body.className = 'stage page-play page-self';
  const title = S.contest?.title;
  document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  const views = { missing: viewMissing, home: viewHome, question: viewQuestion, ack: viewAck, result: viewResult };
  const view = views[S.view] || viewWaiting;
  mount(root, h('main', { class: 'play self', 'data-view': S.view }, view()));
}

/** Repaints only the notice (a retry in progress), so that nothing the participant is doing is redrawn. */
function paintNotice() {
  const el = document.getElementById('notice');
  if (el) { el.textContent = noticeText() || ''; return; }
  render();
}

onLangChange(render);
startTicker();
render();
load();
