// Big screen (/screen/{code}): the public projector view over /ws/screen/{code}.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, liveSocket, clock, timer, startTicker, board, podium, distributionChart, rankedList, revealMatcher,
  optionText, icon, shapeIcon } from './common.js';

const root = document.getElementById('app');
const code = (location.pathname.match(/^\/screen\/([^/]+)/) || [])[1] || '';
const S = { view: 'connecting', title: '', participants: 0, q: null, answered: 0, paused: false, remainingMs: null,
  reveal: null, leaderboard: null, finished: null, missing: false, names: [] };

function onMessage(m) {
  S.missing = false;
  switch (m.type) {
    case 'state':
      S.title = m.title || ''; S.participants = m.participants;
      S.paused = m.status === 'PAUSED'; S.remainingMs = m.remainingMs ?? null;
      if (m.status === 'LOBBY') S.view = 'lobby';
      else if (m.status === 'FINISHED') S.view = 'finished';
      else if (m.question) { S.q = { ...m.question, questionType: m.question.questionType }; S.view = m.phase === 'OPEN' ? 'question' : 'closed'; }
      break;
    case 'lobby':
      S.participants = m.participants;
      if (Array.isArray(m.names)) S.names = m.names;
      if (S.view === 'lobby' && paintLobby()) return;
      break;
    case 'question': S.q = m; S.answered = 0; S.reveal = null; S.paused = false; S.remainingMs = null; S.view = 'question'; break;
    case 'progress': {
      S.answered = m.answered; S.participants = m.participants;
      const el = document.getElementById('answer-count');
      if (el) { el.textContent = t('screen.answered', { a: m.answered, n: m.participants }); return; }
      break;
    }
    case 'closed': S.view = 'closed'; break;
    case 'reveal': S.reveal = m; S.view = 'reveal'; break;
    case 'leaderboard': S.leaderboard = m; S.view = 'leaderboard'; break;
    case 'finished': S.finished = m; S.view = 'finished'; break;
    case 'status':
      S.paused = m.status === 'PAUSED'; S.remainingMs = m.remainingMs ?? null;
      if (S.q && m.deadline) S.q = { ...S.q, deadline: m.deadline };
      break;
    default: return;
  }
  render();
}

const remaining = () => (S.paused && S.remainingMs != null ? S.remainingMs : (S.q ? S.q.deadline - clock.now() : 0));
const joinUrl = () => `${location.origin}/join/${code}`;

function head() {
  return h('div', { class: 'head' },
    h('span', {}, t('app.name')),
    h('span', {}, S.title),
    h('span', { class: 'row' }, h('span', { class: 'pill' }, t('screen.code', { code })), langButton()));
}

function viewLobby() {
  return [head(), h('div', { class: 'lobby' },
    h('div', {},
      h('div', { class: 'join-how' }, t('screen.how', { host: location.host })),
      h('div', { class: 'code', id: 'screen-code', 'aria-label': t('screen.code', { code }) }, code),
      h('div', { class: 'count pulse', id: 'screen-count', 'aria-live': 'polite' }, t('screen.joined', { n: S.participants }))),
    h('div', { class: 'qr' }, h('img', { src: `/qr/join/${code}.svg`, alt: t('qr.alt', { url: joinUrl() }) }))),
    namesList()];
}

/** The nicknames as they join (the latest ones the server sends), newest first, like Kahoot's lobby. */
function namesList() {
  const more = S.participants - S.names.length;
  return h('ul', { class: 'names', id: 'screen-names', 'aria-label': t('screen.lobby.names') },
    S.names.map((n, i) => h('li', { class: `c${i % 8}` }, n)).reverse(),
    more > 0 ? h('li', { class: 'more' }, t('screen.lobby.more', { n: more })) : null);
}

/** Joins update the count and the names in place, so the QR code is not redrawn on every join. */
function paintLobby() {
  const count = document.getElementById('screen-count');
  const names = document.getElementById('screen-names');
  if (!count || !names) return false;
  count.textContent = t('screen.joined', { n: S.participants });
  names.replaceWith(namesList());
  fit();
  return true;
}

