// The live contest as the socket frames describe it (docs/protocol.md): one reducer for the phone, the host
// console and the projector. A page keeps its rendering and the handling that is its own (hooks below).
import { clock } from './common.js';

/**
 * A fresh model. stage is what is on show: lobby, round (a round's banner), question, closed, reveal,
 * leaderboard or finished (null before the first frame). answered and pending are the participant's own:
 * whether they have answered the current question, and the answer that waits for its ack (resent after a
 * reconnect).
 *
 * Team contests in rounds (docs/protocol.md): round is the current round {index, kind, title, total, first};
 * step where its question is (reading, buzzing, answering, ready, staking, over or null); turn who answers
 * now; buzz the open or decided buzz {questionId, openedAt, deadline, rebound, lockedOut, winner, order, buzzes}
 * (order: every buzzWinner and falseStart seen, in arrival order; buzzes: the hosts' buzzOrder, each team's
 * first buzz, the winner first); wagers the stakes {roundIndex, stakes,
 * deadline, order, turnTeamId, picks, complete}; judged the judgements of the current question; teams the
 * latest team standings the server sent; rulings the ruling frames seen (hosts and screens); refused the
 * participant's last buzzRefused; playing the ids of the teams that play the round (a tie-break: the tied ones);
 * tiebreak {out: [team ids], winner} as the tie-break goes.
 *
 * next is the question that opens next {index, points, multiplier} (from state, reveal and leaderboard), so
 * pages can show "x2" or "练习" before it opens; null while a question is open or after the last.
 */
export function liveState() {
  return {
    title: '', status: null, phase: null, stage: null,
    question: null, paused: false, remainingMs: null,
    participants: null, names: [],
    progress: null, reveal: null, leaderboard: null, finished: null,
    you: {}, answered: false, pending: null,
    allowedActions: null,
    round: null, step: null, turn: null, buzz: null, wagers: null, judged: [], teams: null, rulings: [],
    refused: null, playing: null, tiebreak: null, next: null,
  };
}

/** Round kinds played by teams, one turn at a time (the others are the standard round everyone answers). */
export const TEAM_KINDS = ['mandatory', 'buzzer', 'wager', 'tiebreak'];
const BUZZ_KINDS = ['buzzer', 'tiebreak'];

/** True when the current round is a team round (a turn, a buzz or a wager decides who answers). */
export function teamRound(L) {
  return !!L.round && TEAM_KINDS.includes(L.round.kind);
}

/**
 * True when the question on show is played by teams: a team round's question, except a poll, which everyone
 * answers as in a standard round (no turn, no buzz, no judgement; docs/contests.md).
 */
export function teamQuestion(L) {
  return teamRound(L) && L.question?.questionType !== 'poll';
}

/** The team with id in the latest standings (or the round's teams), or null. */
export function teamOf(L, id) {
  if (id === null || id === undefined) return null;
  return (L.teams || []).find(t => t.id === id) || (L.round?.teams || []).find(t => t.id === id) || null;
}

/** Standings with a rank each (the server's when it sends them; else score desc, equal scores sharing a rank). */
function ranked(teams) {
  if (!Array.isArray(teams)) return null;
  if (teams.every(t => t.rank != null)) return teams.map(t => ({ ...t }));
  const sorted = [...teams].sort((a, b) => b.score - a.score || a.id - b.id);
  return sorted.map(t => ({ ...t, rank: 1 + sorted.filter(x => x.score > t.score).length }));
}

function emptyBuzz(m) {
  return { questionId: m.questionId, openedAt: null, deadline: null, rebound: false, lockedOut: [], winner: null, order: [] };
}

/**
 * Applies frame m to the model L. Returns null if m is not a frame of the model (ack and error are the
 * participant's, participants the host's, and so on: the page handles those), else what changed:
 * stage (true when m sets L.stage) and question (true when m makes a different question current).
 */
