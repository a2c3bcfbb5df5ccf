// Big screen (/screen/{code}): the public projector view over /ws/screen/{code}.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, liveSocket, timer, startTicker, board, podium, distributionChart, rankedList, revealMatcher, questionImage, optionImage,
  optionText, icon, shapeIcon, roundBanner, orderLabel, LETTERS, multiplierBadge, nextBadge } from './common.js';
import { liveState, liveFrames, timeLeft, stepLeft, teamRound, teamQuestion, teamOf } from './live.js';

const root = document.getElementById('app');
const code = (location.pathname.match(/^\/screen\/([^/]+)/) || [])[1] || '';
const S = { view: 'connecting', missing: false };
const L = liveState(); // the contest as the frames describe it (live.js)

const onFrame = liveFrames(() => L, {
  stage: st => { S.view = st; },
  on: {
    lobby: () => S.view === 'lobby' && paintLobby(),
    progress: m => {
      const el = document.getElementById('answer-count');
      if (!el) return false;
      el.textContent = t('screen.answered', { a: m.answered, n: m.participants });
      return true;
    },
  },
  render,
});

function onMessage(m) {
  S.missing = false;
  onFrame(m);
}

const remaining = () => timeLeft(L);

// ---------------------------------------------------------------- team contests in rounds

/**
 * The team cards: each team's colour, name and score (the latest standings the server sent), the stake it
 * picked once the stakes are revealed, and which team holds the turn or the buzz.
 */
function teamCards() {
  const teams = L.teams || L.round?.teams;
  if (!teams?.length) return null;
  const holder = L.turn?.teamId ?? L.buzz?.winner?.teamId ?? null;
  const locked = L.buzz?.lockedOut || [];
  const shown = L.round?.kind === 'tiebreak' && L.playing ? teams.filter(x => L.playing.includes(x.id)) : teams;
  const out = L.tiebreak?.out || [];
  const stakes = L.wagers?.complete ? L.wagers.picks : null;
  return h('ul', { class: 'team-cards', id: 'team-cards', 'aria-label': t('team.board') }, shown.map(x => {
    const stake = stakes?.find(p => p.teamId === x.id);
    return h('li', { class: `team-card${x.id === holder ? ' holder' : ''}${locked.includes(x.id) || out.includes(x.id) ? ' locked' : ''}${L.tiebreak?.winner === x.id ? ' winner' : ''}`,
        'data-team': x.id, style: `--team:${x.color || '#666'}` },
      h('span', { class: 'name' }, x.name),
      h('span', { class: 'score' }, String(x.score ?? '')),
      stake ? h('span', { class: 'stake', 'data-stake': stake.stake }, t('team.stake', { n: stake.stake })) : null,
      locked.includes(x.id) ? h('span', { class: 'lock' }, t('team.locked')) : null);
  }));
}

/** "第 N 轮 · 抢答题" and the round's title, large, with the teams (and the stakes once all have picked). */
function viewRound() {
  const r = L.round || {};
  const w = L.wagers;
  return [head(), h('div', { class: 'round-banner', id: 'round-banner' },
      h('div', { class: 'kind' }, roundBanner(r), ' ', multiplierBadge(r.multiplier, 'round-mult')),
      r.title ? h('div', { class: 'title' }, r.title) : null,
      r.total ? h('div', { class: 'sub' }, t('round.questions', { n: r.total })) : null),
    w && !w.complete ? h('div', { class: 'state-big locked', id: 'staking' },
      h('span', { class: 'title' }, t('team.staking')),
      h('span', { class: 'sub' }, t('team.stakes.open', { n: w.picks.length, of: (L.teams || []).length })),
      w.deadline ? timer(() => stepLeft(L), 15000, () => L.paused) : null) : null,
    teamCards()];
}

