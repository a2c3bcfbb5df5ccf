// The live contest as the socket frames describe it (docs/protocol.md): one reducer for the phone, the host
// console and the projector. A page keeps its rendering and the handling that is its own (hooks below).
import { clock } from './common.js';

/**
 * A fresh model. stage is what is on show: lobby, question, closed, reveal, leaderboard or finished (null
 * before the first frame). answered and pending are the participant's own: whether they have answered the
 * current question, and the answer that waits for its ack (resent after a reconnect).
 */
export function liveState() {
  return {
    title: '', status: null, phase: null, stage: null,
    question: null, paused: false, remainingMs: null,
    participants: null, names: [],
    progress: null, reveal: null, leaderboard: null, finished: null,
    you: {}, answered: false, pending: null,
    allowedActions: null,
  };
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
      // the server sends the question only while the contest is running or paused
      if (m.status === 'LOBBY') stage = 'lobby';
      else if (m.status === 'FINISHED') stage = 'finished';
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
      L.paused = false; L.remainingMs = null;
      stage = 'question'; fresh = true;
      break;
    case 'progress':
      L.progress = m;
      L.participants = m.participants;
      break;
    case 'ack':
      if (m.accepted || m.reason === 'ALREADY_ANSWERED') L.answered = true;
      L.pending = null;
      break;
    case 'closed':
      if (L.question && m.questionId === L.question.questionId) { L.phase = 'CLOSED'; stage = 'closed'; }
      break;
    case 'reveal':
      L.reveal = m; L.phase = 'REVEALED'; L.you = { ...L.you, ...m.you };
      stage = 'reveal';
      break;
    case 'leaderboard':
      L.leaderboard = m; L.phase = 'LEADERBOARD'; L.participants = m.participants; L.you = { ...L.you, ...m.you };
      stage = 'leaderboard';
      break;
    case 'finished':
      L.finished = m; L.status = 'FINISHED'; L.phase = null; L.participants = m.participants;
      L.you = { ...L.you, ...m.you };
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
