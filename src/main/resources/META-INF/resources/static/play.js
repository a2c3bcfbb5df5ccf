// Participant page: join with code and nickname, then follow the contest over /ws/play.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, liveSocket, timer, startTicker, board, podium, optionText, questionImage, optionImage, ApiError, csrfToken, icon, shapeIcon,
  roundBanner, multiplierBadge, nextBadge } from './common.js';
import { liveState, liveFrames, timeLeft, stepLeft, teamRound, teamQuestion, teamOf } from './live.js';

const KEY = 'jingda.play';
const MINE = 'jingda.play.answer'; // the answer given to the current question, kept across a reload
const root = document.getElementById('app');
const pathCode = (location.pathname.match(/^\/join\/(\d{6})/) || [])[1] || '';

const S = {
  session: JSON.parse(sessionStorage.getItem(KEY) || 'null'),
  view: 'join',
  conn: 'idle',
  picks: new Set(),
  order: [],       // an ordering question: the option ids tapped so far, in order
  draft: '',
  mine: JSON.parse(sessionStorage.getItem(MINE) || 'null'), // {questionId, choice}: what you answered
  notice: null,
  joinError: null,
  suggestion: null,
  busy: false,
  lookup: null,    // the join page's lookup of the code: {code, teams, teamPick}
  teamPick: null,  // the team picked at join ('' for none)
  buzzed: null,    // the question id this phone buzzed on, until the buzz is won or refused
  stake: null,     // {roundIndex, stake}: the stake this phone picked (pending: not yet acked)
};
const L = liveState(); // the contest as the frames describe it (live.js)
let socket = null;

// ---------------------------------------------------------------- join

async function join(code, nickname) {
  S.busy = true; S.joinError = null; S.suggestion = null; render();
  try {
    const req = { code, nickname };
    if (pickable() && S.teamPick) req.teamId = Number(S.teamPick);
    const res = await fetch('/api/join', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(req)
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, body);
    S.session = { contestId: body.contestId, participantId: body.participantId, token: body.token,
      nickname: body.nickname || nickname, code, teamId: body.teamId ?? null };
    sessionStorage.setItem(KEY, JSON.stringify(S.session));
    L.you = { nickname: S.session.nickname, participantId: S.session.participantId, teamId: S.session.teamId };
    S.view = 'connecting';
    connect();
  } catch (e) {
    S.joinError = joinErrorText(e);
    S.suggestion = e.body?.suggestion || null;
  } finally {
    S.busy = false; render();
  }
}

function joinErrorText(e) {
  if (!(e instanceof ApiError)) return t('error.network');
  const c = e.body?.code;
  if (c === 'NICKNAME_TAKEN') return t('join.taken');
  if (c === 'NOT_FOUND') return t('join.nocontest');
  if (c === 'CONTEST_CLOSED') return t('join.closed');
  if (c === 'CONTEST_FULL') return t('join.full');
  if (c === 'RATE_LIMITED') return t('join.ratelimited');
  if (c === 'TEAM_FULL') { lookup(S.lastCode, true); return t('join.teamFull'); }
  if (c === 'VALIDATION_FAILED') {
    const f = e.body.errors?.[0];
    if (f?.field === 'teamId') return t('join.badteam');
    return f?.field === 'code' ? t('join.badcode') : t('join.badnick', { detail: f?.message || '' });
  }
  return e.body?.message || t('error.network');
}

/** The contest lets participants pick a team at join (the lookup lists teams and teamPick is participants). */
function pickable() {
  return !!S.lookup?.teams?.length && (S.lookup.teamPick ?? 'participants') === 'participants';
}

/** Looks the code up (GET /api/join/{code}) for its teams; the team picker is painted in place. */
async function lookup(code, again = false) {
  if (!/^\d{6}$/.test(code || '') || (!again && S.lookup?.code === code)) return;
  S.lookup = { code, teams: [], teamPick: null };
  try {
    const res = await fetch(`/api/join/${code}`, { headers: { 'Accept': 'application/json' } });
    if (res.ok) {
      const body = await res.json();
      if (S.lookup?.code === code) S.lookup = { code, teams: body.teams || [], teamPick: body.teamPick || 'participants' };
    }
  } catch { /* no lookup: the join goes on without a team pick */ }
  paintTeamPick();
}