/** Who answers: the reading time, the open buzz, the team that won it, whose turn it is, and the judgement. */
function teamStrip() {
  if (!teamQuestion(L)) return null;
  const j = L.judged[L.judged.length - 1];
  const winner = L.buzz?.winner;
  let line;
  if (L.step === 'over' && j) {
    const team = teamOf(L, j.teamId);
    line = h('div', { class: `team-strip ${j.correct ? 'right' : j.correct === false ? 'wrong' : 'none'}`, id: 'judged' },
      team ? `${team.name} · ` : '', j.correct == null ? t(`judged.${j.reason || 'SKIP'}`) : j.correct ? t('judged.right') : t('judged.wrong'),
      j.points ? ` ${j.points > 0 ? '+' : ''}${j.points}` : '');
  } else if (L.step === 'reading') {
    line = h('div', { class: 'team-strip', id: 'reading' }, t('step.reading'));
  } else if (L.step === 'buzzing') {
    line = h('div', { class: 'team-strip buzz-open', id: 'buzz-open' }, t('team.buzz.go'));
  } else if (L.turn) {
    const team = teamOf(L, L.turn.teamId);
    line = h('div', { class: 'team-strip turn', id: 'screen-turn', style: `--team:${team?.color || '#666'}` },
      t('team.answering', { team: team?.name || '', name: L.turn.nickname || '' }));
  }
  return [line || null,
    winner && L.step === 'answering' ? buzzWinner(winner) : null];
}

/** The buzz-winner animation: the team's name on its colour, the member and the reaction time. */
function buzzWinner(w) {
  const team = teamOf(L, w.teamId);
  return h('div', { class: 'buzz-winner', id: 'buzz-winner', role: 'status', 'data-team': w.teamId, style: `--team:${team?.color || '#d32f2f'}` },
    h('div', { class: 'team' }, team?.name || ''),
    h('div', { class: 'who' }, w.nickname || ''),
    h('div', { class: 'ms' }, t('team.reaction', { ms: w.reactionMs })));
}
const joinUrl = () => `${location.origin}/join/${code}`;

function head() {
  return h('div', { class: 'head' },
    h('span', {}, t('app.name')),
    h('span', {}, L.title),
    h('span', { class: 'row' }, h('span', { class: 'pill' }, t('screen.code', { code })), langButton()));
}

function viewLobby() {
  return [head(), h('div', { class: 'lobby' },
    h('div', {},
      h('div', { class: 'join-how' }, t('screen.how', { host: location.host })),
      h('div', { class: 'code', id: 'screen-code', 'aria-label': t('screen.code', { code }) }, code),
      h('div', { class: 'count pulse', id: 'screen-count', 'aria-live': 'polite' }, t('screen.joined', { n: L.participants }))),
    h('div', { class: 'qr' }, h('img', { src: `/qr/join/${code}.svg`, alt: t('qr.alt', { url: joinUrl() }) }))),
    nextBadge(L, 'next-mult'), teamCards(), namesList()];
}

/** The nicknames as they join (the latest ones the server sends), newest first, like Kahoot's lobby. */
function namesList() {
  const more = L.participants - L.names.length;
  return h('ul', { class: 'names', id: 'screen-names', 'aria-label': t('screen.lobby.names') },
    L.names.map((n, i) => h('li', { class: `c${i % 8}` }, n)).reverse(),
    more > 0 ? h('li', { class: 'more' }, t('screen.lobby.more', { n: more })) : null);
}

/** Joins update the count and the names in place, so the QR code is not redrawn on every join. */
function paintLobby() {
  const count = document.getElementById('screen-count');
  const names = document.getElementById('screen-names');
  if (!count || !names) return false;
  count.textContent = t('screen.joined', { n: L.participants });
  names.replaceWith(namesList());
  fit();
  return true;
}

function optionsGrid(q, correctIds) {
  return h('div', { class: 'options' }, (q.options || []).map((o, i) => {
    const ok = correctIds?.includes(o.id);
    return h('div', { class: `opt c${i % 8}${correctIds && !ok ? ' dim' : ''}`, 'data-option': o.id,
        'data-correct': correctIds ? String(!!ok) : null },
      h('span', { class: 'shape' }, shapeIcon(i)), optionImage(o), h('span', { class: 'text' }, optionText(q, o)),
      correctIds ? h('span', { class: 'mark' }, icon(ok ? 'check' : 'cross', ok ? t('screen.correct') : t('screen.wrong'))) : null);
  }));
}

