// The certificate of participation (/s/{code}/certificate): the contest's title, the participant's name and
// unit, the best score and the date, on one printable page. Print it, or save it as PDF from the print dialog.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, ApiError, icon } from './common.js';
import { code, registration, forgetRegistration, selfApi, errorWords, day } from './selfapi.js';

const root = document.getElementById('app');
const S = { contest: null, me: null, problem: null, loading: true };

async function load() {
  try {
    S.contest = await selfApi('GET', `/api/self/${code}`);
    if (!registration()) { S.problem = t('cert.notRegistered'); return; }
    S.me = await selfApi('GET', `/api/self/${code}/me`);
    if (!S.me.best) S.problem = t('cert.noScore');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && S.contest) { forgetRegistration(); S.problem = t('cert.notRegistered'); }
    else S.problem = e instanceof ApiError && e.status === 404 && !S.contest ? t('self.missing') : errorWords(e);
  } finally {
    S.loading = false;
    render();
  }
}

/** The date of the counted attempt (else the latest finished one, else today). */
function certDate(me) {
  const done = (me.attempts || []).filter(a => a && a.finishedAt);
  const counted = done.find(a => a.counted);
  const at = counted?.finishedAt ?? (done.length ? Math.max(...done.map(a => a.finishedAt)) : Date.now());
  return day(at);
}

function certificate() {
  const c = S.contest; const me = S.me; const best = me.best;
  const max = (me.attempts || []).find(a => a && a.counted)?.maxScore;
  return h('article', { class: 'certificate', id: 'certificate' },
    h('div', { class: 'cert-frame' },
      h('p', { class: 'cert-kicker' }, t('cert.kicker')),
      h('h1', { class: 'cert-title' }, t('cert.title')),
      h('p', { class: 'cert-name', id: 'cert-name' }, me.name),
      me.unit ? h('p', { class: 'cert-unit', id: 'cert-unit' }, me.unit) : null,
      h('p', { class: 'cert-text', id: 'cert-text' }, t('cert.text', { title: c.title })),
      h('p', { class: 'cert-score', id: 'cert-score' }, max != null ? t('cert.scoreOf', { s: best.score, max }) : t('cert.score', { s: best.score })),
      best.rank ? h('p', { class: 'cert-rank', id: 'cert-rank' }, t('cert.rank', { rank: best.rank, n: best.of })) : null,
      me.unitRank ? h('p', { class: 'cert-rank', id: 'cert-unit-rank' }, t('cert.unitRank', { rank: me.unitRank.rank, n: me.unitRank.of })) : null,
      h('div', { class: 'cert-foot' },
        h('span', { id: 'cert-date' }, certDate(me)),
        h('span', { class: 'cert-seal' }, icon('star'), t('app.name')))));
}

function render() {
  document.body.className = 'page-cert';
  document.title = `${t('cert.title')} · ${S.contest?.title || t('app.name')}`;
  const bar = h('div', { class: 'cert-bar no-print' },
    h('a', { class: 'btn light small', href: `/s/${code}`, id: 'cert-back' }, icon('back'), t('self.back')),
    h('span', { class: 'spacer' }),
    S.me?.best ? h('button', { type: 'button', class: 'btn small', id: 'print', onclick: () => window.print() }, t('cert.print')) : null,
    langButton());
  let body;
  if (S.loading) body = h('p', { class: 'center', role: 'status' }, t('waiting'));
  else if (S.problem) body = h('div', { class: 'notice', role: 'alert', id: 'cert-none' }, S.problem, ' ',
    S.contest ? h('a', { href: `/s/${code}` }, t('cert.toContest')) : null);
  else body = certificate();
  mount(root, bar, S.me?.best && !S.problem ? h('p', { class: 'cert-hint no-print' }, t('cert.hint')) : null, body);
}

onLangChange(render);
render();
load();