function teamPicker() {
  if (!pickable()) return h('div', { id: 'team-pick' });
  const teams = S.lookup.teams;
  const choice = (value, label, color, full) => h('label', { class: `team-choice${full ? ' full' : ''}`, style: color ? `--team:${color}` : null },
    h('input', { type: 'radio', name: 'team', value, required: true, disabled: full, checked: S.teamPick === value,
      onchange: () => { S.teamPick = value; } }),
    h('span', { class: 'name' }, label), full ? h('span', { class: 'sub' }, t('join.team.full')) : null);
  return h('fieldset', { id: 'team-pick', class: 'team-pick' }, h('legend', {}, t('join.team')),
    teams.map(x => choice(String(x.id), x.name, x.color, !!x.full)),
    choice('', t('join.team.none'), null, false));
}

function paintTeamPick() {
  const el = document.getElementById('team-pick');
  if (el) el.replaceWith(teamPicker());
}

function leave(noticeKey) {
  socket?.stop();
  socket = null;
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(MINE);
  S.session = null;
  S.mine = null;
  S.stake = null; S.buzzed = null;
  S.view = 'join';
  S.notice = noticeKey ? t(noticeKey) : null;
  render();
}

// ---------------------------------------------------------------- live

function connect() {
  socket?.stop();
  socket = liveSocket(() => `/ws/play/${S.session.contestId}?token=${encodeURIComponent(S.session.token)}`, {
    onMessage,
    onStatus: st => { S.conn = st; paintConn(); },
    onOpen: () => {
      if (L.pending && L.question && L.pending.questionId === L.question.questionId && !L.answered) socket.send(L.pending);
    },
    onClose: async (code, opened, attempt) => {
      if (code === 4003) { leave('notice.removed'); return false; }
      // the upgrade itself was refused (the token is no longer valid) if the server answers but the socket never opens
      if (!opened && attempt >= 2) {
        const alive = await fetch('/q/health/live').then(r => r.ok).catch(() => false);
        if (alive) { leave('notice.ended'); return false; }
      }
      return true;
    }
  });
}

const onMessage = liveFrames(() => L, {
  // a state that says FINISHED comes before its podium frame: wait for the podium
  stage: st => { S.view = st === 'finished' && !L.finished ? 'waiting' : st; },
  question: () => { S.picks = new Set(); S.draft = ''; },
  on: {
    round: () => { S.notice = null; S.buzzed = null; },
    turn: m => { if (m.participantId === me() && m.deadline) buzzFeel([40, 30, 40]); },
    buzzOpen: () => { S.buzzed = null; buzzFeel(20); },
    buzzWinner: m => { S.buzzed = null; if (m.participantId === me()) buzzFeel([60, 40, 60]); },
    buzzRefused: m => { S.buzzed = null; if (['TOO_LATE', 'ALREADY_WON', 'NOT_OPEN', 'NO_TEAM'].includes(m.reason)) S.notice = t(`buzz.${m.reason}`); },
    wagerOpen: m => { if (S.stake?.roundIndex !== m.roundIndex) S.stake = null; },
    lobby: () => {
      if (S.view !== 'lobby') return false;
      paintCount();
      return true;
    },
    question: () => { S.notice = null; S.buzzed = null; },
    ack: m => {
      if (m.questionId == null) { // a wager's ack
        if (S.stake) S.stake = m.accepted || m.reason === 'ALREADY_PICKED' ? { ...S.stake, acked: !!m.accepted } : null;
        if (!m.accepted) S.notice = t(`ack.${m.reason}`);
        return;
      }
      if (m.accepted || m.reason === 'ALREADY_ANSWERED') return;
      S.notice = t(`ack.${m.reason}`);
      forgetMine(m.questionId);
    },
    reveal: () => { S.notice = null; },
    error: m => {
      if (m.code === 'KICKED') { leave('notice.removed'); return true; }
      // the server could not store the answer: send it again (same requestId, so it counts once)
      if (m.code === 'NOT_STORED' && L.pending) { socket?.send(L.pending); return true; }
      S.notice = m.message;
    },
  },
  render,
});

function forgetMine(questionId) {
  if (S.mine && S.mine.questionId === questionId) { S.mine = null; sessionStorage.removeItem(MINE); }
}

/** The ids (choice types) or the text you answered to q, or null. */
function myAnswer(q) {
  return q && S.mine && S.mine.questionId === q.questionId ? S.mine.choice : null;
}

