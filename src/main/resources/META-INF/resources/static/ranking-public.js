// The public ranking of a self-paced online contest (/s/{code}/ranking): only what the contest's publicRanking
// allows (the top N individuals, the units' figures); the API answers 403 NOT_PUBLIC for the rest.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, ApiError, icon } from './common.js';
import { code, registration, selfApi, errorWords, duration } from './selfapi.js';

const root = document.getElementById('app');
const S = { contest: null, persons: null, units: null, me: null, problem: null, loading: true };

/** One kind of ranking: {items} when public, {hidden: true} when not (403 NOT_PUBLIC), {error} otherwise. */
async function fetchRanking(by) {
  try {
    const res = await selfApi('GET', `/api/self/${code}/rankings?by=${by}&page=0&size=100`);
    return { items: Array.isArray(res) ? res : res?.items || [], total: res?.total ?? null };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.body?.code === 'NOT_PUBLIC')) return { hidden: true };
    return { error: errorWords(e) };
  }
}

async function load() {
  try {
    S.contest = await selfApi('GET', `/api/self/${code}`);
    const p = S.contest.publicRanking || {};
    [S.persons, S.units] = await Promise.all([
      p.persons > 0 ? fetchRanking('person') : { hidden: true },
      p.units && S.contest.units !== 'none' ? fetchRanking('unit') : { hidden: true }]);
    if (registration()) S.me = await selfApi('GET', `/api/self/${code}/me`).catch(() => null);
  } catch (e) {
    S.problem = e instanceof ApiError && e.status === 404 ? t('self.missing') : errorWords(e);
  } finally {
    S.loading = false;
    render();
  }
}

function personsTable(r) {
  if (r.error) return h('div', { class: 'notice error', role: 'alert' }, r.error);
  if (!r.items.length) return h('p', { class: 'muted', id: 'persons-empty' }, t('pubrank.empty'));
  // the public list carries no participant ids: your line is the one with your rank and name
  const best = S.me?.best;
  const isMine = e => !!best && e.rank === best.rank && e.name === S.me.name && (e.unit ?? null) === (S.me.unit ?? null);
  return h('table', { class: 'rank-table', id: 'persons' },
    h('thead', {}, h('tr', {}, h('th', {}, t('pubrank.col.rank')), h('th', {}, t('pubrank.col.name')),
      S.contest.units !== 'none' ? h('th', {}, t('pubrank.col.unit')) : null, h('th', { class: 'num' }, t('pubrank.col.score')),
      h('th', { class: 'num' }, t('pubrank.col.time')))),
    h('tbody', {}, r.items.map(e => h('tr', { class: isMine(e) ? 'me' : null },
      h('td', {}, String(e.rank)), h('td', {}, e.name), S.contest.units !== 'none' ? h('td', {}, e.unit || '') : null,
      h('td', { class: 'num' }, String(e.score)), h('td', { class: 'num' }, duration(e.timeMs))))));
}

const percent = x => (x == null ? '–' : `${Math.round(x * 1000) / 10}%`);
const number = x => (x == null ? '–' : String(Math.round(x * 10) / 10));

function unitsTable(r) {
  if (r.error) return h('div', { class: 'notice error', role: 'alert' }, r.error);
  if (!r.items.length) return h('p', { class: 'muted', id: 'units-empty' }, t('pubrank.empty'));
  return h('table', { class: 'rank-table', id: 'units' },
    h('thead', {}, h('tr', {}, h('th', {}, t('pubrank.col.rank')), h('th', {}, t('pubrank.col.unit')),
      h('th', { class: 'num' }, t('pubrank.col.participants')), h('th', { class: 'num' }, t('pubrank.col.rate')),
      h('th', { class: 'num' }, t('pubrank.col.average')))),
    h('tbody', {}, r.items.map(u => h('tr', { class: S.me?.unit && u.unit === S.me.unit ? 'me' : null },
      h('td', {}, String(u.rank)),
      h('td', {}, u.unit, u.parent ? h('small', { class: 'muted' }, u.parent) : null),
      h('td', { class: 'num' }, String(u.participants ?? '–')), h('td', { class: 'num' }, percent(u.participationRate)),
      h('td', { class: 'num' }, number(u.averageScore))))));
}

function render() {
  document.body.className = 'page-ranking';
  const c = S.contest;
  document.title = `${t('self.ranking')} · ${c?.title || t('app.name')}`;
  const parts = [h('div', { class: 'cert-bar' },
    h('a', { class: 'btn light small', href: `/s/${code}`, id: 'rank-back' }, icon('back'), t('self.back')),
    h('span', { class: 'spacer' }), langButton())];
  if (S.loading) parts.push(h('p', { class: 'center', role: 'status' }, t('waiting')));
  else if (S.problem) parts.push(h('div', { class: 'notice error', role: 'alert', id: 'rank-problem' }, S.problem));
  else {
    parts.push(h('h1', {}, t('self.ranking')), h('p', { class: 'muted', id: 'rank-contest' }, c.title));
    if (S.me?.best?.rank) {
      parts.push(h('p', { class: 'notice ok', id: 'my-rank' }, t('pubrank.mine', { rank: S.me.best.rank, n: S.me.best.of, s: S.me.best.score })));
    }
    if (S.persons.hidden && S.units.hidden) {
      parts.push(h('div', { class: 'notice', role: 'status', id: 'not-public' }, t('pubrank.notPublic')));
    }
    if (!S.persons.hidden) {
      parts.push(h('section', { class: 'card' }, h('h2', {}, t('pubrank.persons', { n: c.publicRanking?.persons ?? '' })), personsTable(S.persons)));
    }
    if (!S.units.hidden) {
      parts.push(h('section', { class: 'card' }, h('h2', {}, t('pubrank.units')), unitsTable(S.units)));
    }
  }
  mount(root, h('main', { class: 'wrap self-ranking' }, parts));
}

onLangChange(render);
render();
load();