function optionsGrid(q, correctIds) {
  return h('div', { class: 'options' }, (q.options || []).map((o, i) => {
    const ok = correctIds?.includes(o.id);
    return h('div', { class: `opt c${i % 8}${correctIds && !ok ? ' dim' : ''}`, 'data-option': o.id,
        'data-correct': correctIds ? String(!!ok) : null },
      h('span', { class: 'shape' }, shapeIcon(i)), h('span', { class: 'text' }, optionText(q, o)),
      correctIds ? h('span', { class: 'mark' }, icon(ok ? 'check' : 'cross', ok ? t('screen.correct') : t('screen.wrong'))) : null);
  }));
}

function viewQuestion() {
  const q = S.q;
  return [head(),
    h('div', { class: 'row' }, h('span', { class: 'pill' }, t('q.progress', { i: q.index + 1, n: q.total })),
      h('span', { class: 'grow' }),
      h('span', { class: 'count', id: 'answer-count', 'aria-live': 'off' }, t('screen.answered', { a: S.answered, n: S.participants }))),
    timer(remaining, q.timeLimitMs, () => S.paused),
    h('div', { class: 'stem', id: 'stem' }, q.stem),
    q.options?.length ? optionsGrid(q, null) : h('div', { class: 'card center' }, q.questionType === 'numeric' ? t('q.numeric') : t('q.text'))];
}

function viewClosed() {
  return [head(), h('div', { class: 'stem' }, S.q?.stem || ''),
    h('div', { class: 'state-big locked' }, h('span', { class: 'icon' }, icon('hourglass')),
      h('span', { class: 'title' }, t('q.closed')), h('span', { class: 'sub' }, t('screen.answered', { a: S.answered, n: S.participants })))];
}

function viewReveal() {
  const r = S.reveal; const q = S.q || { options: [] };
  const ids = Array.isArray(r.correct) && q.options?.length ? r.correct : null;
  const text = ids ? null : Array.isArray(r.correct) ? r.correct.join(' / ') : `${r.correct}${r.tolerance ? ` ± ${r.tolerance}` : ''}`;
  return [head(), h('div', { class: 'stem' }, q.stem),
    ids ? h('div', { class: 'grid2' }, optionsGrid(q, ids), h('div', { class: 'card', id: 'distribution' },
      h('h2', {}, t('screen.distribution', { a: r.answered })), distributionChart(q, r.distribution, ids)))
      : h('div', { class: 'grid2' }, h('div', { class: 'state-big right', id: 'correct-answer' }, h('span', { class: 'title' }, icon('check'), ` ${text}`)),
        h('div', { class: 'card', id: 'distribution' }, h('h2', {}, t('screen.distribution', { a: r.answered })),
          rankedList(r.distribution, { ok: revealMatcher(r) }))),
    r.explanation || r.source?.excerpt ? h('div', { class: 'source', id: 'source' },
      r.explanation ? h('p', {}, r.explanation) : null,
      r.source?.excerpt ? h('blockquote', {}, `“${r.source.excerpt}”`) : null,
      r.source?.title || r.source?.report ? h('small', { id: 'source-report' },
        t('screen.source', { report: r.source.title || r.source.report })) : null) : null];
}

function viewLeaderboard() {
  return [head(), h('h1', { class: 'center' }, t('board.title')),
    h('div', { id: 'screen-board' }, board(S.leaderboard.top, null))];
}

function viewFinished() {
  return [head(), h('h1', { class: 'center' }, t('final.title')),
    h('div', { id: 'screen-podium' }, podium(S.finished?.podium || []))];
}

function viewMissing() {
  return [head(), h('div', { class: 'state-big locked', role: 'status' }, h('span', { class: 'icon' }, icon('screen')),
    h('span', { class: 'title' }, S.missing ? t('screen.nocontest', { code }) : t('waiting')))];
}

function render() {
  document.body.className = 'stage page-screen';
  document.title = `${t('screen.title')} · ${code}`;
  const views = { lobby: viewLobby, question: viewQuestion, closed: viewClosed, reveal: viewReveal,
    leaderboard: viewLeaderboard, finished: viewFinished };
  mount(root, h('main', { class: 'screen', 'data-view': S.view }, (views[S.view] || viewMissing)()),
    S.paused ? h('div', { class: 'overlay', role: 'alert' }, icon('pause'), t('paused')) : null);
  fit();
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