/** "Your answer": the options you picked (shape and text), or the text or number you sent. */
function myAnswerView(q, correctIds) {
  const choice = myAnswer(q);
  if (choice === null || choice === undefined) return null;
  const ids = Array.isArray(choice) ? choice : [choice];
  const ordering = q.questionType === 'ordering';
  const picked = !q.options?.length ? null : ordering
    ? ids.map(id => [q.options.find(o => o.id === id), q.options.findIndex(o => o.id === id)]).filter(([o]) => o)
    : q.options.map((o, i) => [o, i]).filter(([o]) => ids.includes(o.id));
  if (ordering) {
    // your order, each place marked right or wrong once the right order (correctIds) is known
    return h('div', { class: 'my-answer', id: 'my-answer' }, h('span', { class: 'label' }, t('q.yours')),
      h('ol', {}, picked.map(([o], k) => h('li', { 'data-option': o.id,
          'data-correct': correctIds ? String(correctIds[k] === o.id) : null },
        h('span', {}, optionText(q, o)),
        correctIds ? icon(correctIds[k] === o.id ? 'check' : 'cross', correctIds[k] === o.id ? t('screen.correct') : t('screen.wrong')) : null))));
  }
  return h('div', { class: 'my-answer', id: 'my-answer' },
    h('span', { class: 'label' }, t('q.yours')),
    picked ? h('ul', {}, picked.map(([o, i]) => h('li', { class: `c${i % 8}`, 'data-option': o.id,
        'data-correct': correctIds ? String(correctIds.includes(o.id)) : null },
      shapeIcon(i), h('span', {}, optionText(q, o)),
      correctIds ? icon(correctIds.includes(o.id) ? 'check' : 'cross', correctIds.includes(o.id) ? t('screen.correct') : t('screen.wrong')) : null)))
      : h('span', { class: 'text' }, String(choice)));
}

/** This participant's id and team (from the state frame, else from the join). */
const me = () => L.you.participantId ?? S.session?.participantId ?? null;
const myTeam = () => L.you.teamId ?? S.session?.teamId ?? null;

/** A short vibration where the browser allows it (Android Chrome; iOS Safari has none). */
function buzzFeel(pattern) {
  try { navigator.vibrate?.(pattern); } catch { /* not allowed here */ }
}

function buzz() {
  const q = L.question;
  if (!q || S.buzzed === q.questionId) return;
  S.buzzed = q.questionId;
  buzzFeel(35);
  if (!socket?.send({ type: 'buzz', questionId: q.questionId,
    requestId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` })) { S.buzzed = null; S.notice = t('notice.offline'); }
  render();
}

function pickStake(stake) {
  const w = L.wagers;
  if (!w || (S.stake && S.stake.roundIndex === w.roundIndex)) return;
  S.stake = { roundIndex: w.roundIndex, stake, acked: false };
  if (!socket?.send({ type: 'wager', roundIndex: w.roundIndex, stake,
    requestId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` })) { S.stake = null; S.notice = t('notice.offline'); }
  render();
}