export function reduce(L, m) {
  let stage = null;
  let fresh = false;
  switch (m.type) {
    case 'state':
      L.title = m.title || '';
      L.status = m.status;
      L.phase = m.phase ?? null;
      L.participants = m.participants;
      L.paused = m.status === 'PAUSED';
      L.remainingMs = m.remainingMs ?? null;
      if (m.you) L.you = { ...L.you, ...m.you };
      if (m.allowedActions) L.allowedActions = m.allowedActions;
      L.next = m.next ?? null;
      {
        // the team part: at the top of the frame, or (as the engine may group it) under play
        const p = m.play || m;
        const team = !!(m.play || m.round || m.teams);
        if (team || 'round' in p) L.round = p.round ? { ...p.round, teams: L.round?.index === p.round.index ? L.round.teams : undefined } : null;
        if (team || 'step' in p) L.step = p.step ?? null;
        if (team || 'turn' in p) L.turn = p.turn ?? null;
        if (team || 'buzz' in p) L.buzz = p.buzz ? { ...emptyBuzz({ questionId: m.question?.questionId ?? null }), ...p.buzz,
          lockedOut: p.buzz.lockedOut || [], order: p.buzz.winner ? [{ kind: 'winner', ...p.buzz.winner }] : [] } : null;
        if (team || 'wagers' in p) L.wagers = p.wagers ? { picks: [], ...p.wagers } : null;
        if (p.teams) L.teams = ranked(p.teams);
        if (p.playing) L.playing = p.playing;
      }
      // the server sends the question only while the contest is running or paused
      if (m.status === 'LOBBY') stage = 'lobby';
      else if (m.status === 'FINISHED') stage = 'finished';
      else if (m.phase === 'ROUND') { stage = 'round'; L.question = null; }
      else if (m.question) {
        fresh = L.question?.questionId !== m.question.questionId;
        L.question = m.question;
        L.answered = !!m.answered;
        if (L.answered) L.pending = null;
        stage = m.phase === 'OPEN' ? 'question' : 'closed';
      }
      break;
    case 'lobby':
      L.participants = m.participants;
      if (Array.isArray(m.names)) L.names = m.names;
      break;
    case 'participants':
      L.participants = m.count;
      break;
    case 'question':
      L.question = m; L.status = 'RUNNING'; L.phase = 'OPEN';
      L.answered = false; L.pending = null; L.progress = null; L.reveal = null;
      L.paused = false; L.remainingMs = null; L.next = null;
      // a new question: who answers it is decided afresh (a turn, a buzz); the stakes stay for the round
      L.turn = null; L.buzz = null; L.judged = []; L.refused = null;
      L.step = !L.round || m.questionType === 'poll' ? null : BUZZ_KINDS.includes(L.round.kind) ? 'reading'
        : TEAM_KINDS.includes(L.round.kind) ? 'ready' : null;
      stage = 'question'; fresh = true;
      break;
    case 'round':
      { const { type, ...round } = m; L.round = round; } // index, kind, title, total, first, teams (and what else the round says)
      L.playing = Array.isArray(m.teams) ? m.teams.map(x => x.id) : null;
      L.tiebreak = null;
      if (Array.isArray(m.teams) && (!L.teams || m.kind !== 'tiebreak')) L.teams = ranked(m.teams);
      L.status = 'RUNNING'; L.phase = 'ROUND'; L.step = null;
      L.turn = null; L.buzz = null; L.judged = []; L.refused = null; L.wagers = null;
      L.question = null; L.progress = null; L.reveal = null; L.leaderboard = null;
      stage = 'round';
      break;
    case 'turn':
      L.turn = m;
      L.step = m.deadline == null ? 'ready' : 'answering';
      break;
    case 'buzzOpen':
      L.buzz = { ...(L.buzz?.questionId === m.questionId ? L.buzz : emptyBuzz(m)),
        openedAt: m.openedAt, deadline: m.deadline, rebound: !!m.rebound, lockedOut: m.lockedOut || [], winner: null };
      L.turn = null; L.refused = null;
      L.step = 'buzzing';
      break;
    case 'buzzWinner': {
      const b = L.buzz?.questionId === m.questionId ? L.buzz : emptyBuzz(m);
      const winner = { teamId: m.teamId, participantId: m.participantId, nickname: m.nickname, reactionMs: m.reactionMs };
      L.buzz = { ...b, winner, order: [...b.order, { kind: 'winner', ...winner }] };
      L.step = 'answering';
      break;
    }
    case 'buzzOrder': {
      // hosts: each team's first buzz since the buzz opened, the winner first, with its reaction time
      const b = L.buzz?.questionId === m.questionId ? L.buzz : emptyBuzz(m);
      L.buzz = { ...b, buzzes: m.buzzes || [] };
      break;
    }
    case 'falseStart': {
      const b = L.buzz?.questionId === m.questionId ? L.buzz : emptyBuzz(m);
      const locked = b.lockedOut.includes(m.teamId) ? b.lockedOut : [...b.lockedOut, m.teamId];
      L.buzz = { ...b, lockedOut: locked, order: [...b.order, { kind: 'falseStart', teamId: m.teamId,
        participantId: m.participantId, nickname: m.nickname, points: m.points }] };
      break;
    }
    case 'buzzRefused':
      L.refused = { questionId: m.questionId, reason: m.reason };
      break;
    case 'wagerOpen':
      L.wagers = { roundIndex: m.roundIndex, stakes: m.stakes, deadline: m.deadline, order: m.order ?? null,
        turnTeamId: m.turnTeamId ?? null, complete: false,
        picks: L.wagers?.roundIndex === m.roundIndex ? L.wagers.picks : [] };
      L.step = 'staking';
      break;
    case 'wagers':
      L.wagers = { ...(L.wagers?.roundIndex === m.roundIndex ? L.wagers : { roundIndex: m.roundIndex, stakes: null,
        deadline: null, order: null, turnTeamId: null }), picks: m.picks || [], complete: !!m.complete };
      if (m.complete && L.step === 'staking') L.step = null;
      break;
    case 'judged':
      if (L.question && m.questionId !== L.question.questionId) break;
      L.judged = [...L.judged, m];
      L.turn = null;
      // a wrong answer with a rebound opens the buzz again (buzzOpen follows); otherwise the question is over
      L.step = 'over';
      break;
    case 'tiebreak':
      // a team out of the tie-break (a wrong answer), or its winner
      L.tiebreak = { out: [...(L.tiebreak?.out || []), ...(m.event === 'out' ? [m.teamId] : [])],
        winner: m.event === 'out' ? (L.tiebreak?.winner ?? null) : m.teamId };
      break;
    case 'team':
      // the host put a participant in a team (or out: teamId null)
      if (L.you.participantId != null && m.participantId === L.you.participantId) L.you = { ...L.you, teamId: m.teamId ?? null };
      break;
    case 'ruling':
      L.rulings = [...L.rulings.filter(r => r.id !== m.id), m];
      if (Array.isArray(m.teams)) L.teams = ranked(m.teams);
      break;
    case 'progress':
      L.progress = m;
      L.participants = m.participants;
      break;
    case 'ack':
      // a wager's ack has no question: the page's own (it is not an answer)
      if (m.questionId == null) return null;
      if (m.accepted || m.reason === 'ALREADY_ANSWERED') L.answered = true;
      L.pending = null;
      break;
    case 'closed':
      if (L.question && m.questionId === L.question.questionId) { L.phase = 'CLOSED'; stage = 'closed'; }
      break;
    case 'reveal':
      L.reveal = m; L.phase = 'REVEALED'; L.you = { ...L.you, ...m.you }; L.next = m.next ?? null;
      if (Array.isArray(m.teams)) L.teams = ranked(m.teams);
      if (L.round && m.questionType !== 'poll') L.step = 'over';
      stage = 'reveal';
      break;
    case 'leaderboard':
      L.leaderboard = m; L.phase = 'LEADERBOARD'; L.participants = m.participants; L.you = { ...L.you, ...m.you };
      L.next = m.next ?? null;
      if (Array.isArray(m.teams)) L.teams = ranked(m.teams);
      stage = 'leaderboard';
      break;
    case 'finished':
      L.finished = m; L.status = 'FINISHED'; L.phase = null; L.participants = m.participants;
      L.you = { ...L.you, ...m.you };
      if (Array.isArray(m.teams)) L.teams = ranked(m.teams);
      L.step = null; L.turn = null; L.buzz = null;
      stage = 'finished';
      break;
    case 'status':
      L.status = m.status;
      if (m.phase) L.phase = m.phase;
      L.paused = m.status === 'PAUSED';
      L.remainingMs = m.remainingMs ?? null;
      if (L.question && m.deadline) L.question = { ...L.question, deadline: m.deadline };
      break;
    default:
      return null;
  }
  if (stage) L.stage = stage;
  return { stage: !!stage, question: fresh };
}

