// The self-paced (网络答题) part of the host console's create form: its fields, the body of
// POST /api/contests with "mode": "self-paced", and the unit list uploaded after creating (PUT …/units).
import { t } from './i18n.js';
import { h, csrfToken, ApiError } from './common.js';

const num = v => (v === undefined || v === null || String(v).trim() === '' ? null : Number(v));

/** A Date as the value of a datetime-local input (local time, to the minute). */
export function localInput(d) {
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value (the browser's time zone) as an ISO-8601 instant; null if empty or unreadable. */
export function isoInstant(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The form's defaults: open from now for a week, 10 questions of a pool of 20, one attempt. */
export function onlineDefaults(f) {
  const now = new Date();
  now.setSeconds(0, 0);
  f.opensAt ??= localInput(now);
  f.closesAt ??= localInput(new Date(now.getTime() + 7 * 24 * 3600 * 1000));
  f.perAttempt ??= '10';
  f.attempts ??= '1';
  f.attemptScore ??= 'best';
  f.timing ??= 'each';
  f.onlineScoring ??= 'accuracy';
  f.showAnswers ??= 'afterAttempt';
  f.units ??= 'none';
  f.memberNo ??= 'none';
  f.publicPersons ??= '0';
  f.publicUnits ??= false;
}

/** The fieldset of the self-paced settings. field(id, labelKey, input, hintKey) is the form's labelled field. */
export function onlineFieldset(f, rerender, field) {
  onlineDefaults(f);
  const select = (key, values, prefix) => h('select', { onchange: e => { f[key] = e.target.value; } },
    values.map(v => h('option', { value: v, selected: f[key] === v }, t(`${prefix}.${v}`))));
  const input = (key, attrs = {}) => h('input', { ...attrs, value: f[key] ?? '', oninput: e => { f[key] = e.target.value; } });
  const radios = (name, key, values, prefix) => h('div', { class: 'row', role: 'radiogroup', 'aria-label': t(`${prefix}.label`) },
    values.map(v => h('label', { class: 'check' }, h('input', { type: 'radio', name, value: v, id: `${name}-${v}`, checked: f[key] === v,
      onchange: () => { f[key] = v; rerender(); } }), t(`${prefix}.${v}`))));
  // min-width: a fieldset is as wide as its widest content by default, wider than a phone here
  return h('fieldset', { id: 'online-settings', style: 'min-width:0' }, h('legend', {}, t('new.online.settings')),
    h('div', { class: 'grid2' },
      field('online-opens', 'new.online.opensAt', input('opensAt', { type: 'datetime-local', required: true, style: 'max-width:100%' })),
      field('online-closes', 'new.online.closesAt', input('closesAt', { type: 'datetime-local', required: true, style: 'max-width:100%' })),
      field('online-per-attempt', 'new.online.perAttempt', input('perAttempt', { type: 'number', min: '1', max: '1000' }), 'new.online.perAttempt.hint'),
      field('online-attempts', 'new.online.attempts', input('attempts', { type: 'number', min: '1', max: '100' })),
      field('online-attempt-score', 'new.online.attemptScore', select('attemptScore', ['best', 'last'], 'new.online.attemptScore')),
      field('online-scoring', 'new.scoring', select('onlineScoring', ['accuracy', 'speed'], 'scoring')),
      field('online-show', 'new.online.showAnswers', select('showAnswers', ['afterEach', 'afterAttempt', 'afterClose'], 'new.online.showAnswers')),
      field('online-member-no', 'new.online.memberNo', select('memberNo', ['none', 'optional', 'required'], 'new.online.memberNo'))),
    radios('online-timing', 'timing', ['each', 'total'], 'new.online.timing'),
    f.timing === 'total'
      ? field('online-time-total', 'new.online.timeLimitTotal', input('timeLimitTotal', { type: 'number', min: '1', max: '240' }), 'new.online.timeLimitTotal.hint')
      : field('online-time-limit', 'new.timeLimit', input('onlineTimeLimit', { type: 'number', min: '5', max: '600', placeholder: t('new.timeLimit.default') })),
    radios('online-units', 'units', ['none', 'free', 'upload'], 'new.online.units'),
    f.units === 'upload' ? field('online-units-file', 'new.online.units.file', h('input', { type: 'file', accept: '.csv,.xlsx,text/csv',
      onchange: e => { f.unitsFile = e.target.files?.[0] || null; } }), 'new.online.units.hint') : null,
    h('div', { class: 'grid2' },
      field('online-max', 'new.max', input('onlineMax', { type: 'number', min: '1' })),
      field('online-public-persons', 'new.online.publicPersons', input('publicPersons', { type: 'number', min: '0', max: '1000' }), 'new.online.publicPersons.hint')),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'online-public-units', checked: !!f.publicUnits,
      onchange: e => { f.publicUnits = e.target.checked; } }), t('new.online.publicUnits')));
}

/** The body of POST /api/contests for a self-paced contest; questionIds or draw are the form's, as for a live one. */
export function onlineBody(f) {
  onlineDefaults(f);
  const total = f.timing === 'total' ? num(f.timeLimitTotal) : null;
  return {
    title: (f.title || '').trim(),
    mode: 'self-paced',
    opensAt: isoInstant(f.opensAt),
    closesAt: isoInstant(f.closesAt),
    questionsPerAttempt: num(f.perAttempt),
    attemptsAllowed: num(f.attempts),
    attemptScore: f.attemptScore,
    timeLimit: f.timing === 'total' ? null : num(f.onlineTimeLimit),
    timeLimitTotal: total === null ? null : total * 60,
    scoring: { mode: f.onlineScoring },
    showAnswers: f.showAnswers,
    units: f.units === 'free' ? 'free' : null,
    identity: { memberNo: f.memberNo },
    publicRanking: { persons: num(f.publicPersons) ?? 0, units: !!f.publicUnits },
    maxParticipants: num(f.onlineMax),
  };
}

/** The Content-Type the server reads a unit list by: the browser's, else from the file's name. */
export function unitsType(file) {
  if (file.type) return file.type;
  return /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

/** PUT /api/contests/{id}/units with the file's bytes and its Content-Type (CSV or XLSX); the stored list. */
export async function uploadUnits(id, file) {
  const res = await fetch(`/api/contests/${id}/units`, { method: 'PUT', credentials: 'same-origin', body: file,
    headers: { 'Content-Type': unitsType(file), 'Accept': 'application/json', 'X-CSRF-Token': csrfToken(),
      'X-Requested-With': 'XMLHttpRequest' } });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { message: text }; }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