function viewQuestion() {
  const q = L.question;
  // a poll in a team round is everyone's: the answer count and the question's own countdown, as in a standard round
  const team = teamQuestion(L);
  return [head(), team ? teamCards() : null, team ? teamStrip() : null,
    h('div', { class: 'row' }, h('span', { class: 'pill' }, t('q.progress', { i: q.index + 1, n: q.total })),
      multiplierBadge(q.multiplier, 'q-mult'),
      h('span', { class: 'grow' }),
      team ? null : h('span', { class: 'count', id: 'answer-count', 'aria-live': 'off' }, t('screen.answered', { a: L.progress?.answered ?? 0, n: L.participants }))),
    team ? (['buzzing', 'answering'].includes(L.step) ? timer(() => stepLeft(L), stepTotal(), () => L.paused) : null)
      : timer(remaining, q.timeLimitMs, () => L.paused),
    h('div', { class: 'stem', id: 'stem' }, q.stem), questionImage(q),
    q.options?.length ? optionsGrid(q, null) : h('div', { class: 'card center' }, q.questionType === 'numeric' ? t('q.numeric') : t('q.text'))];
}

/** The length of what the countdown counts down now (the buzz or the answer turn), for the bar's width. */
function stepTotal() {
  if (L.step === 'buzzing' && L.buzz?.deadline && L.buzz.openedAt) return L.buzz.deadline - L.buzz.openedAt;
  return L.question?.timeLimitMs || 20000;
}

function viewClosed() {
  if (teamQuestion(L)) return [head(), teamCards(), teamStrip(), h('div', { class: 'stem' }, L.question?.stem || '')];
  return [head(), h('div', { class: 'stem' }, L.question?.stem || ''),
    h('div', { class: 'state-big locked' }, h('span', { class: 'icon' }, icon('hourglass')),
      h('span', { class: 'title' }, t('q.closed')), h('span', { class: 'sub' }, t('screen.answered', { a: L.progress?.answered ?? 0, n: L.participants })))];
}

/** An ordering's reveal: the options in the right order, and the orders given (the right one marked). */
function orderingReveal(r, q) {
  const right = (r.correct || []).join(',');
  return h('div', { class: 'grid2' },
    h('ol', { class: 'order-reveal', id: 'correct-answer' }, (r.correct || []).map((id, k) => {
      const i = q.options.findIndex(o => o.id === id);
      // its place, and its letter: the ranked orders beside it name the options by letter
      return i < 0 ? null : h('li', { class: `opt c${i % 8}`, 'data-option': id },
        h('span', { class: 'shape' }, shapeIcon(i)),
        h('span', { class: 'text' }, `${k + 1}. ${optionText(q, q.options[i])} (${LETTERS[i]})`));
    })),
    h('div', { class: 'card', id: 'distribution' }, h('h2', {}, t('screen.distribution', { a: r.answered })),
      rankedList(r.distribution, { label: k => orderLabel(q, k), ok: k => k === right })));
}

function viewReveal() {
  const r = L.reveal; const q = L.question || { options: [] };
  if (r.questionType === 'ordering' && q.options?.length) {
    return [head(), h('div', { class: 'stem' }, q.stem), orderingReveal(r, q),
      r.explanation ? h('div', { class: 'source', id: 'source' }, h('p', {}, r.explanation)) : null];
  }
  if (r.questionType === 'poll') {
    return [head(), h('div', { class: 'stem' }, q.stem), h('div', { class: 'grid2' }, optionsGrid(q, null),
      h('div', { class: 'card', id: 'distribution' }, h('h2', {}, t('screen.distribution', { a: r.answered })),
        distributionChart(q, r.distribution, null)))];
  }
  const ids = Array.isArray(r.correct) && q.options?.length ? r.correct : null;
  const text = ids ? null : Array.isArray(r.correct) ? r.correct.join(' / ') : `${r.correct}${r.tolerance ? ` ± ${r.tolerance}` : ''}`;
  return [head(), teamRound(L) ? teamCards() : null, teamRound(L) ? teamStrip() : null, h('div', { class: 'stem' }, q.stem),
    ids ? h('div', { class: 'grid2' }, optionsGrid(q, ids), h('div', { class: 'card', id: 'distribution' },
      h('h2', {}, t('screen.distribution', { a: r.answered })), distributionChart(q, r.distribution, ids)))
      : h('div', { class: 'grid2' }, h('div', { class: 'state-big right', id: 'correct-answer' }, h('span', { class: 'title' }, icon('check'), ` ${text}`)),
        h('div', { class: 'card', id: 'distribution' }, h('h2', {}, t('screen.distribution', { a: r.answered })),
          rankedList(r.distribution, { ok: revealMatcher(r) }))),
    r.explanation || r.source?.excerpt ? h('div', { class: 'source', id: 'source' },
      r.explanation ? h('p', {}, r.explanation) : null,
      r.source?.excerpt ? h('blockquote', {}, `“${r.source.excerpt}”`) : null,
      r.source?.title || r.source?.report ? h('small', { id: 'source-report' },
        t('screen.source', { report: r.source.title || r.source.report })) : null) : null,
    nextBadge(L, 'next-mult')];
}