function send(choice) {
  if (!L.question || L.answered || L.pending) return;
  L.pending = { type: 'answer', questionId: L.question.questionId, choice,
    requestId: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` };
  S.mine = { questionId: L.question.questionId, choice };
  sessionStorage.setItem(MINE, JSON.stringify(S.mine));
  if (!socket?.send(L.pending)) S.notice = t('notice.offline');
  render();
}

// ---------------------------------------------------------------- views

const remaining = () => timeLeft(L);

function topline() {
  const team = teamOf(L, myTeam());
  return h('div', { class: 'topline' },
    h('span', { class: 'pill' }, L.you.nickname || S.session?.nickname || ''),
    // the team and, in a team round, its score: what counts there (the person's own stays for the standard rounds)
    team ? h('span', { class: 'pill team-pill', 'data-team': team.id, style: `--team:${team.color || '#666'}` },
      h('span', { id: 'my-team' }, team.name),
      teamRound(L) && team.score != null ? h('span', { id: 'team-score', 'aria-label': t('team.score') }, ` ${team.score}`) : null) : null,
    L.question && S.view !== 'lobby' ? h('span', { class: 'pill', 'aria-label': t('q.progress', { i: L.question.index + 1, n: L.question.total }) },
      t('q.progress.short', { i: L.question.index + 1, n: L.question.total })) : null,
    L.question && ['question', 'closed', 'reveal'].includes(S.view) ? multiplierBadge(L.question.multiplier, 'q-mult') : null,
    team && teamRound(L) ? null : h('span', { class: 'pill', 'aria-label': t('you.score') }, `${L.you.score ?? 0}`),
    langButton());
}

function viewJoin() {
  const code = h('input', { id: 'code', name: 'code', class: 'big-input', inputmode: 'numeric', autocomplete: 'off',
    maxlength: '6', pattern: '\\d{6}', required: true, value: pathCode || S.lastCode || '', placeholder: '123456',
    oninput: ev => lookup(ev.target.value.trim()) });
  const nick = h('input', { id: 'nickname', name: 'nickname', class: 'big-input', maxlength: '20', required: true,
    autocomplete: 'nickname', value: S.lastNick || '', placeholder: t('join.nick.placeholder') });
  const form = h('form', { class: 'card', onsubmit: ev => {
      ev.preventDefault();
      S.lastCode = code.value.trim(); S.lastNick = nick.value;
      join(S.lastCode, nick.value.trim());
    } },
    h('label', { for: 'code' }, t('join.code')), code,
    h('label', { for: 'nickname' }, t('join.nick')), nick,
    teamPicker(),
    S.joinError ? h('div', { class: 'notice error', role: 'alert', id: 'join-error' }, S.joinError) : null,
    S.suggestion ? h('button', { type: 'button', class: 'btn light', id: 'use-suggestion',
      onclick: () => { nick.value = S.suggestion; S.lastNick = S.suggestion; join(code.value.trim(), S.suggestion); } },
      t('join.use', { name: S.suggestion })) : null,
    h('button', { type: 'submit', class: 'btn block dark', id: 'join-btn', disabled: S.busy }, t('join.go')));
  setTimeout(() => (pathCode ? nick : code).focus(), 0);
  lookup(pathCode || S.lastCode || '');
  return [
    h('div', { class: 'row', style: 'justify-content:flex-end' }, langButton()),
    h('h1', { class: 'logo' }, t('app.name')),
    h('p', { class: 'tagline' }, t('join.tagline')),
    S.notice ? h('div', { class: 'notice', role: 'status' }, S.notice) : null,
    form];
}

function viewLobby() {
  return [topline(),
    h('h1', { class: 'center' }, L.title),
    h('div', { class: 'state-big locked' },
      h('span', { class: 'icon' }, icon('star')),
      h('span', { class: 'title' }, t('lobby.in')),
      h('span', { class: 'sub' }, t('lobby.wait'))),
    h('div', { class: 'lobby-count pulse', id: 'lobby-count', 'aria-live': 'polite' }, String(L.participants)),
    h('p', { class: 'center', id: 'lobby-joined' }, t('lobby.joined', { n: L.participants })),
    nextBadge(L, 'next-mult')];
}

function viewQuestion() {
  const q = L.question;
  if (teamQuestion(L)) return teamPlay(q);
  const parts = [topline(),
    timer(remaining, q.timeLimitMs, () => L.paused),
    h('div', { class: 'stem', id: 'stem' }, q.stem), questionImage(q)];
  answerParts(q, parts);
  return parts;
}

/** The answer area of the open question q (options, a text or number input, or "answer locked in"), onto parts. */
function answerParts(q, parts) {
  const locked = L.answered || !!L.pending;
  if (L.answered) {
    parts.push(h('div', { class: 'state-big locked', id: 'locked', role: 'status' },
      h('span', { class: 'icon' }, icon('check')),
      h('span', { class: 'title' }, t('q.locked')),
      h('span', { class: 'sub' }, t('q.locked.sub'))));
    parts.push(myAnswerView(q, null));
  } else if (q.questionType === 'ordering') {
    orderingParts(q, parts, locked);
  } else if (['single', 'true_false', 'multiple', 'poll'].includes(q.questionType)) {
    const multi = q.questionType === 'multiple';
    const opts = h('div', { class: `options${q.options.length > 4 ? ' one-col many' : ''}`, role: 'group', 'aria-label': t('q.options') },
      q.options.map((o, i) => h('button', {
        type: 'button', class: `opt c${i % 8}`, 'data-option': o.id, disabled: locked,
        'aria-pressed': multi || S.picks.has(o.id) ? String(S.picks.has(o.id)) : null,
        onclick: () => {
          if (!multi) { S.picks = new Set([o.id]); send(o.id); return; }
          S.picks.has(o.id) ? S.picks.delete(o.id) : S.picks.add(o.id);
          render();
        }
      }, h('span', { class: 'shape' }, shapeIcon(i)), optionImage(o), optionText(q, o),
        S.picks.has(o.id) ? h('span', { class: 'picked' }, icon('check')) : null)));
    if (multi) parts.push(h('p', { class: 'center hint' }, t('q.multi.hint')));
    parts.push(opts);
    if (multi) {
      // sticky: however many options, the button stays on screen
      parts.push(h('div', { class: 'submit-bar' }, h('button', { type: 'button', class: 'btn block dark', id: 'submit-answer',
        disabled: locked || S.picks.size === 0, onclick: () => send([...S.picks]) },
        S.picks.size ? t('q.submit.n', { n: S.picks.size }) : t('q.submit'))));
    }
  } else {
    const numeric = q.questionType === 'numeric';
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
          send(n);
        } else send(v);
      } },
      h('label', { for: 'answer-input' }, numeric ? t('q.numeric') : t('q.text')), input,
      h('button', { type: 'submit', class: 'btn block', id: 'submit-answer', disabled: locked }, t('q.submit'))));
    setTimeout(() => input.focus(), 0);
  }
  if (L.pending && !L.answered) parts.push(h('p', { class: 'center', role: 'status' }, t('q.sending')));
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert' }, S.notice));
  return parts;
}

/**
 * An ordering question: tap (or Enter/Space on) the options in the right order; each shows its place (1, 2, 3…);
 * tapping a placed one takes it and those after it back out. Submit once every option has a place. Focus stays on
 * the button pressed, across the re-render.
 */
function orderingParts(q, parts, locked) {
  const order = S.order || (S.order = []);
  const tap = id => {
    const at = order.indexOf(id);
    if (at >= 0) order.splice(at); else order.push(id);
    render();
    document.querySelector(`#options [data-option="${id}"]`)?.focus();
  };
  parts.push(h('p', { class: 'center hint', id: 'order-hint' }, t('q.order.hint')));
  parts.push(h('div', { class: 'options one-col ordering', id: 'options', role: 'group', 'aria-label': t('q.options'),
      'aria-describedby': 'order-hint' },
    q.options.map((o, i) => {
      const place = order.indexOf(o.id) + 1;
      return h('button', {
        type: 'button', class: `opt c${i % 8}${place ? ' placed' : ''}`, 'data-option': o.id, disabled: locked,
        'data-place': place ? String(place) : null, 'aria-pressed': String(place > 0),
        'aria-label': place ? t('q.order.placed', { n: place, text: o.text }) : o.text,
        onclick: () => tap(o.id)
      }, h('span', { class: 'place', 'aria-hidden': 'true' }, place ? String(place) : ''), optionText(q, o));
    })));
  const complete = order.length === q.options.length;
  parts.push(h('div', { class: 'submit-bar' }, h('button', { type: 'button', class: 'btn block dark', id: 'submit-answer',
    disabled: locked || !complete, onclick: () => send([...order]) },
    complete ? t('q.submit') : t('q.order.left', { n: q.options.length - order.length }))));
}