/** Milliseconds left to answer the current question: frozen while paused, else until its deadline. */
export function timeLeft(L) {
  return L.paused && L.remainingMs != null ? L.remainingMs : (L.question ? L.question.deadline - clock.now() : 0);
}

/**
 * Milliseconds left of what is running now in a team round: the stake pick, the answer turn, the buzz; else
 * the question's own time (timeLeft). Frozen while paused.
 */
export function stepLeft(L) {
  if (L.paused && L.remainingMs != null) return L.remainingMs;
  const until = L.step === 'staking' ? L.wagers?.deadline
    : L.step === 'answering' ? L.turn?.deadline
    : L.step === 'buzzing' ? L.buzz?.deadline : null;
  return until != null ? until - clock.now() : timeLeft(L);
}

/**
 * A socket's onMessage for a live page. Each frame is reduced into model() (a function, as a page may start
 * a fresh model), then the page's hooks run:
 *   stage(stage)   when the frame set the stage (the page picks its view);
 *   question()     when a different question became current;
 *   on[type](m)    the page's own handling of that frame type; returning true means it repainted in place
 *                  (or left the page), so nothing is rendered.
 * Then render() runs. A frame the model does not know and the page has no hook for is ignored.
 */
export function liveFrames(model, { stage, question, on = {}, render }) {
  return m => {
    const change = reduce(model(), m);
    const own = on[m.type];
    if (!change && !own) return;
    if (change?.stage) stage?.(model().stage);
    if (change?.question) question?.();
    if (own && own(m) === true) return;
    render();
  };
}