function viewLeaderboard() {
  const teams = L.leaderboard.teams || (L.teams && L.round ? L.teams : null);
  return [head(), h('h1', { class: 'center' }, t(teams ? 'team.board' : 'board.title')), nextBadge(L, 'next-mult'),
    teams ? h('div', { id: 'screen-team-board' }, teamCards()) : null,
    h('div', { id: 'screen-board' }, board(L.leaderboard.top, null))];
}

function viewFinished() {
  // a team contest: the team podium (the teams' names and scores); the individual one below it, smaller
  const teams = L.finished?.teams || L.teams;
  return [head(), h('h1', { class: 'center' }, t('final.title')),
    teams?.length ? h('div', { id: 'screen-team-podium', class: 'team-podium' },
      podium(teams.filter(x => x.rank <= 3).map(x => ({ rank: x.rank, nickname: x.name, score: x.score })))) : null,
    // beside the teams, the individual podium only if the standard rounds gave anyone points
    !teams?.length || (L.finished?.podium || []).some(e => e.score > 0)
      ? h('div', { id: 'screen-podium', class: teams?.length ? 'small-podium' : null }, podium(L.finished?.podium || [])) : null];
}

function viewMissing() {
  return [head(), h('div', { class: 'state-big locked', role: 'status' }, h('span', { class: 'icon' }, icon('screen')),
    h('span', { class: 'title' }, S.missing ? t('screen.nocontest', { code }) : t('waiting')))];
}

function render() {
  document.body.className = 'stage page-screen';
  document.title = `${t('screen.title')} · ${code}`;
  const views = { lobby: viewLobby, round: viewRound, question: viewQuestion, closed: viewClosed, reveal: viewReveal,
    leaderboard: viewLeaderboard, finished: viewFinished };
  mount(root, h('main', { class: 'screen', 'data-view': S.view }, (views[S.view] || viewMissing)()),
    L.paused ? h('div', { class: 'overlay', role: 'alert' }, icon('pause'), t('paused')) : null);
  fit();
  // a picture changes the view's height once it has loaded: fit again then
  root.querySelectorAll('img').forEach(img => { if (!img.complete) img.addEventListener('load', fit, { once: true }); });
}

/**
 * The projector never scrolls: when a view is taller than the screen (five long options, a long
 * explanation) its type is scaled down (--fit, from 1 to 0.4) until it fits.
 */
function fit() {
  const main = root.querySelector('main[data-view]');
  if (!main) return;
  const tooTall = () => main.scrollHeight > window.innerHeight + 1 || main.scrollWidth > window.innerWidth + 1;
  let scale = 1;
  main.style.setProperty('--fit', '1');
  while (tooTall() && scale > 0.4) {
    scale = Math.round((scale - 0.04) * 100) / 100;
    main.style.setProperty('--fit', String(scale));
  }
  main.dataset.fit = String(scale);
}
window.addEventListener('resize', fit);

liveSocket(() => `/ws/screen/${encodeURIComponent(code)}`, {
  onMessage,
  onClose: (c, opened) => { if (!opened || c === 4004) { S.missing = true; if (S.view !== 'finished') { S.view = 'missing'; render(); } } return true; }
});
onLangChange(render);
startTicker();
render();