function stateBox(id, cls, glyph, title, sub) {
  return h('div', { class: `state-big ${cls}`, id, role: 'status' },
    glyph ? h('span', { class: 'icon' }, icon(glyph)) : null, h('span', { class: 'title' }, title), sub ? h('span', { class: 'sub' }, sub) : null);
}

/**
 * A question of a team round. Buzzer and tie-break: the big buzz button (pressed before the buzz opens, a false
 * start), "locked out", who won the buzz; then, like mandatory and wager rounds, "your turn: answer now" with the
 * answer area for the one whose turn it is, and "not your turn" (whose it is) for everyone else.
 */
function teamPlay(q) {
  const parts = [topline()];
  const step = L.step;
  const turn = L.turn;
  const mine = turn && turn.participantId === me();
  if (['buzzing', 'answering'].includes(step) && (step !== 'answering' || turn?.deadline)) {
    parts.push(timer(() => stepLeft(L), step === 'buzzing' && L.buzz?.openedAt ? L.buzz.deadline - L.buzz.openedAt : q.timeLimitMs, () => L.paused));
  }
  parts.push(h('div', { class: 'stem', id: 'stem' }, q.stem), questionImage(q));
  const j = L.judged[L.judged.length - 1];
  const buzzKind = ['buzzer', 'tiebreak'].includes(L.round.kind);
  const team = myTeam();
  if (step === 'over' && j) {
    parts.push(judgedBox());
  } else if (mine && turn.deadline && L.round.answerMode === 'aloud') {
    // the answer is given aloud and judged by the host (the round says so when the server sends answerMode)
    parts.push(h('div', { class: 'your-turn', id: 'your-turn', role: 'status' }, t('turn.aloud')));
  } else if (mine && turn.deadline) {
    parts.push(h('div', { class: 'your-turn', id: 'your-turn', role: 'status' }, t('turn.yours')));
    answerParts(q, parts);
    return parts;
  } else if (mine) {
    parts.push(stateBox('your-turn-wait', 'locked', 'hourglass', t('turn.yours.wait'), t('turn.yours.waitGo')));
  } else if (turn) {
    const who = teamOf(L, turn.teamId);
    parts.push(stateBox('not-your-turn', 'locked', 'hourglass', t('turn.notYours'),
      turn.teamId === team ? t('turn.teammate', { name: turn.nickname || '' }) : t('turn.theirs', { team: who?.name || '', name: turn.nickname || '' })));
  } else if (buzzKind && L.buzz?.winner) {
    const w = L.buzz.winner; const who = teamOf(L, w.teamId);
    parts.push(stateBox('buzz-won', w.teamId === team ? 'right' : 'locked', 'flag',
      w.participantId === me() ? t('buzz.youWon') : t('buzz.won', { team: who?.name || '' }), w.nickname || ''));
  } else if (buzzKind && team == null) {
    parts.push(stateBox('no-team', 'locked', 'screen', t('buzz.noTeam'), t('buzz.watch')));
  } else if (L.playing && !L.playing.includes(team)) {
    parts.push(stateBox('not-playing', 'locked', 'screen', t('turn.notPlaying'), t('buzz.watch')));
  } else if (buzzKind && (L.buzz?.lockedOut || []).includes(team)
      || buzzKind && L.refused?.questionId === q.questionId && ['LOCKED_OUT', 'FALSE_START'].includes(L.refused.reason)) {
    parts.push(stateBox('buzz-locked', 'wrong', 'cross', t('buzz.locked'),
      L.refused?.reason === 'FALSE_START' ? t('buzz.falseStart') : t('buzz.locked.sub')));
  } else if (buzzKind) {
    const open = step === 'buzzing';
    const sent = S.buzzed === q.questionId;
    parts.push(h('div', { class: 'buzz-area' }, h('button', { type: 'button', id: 'buzz',
        class: `buzz${open ? ' armed' : ' waiting'}${sent ? ' sent' : ''}`, disabled: sent,
        'aria-label': open ? t('buzz.press') : t('buzz.wait'),
        onpointerdown: ev => { ev.preventDefault(); buzz(); }, onclick: buzz },
      h('span', { class: 'label' }, sent ? t('buzz.sent') : open ? t('buzz.press') : t('buzz.wait')))));
  } else {
    parts.push(stateBox('waiting-turn', 'locked', 'hourglass', t('waiting')));
  }
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert' }, S.notice));
  return parts;
}

/** A round's banner; in a wager round, the stake picker (any member picks for the team; the first pick counts). */
function viewRound() {
  const r = L.round || {};
  const w = L.wagers;
  const team = myTeam();
  const parts = [topline(), h('div', { class: 'round-banner', id: 'round-banner' },
    h('div', { class: 'kind' }, roundBanner(r), ' ', multiplierBadge(r.multiplier, 'round-mult')),
    r.title ? h('div', { class: 'title' }, r.title) : null)];
  if (w && team != null) {
    const picked = w.picks.find(p => p.teamId === team)?.stake ?? (S.stake?.roundIndex === w.roundIndex ? S.stake.stake : null);
    const waiting = w.turnTeamId != null && w.turnTeamId !== team;
    if (picked != null) {
      parts.push(stateBox('stake-picked', 'locked', 'check', t('stake.picked', { n: picked }),
        w.complete ? null : t('stake.picked.sub')));
    } else if (!w.complete) {
      parts.push(h('div', { class: 'stake-picker', id: 'stake-picker' },
        w.deadline ? timer(() => stepLeft(L), 15000, () => L.paused) : null,
        h('p', { class: 'center' }, waiting ? t('stake.waitTurn', { team: teamOf(L, w.turnTeamId)?.name || '' }) : t('stake.pick')),
        h('div', { class: 'stakes', role: 'group', 'aria-label': t('stake.pick') }, (w.stakes || []).map(n =>
          h('button', { type: 'button', class: 'btn stake', id: `stake-${n}`, disabled: waiting, onclick: () => pickStake(n) }, String(n))))));
    }
    if (w.complete) {
      parts.push(h('ul', { class: 'plist stakes-all', id: 'stakes-all' }, w.picks.map(p =>
        h('li', { 'data-team': p.teamId }, h('span', {}, teamOf(L, p.teamId)?.name || `#${p.teamId}`), h('b', {}, String(p.stake))))));
    }
  } else if (team == null && (L.teams || []).length) {
    parts.push(stateBox('no-team', 'locked', 'screen', t('buzz.noTeam'), t('buzz.watch')));
  }
  if (S.notice) parts.push(h('div', { class: 'notice', role: 'alert' }, S.notice));
  return parts;
}

/** The judgement of the current team question as a big box (id judged), or null. */
function judgedBox() {
  const j = L.judged[L.judged.length - 1];
  if (!j) return null;
  const who = teamOf(L, j.teamId);
  return stateBox('judged', j.correct ? 'right' : j.correct === false ? 'wrong' : 'none', j.correct ? 'check' : j.correct === false ? 'cross' : 'hourglass',
    j.correct == null ? t(`judged.${j.reason || 'SKIP'}`) : j.correct ? t('judged.right') : t('judged.wrong'),
    `${who ? who.name : ''}${j.points ? ` ${j.points > 0 ? '+' : ''}${j.points}` : ''}`);
}

function viewClosed() {
  if (teamQuestion(L)) {
    // a team question closes once it is judged: the judgement, not "time is up"
    return [topline(), L.question ? h('div', { class: 'stem' }, L.question.stem) : null,
      judgedBox() || stateBox('closed', 'locked', 'hourglass', t('step.over'))];
  }
  return [topline(),
    L.question ? h('div', { class: 'stem' }, L.question.stem) : null,
    h('div', { class: 'state-big locked', id: 'closed', role: 'status' },
      h('span', { class: 'icon' }, icon('hourglass')),
      h('span', { class: 'title' }, t('q.closed')),
      h('span', { class: 'sub' }, L.answered ? t('q.closed.answered') : t('q.closed.none'))),
    L.answered && L.question ? myAnswerView(L.question, null) : null];
}

function correctText(r, q) {
  if (!r) return '';
  if (r.questionType === 'ordering' && Array.isArray(r.correct) && q?.options?.length) {
    return r.correct.map(id => q.options.find(o => o.id === id)).filter(Boolean).map(o => optionText(q, o)).join(' → ');
  }
  if (Array.isArray(r.correct) && q?.options?.length) {
    return q.options.filter(o => r.correct.includes(o.id)).map(o => optionText(q, o)).join(' / ');
  }
  if (Array.isArray(r.correct)) return r.correct.join(' / ');
  if (r.questionType === 'numeric' && r.tolerance) return `${r.correct} ± ${r.tolerance}`;
  return String(r.correct ?? '');
}

function viewReveal() {
  const r = L.reveal;
  const y = r.you || {};
  if (r.questionType === 'poll') return pollReveal(r, y);
  const cls = !y.answered ? 'none' : y.correct ? 'right' : 'wrong';
  const glyph = !y.answered ? 'hourglass' : y.correct ? 'check' : 'cross';
  // an ordering with some places right earns partial credit (scoring.ordering: partial): not wrong, not right
  const partial = y.answered && !y.correct && y.points > 0;
  const title = !y.answered ? t('reveal.none') : y.correct ? t('reveal.right') : partial ? t('reveal.partial') : t('reveal.wrong');
  return [topline(),
    h('div', { class: `state-big ${cls}`, id: 'result', role: 'status', 'data-correct': String(!!y.correct) },
      h('span', { class: 'icon' }, icon(glyph)),
      h('span', { class: 'title' }, title),
      h('span', { class: 'sub', id: 'points' }, t('reveal.points', { n: y.points ?? 0 }))),
    h('div', { class: 'stats' },
      h('div', { class: 'stat' }, h('b', { id: 'rank' }, y.rank ? String(y.rank) : '–'), h('span', {}, t('you.rank'))),
      h('div', { class: 'stat' }, h('b', { id: 'score' }, String(y.score ?? 0)), h('span', {}, t('you.score'))),
      h('div', { class: 'stat' }, h('b', { id: 'streak' }, `${y.streak ?? 0}`), h('span', {}, t('you.streak')))),
    y.answered && L.question?.questionId === r.questionId
      ? myAnswerView(L.question, Array.isArray(r.correct) && L.question.options?.length ? r.correct : null) : null,
    h('div', { class: 'correct-answer' }, h('strong', {}, icon('check'), ` ${t('reveal.answer')}: `),
      h('span', { id: 'correct-answer' }, correctText(r, L.question))),
    r.explanation ? h('p', { class: 'explain' }, r.explanation) : null,
    nextBadge(L, 'next-mult')];
}

/** A poll's reveal: thanks for the vote (no right or wrong), and how the room voted. */
function pollReveal(r, y) {
  const q = L.question?.questionId === r.questionId ? L.question : null;
  const counts = r.distribution || {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
  return [topline(),
    stateBox('result', 'none', y.answered ? 'check' : 'hourglass', y.answered ? t('reveal.poll.voted') : t('reveal.none'),
      t('reveal.poll.sub')),
    q ? h('ul', { class: 'poll-result', id: 'poll-result' }, q.options.map((o, i) => h('li', { 'data-option': o.id, class: `c${i % 8}` },
      h('span', { class: 'text' }, optionText(q, o)),
      h('span', { class: 'bar', style: `width:${Math.round(100 * (counts[o.id] || 0) / total)}%` }),
      h('b', {}, String(counts[o.id] || 0))))) : null,
    y.answered && q ? myAnswerView(q, null) : null];
}

function viewLeaderboard() {
  const l = L.leaderboard;
  // straight after the reveal (a host showing both at once) the result is repeated here
  const y = L.reveal && L.reveal.questionId === l.questionId ? (L.reveal.you || {}) : null;
  return [topline(),
    h('h1', { class: 'center' }, t('board.title')),
    nextBadge(L, 'next-mult'),
    y ? h('p', { class: 'center', id: 'my-result', 'data-correct': String(!!y.correct) },
      icon(!y.answered ? 'hourglass' : y.correct ? 'check' : 'cross'),
      ` ${!y.answered ? t('reveal.none') : y.correct ? t('reveal.right') : t('reveal.wrong')}`
      + ` · ${t('reveal.points', { n: y.points ?? 0 })}`) : null,
    h('p', { class: 'center', id: 'my-rank' }, L.you.rank ? t('board.yours', { rank: L.you.rank, n: l.participants }) : ''),
    l.teams?.length ? h('ol', { class: 'board team-standings', id: 'team-standings', 'aria-label': t('team.board') }, l.teams.map(x =>
      h('li', { class: x.id === myTeam() ? 'me' : '', 'data-team': x.id },
        h('span', { class: 'rank' }, String(x.rank)), h('span', { class: 'name' }, x.name), h('span', { class: 'score' }, String(x.score))))) : null,
    board(l.top, L.you, l.participants)];
}

function viewFinished() {
  const f = L.finished || { podium: [] };
  return [topline(),
    h('h1', { class: 'center' }, t('final.title')),
    h('div', { class: 'state-big locked', id: 'final' },
      h('span', { class: 'icon' }, icon(L.you.rank && L.you.rank <= 3 ? 'star' : 'flag')),
      h('span', { class: 'title', id: 'final-rank' }, L.you.rank ? t('final.rank', { rank: L.you.rank }) : t('final.norank')),
      h('span', { class: 'sub' }, t('final.score', { s: L.you.score ?? 0, n: f.participants ?? L.participants }))),
    f.teams?.length ? h('div', { id: 'team-podium' }, h('h2', { class: 'center' }, t('team.board')),
      podium(f.teams.filter(x => x.rank <= 3).map(x => ({ rank: x.rank, nickname: x.name, score: x.score })))) : null,
    podium(f.podium),
    h('button', { type: 'button', class: 'btn block light', onclick: () => leave(null) }, t('final.again'))];
}

function viewWaiting() {
  return [topline(), h('div', { class: 'state-big locked', role: 'status' },
    h('span', { class: 'icon' }, icon('hourglass')), h('span', { class: 'title' }, t('waiting')))];
}

function render() {
  document.body.className = 'stage page-play';
  document.title = L.title ? `${L.title} · ${t('app.name')}` : t('app.name');
  const views = { join: viewJoin, lobby: viewLobby, round: viewRound, question: viewQuestion, closed: viewClosed, reveal: viewReveal,
    leaderboard: viewLeaderboard, finished: viewFinished, connecting: viewWaiting, waiting: viewWaiting };
  const view = S.session ? views[S.view] || viewWaiting : viewJoin;
  mount(root, h('main', { class: 'play', 'data-view': S.session ? S.view : 'join' }, view()),
    L.paused && S.session ? h('div', { class: 'overlay', role: 'alert', id: 'paused' }, icon('pause'), t('paused')) : null,
    h('div', { id: 'conn', class: 'conn', role: 'status', hidden: true }));
  paintConn();
}

function paintCount() {
  const el = document.getElementById('lobby-count');
  if (el) el.textContent = String(L.participants);
  const words = document.getElementById('lobby-joined');
  if (words) words.textContent = t('lobby.joined', { n: L.participants });
}

function paintConn() {
  const el = document.getElementById('conn');
  if (!el) return;
  const down = S.session && S.conn !== 'open' && S.conn !== 'idle';
  el.hidden = !down;
  el.textContent = down ? t('conn.reconnecting') : '';
}

onLangChange(render);
startTicker();
if (S.session) {
  L.you = { nickname: S.session.nickname, participantId: S.session.participantId, teamId: S.session.teamId ?? null };
  S.view = 'connecting';
  connect();
}
render();
