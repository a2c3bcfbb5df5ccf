// Organizer page (/admin): the bank, imports with preview, exports and templates, past contests.
import { t, onLangChange } from './i18n.js';
import { h, mount, api, staffHeader, errorText, ApiError, LETTERS, icon, optionText, rankedList, multiplierBadge } from './common.js';

const root = document.getElementById('app');
const TYPES = ['single', 'multiple', 'true_false', 'text', 'numeric', 'ordering', 'poll'];
/** Types whose options the editor asks for; an ordering's are typed in the right order, which is its answer. */
const WITH_OPTIONS = ['single', 'multiple', 'ordering', 'poll'];
const FORMATS = ['yaml', 'json', 'csv', 'xlsx', 'gift', 'aiken', 'moodle-xml'];
const S = { session: null, tab: 'bank', sets: null, search: { q: '', set: '', type: '', page: 0 }, page: null, error: null,
  flash: null, editing: null, editErrors: [], editingSet: null, imp: { mode: 'existing', set: '', title: '', format: '', onDuplicate: 'skip' },
  report: null, importing: false, contests: null, results: null, exportFormat: {}, imageSlots: {} };

// ---------------------------------------------------------------- routing and data

function route() {
  const m = location.hash.match(/^#contest=(\d+)/);
  S.error = null;
  if (m) { S.tab = 'contests'; loadResults(Number(m[1])); }
  else { S.tab = ['bank', 'import', 'contests'].includes(location.hash.slice(1)) ? location.hash.slice(1) : 'bank'; S.results = null; }
  if (S.tab === 'bank' || S.tab === 'import') { loadSets(); if (S.tab === 'bank') search(); }
  if (S.tab === 'contests' && !m) loadContests();
  render();
}

async function loadSets() {
  try { S.sets = await api('GET', '/api/question-sets'); } catch (e) { S.error = errorText(e); }
  render();
}

async function search() {
  const f = S.search;
  const qs = new URLSearchParams({ page: String(f.page), size: '20' });
  ['q', 'set', 'type'].forEach(k => f[k] && qs.set(k, f[k]));
  try { S.page = await api('GET', `/api/questions?${qs}`); } catch (e) { S.error = errorText(e); }
  render();
}

async function loadContests() {
  try { S.contests = await api('GET', '/api/contests'); }
  catch (e) { S.contests = []; S.error = e instanceof ApiError && e.status === 403 ? t('admin.contests.forbidden') : errorText(e); }
  render();
}

async function loadResults(id) {
  try { S.results = await api('GET', `/api/contests/${id}/results`); } catch (e) { S.error = errorText(e); }
  render();
}

// ---------------------------------------------------------------- bank

function viewBank() {
  const f = S.search;
  const setOptions = sel => [h('option', { value: '' }, t('new.any')), (S.sets || []).map(s => h('option', { value: s.id, selected: sel === s.id }, s.title))];
  const searchForm = h('form', { class: 'row', role: 'search', onsubmit: ev => { ev.preventDefault(); f.page = 0; search(); } },
    h('div', { class: 'grow' }, h('label', { for: 'bank-q' }, t('admin.search')),
      h('input', { id: 'bank-q', type: 'search', value: f.q, oninput: e => { f.q = e.target.value; } })),
    h('div', {}, h('label', { for: 'bank-set' }, t('new.set')), h('select', { id: 'bank-set', onchange: e => { f.set = e.target.value; } }, setOptions(f.set))),
    h('div', {}, h('label', { for: 'bank-type' }, t('admin.type')), h('select', { id: 'bank-type', onchange: e => { f.type = e.target.value; } },
      h('option', { value: '' }, t('new.any')), TYPES.map(ty => h('option', { value: ty, selected: f.type === ty }, t(`type.${ty}`))))),
    h('div', {}, h('label', { 'aria-hidden': 'true' }, ' '), h('button', { type: 'submit', class: 'btn', id: 'bank-search' }, t('new.search.go'))));
  const p = S.page;
  const rows = (p?.items || []).map(q => h('tr', { 'data-qid': q.id },
    h('td', {}, q.id), h('td', {}, t(`type.${q.type}`)), h('td', {}, q.stem),
    h('td', {}, answerText(q)),
    h('td', {}, h('div', { class: 'row' },
      h('button', { type: 'button', class: 'btn small', 'aria-label': t('admin.edit.label', { id: q.id }), onclick: () => openEditor(q) }, t('admin.edit')),
      h('button', { type: 'button', class: 'btn small danger', 'aria-label': t('admin.delete.label', { id: q.id }), onclick: () => removeQuestion(q) }, t('admin.delete'))))));
  const sets = h('section', { class: 'card' },
    h('div', { class: 'row' }, h('h2', { class: 'grow' }, t('admin.sets')),
      h('button', { type: 'button', class: 'btn small', onclick: () => openSetEditor(null) }, icon('plus'), ` ${t('admin.set.new')}`),
      h('a', { class: 'btn small light', href: '/api/imports/templates/csv', download: '' }, t('admin.template.csv')),
      h('a', { class: 'btn small light', href: '/api/imports/templates/xlsx', download: '' }, t('admin.template.xlsx'))),
    h('table', {}, h('thead', {}, h('tr', {}, ['admin.col.set', 'admin.col.count', 'admin.export', ''].map(k => h('th', { scope: 'col' }, k ? t(k) : '')))),
      h('tbody', {}, (S.sets || []).map(s => {
        const fmt = S.exportFormat[s.id] || 'yaml';
        const link = h('a', { class: 'btn small', href: `/api/question-sets/${encodeURIComponent(s.id)}/export?format=${fmt}`, download: '' }, t('admin.download'));
        return h('tr', {}, h('td', {}, s.title, h('br'), h('small', { class: 'muted' }, s.id)), h('td', {}, String(s.questionCount ?? '')),
          h('td', {}, h('div', { class: 'row' }, h('select', { 'aria-label': t('admin.export.format', { set: s.title }), onchange: e => {
            S.exportFormat[s.id] = e.target.value; link.href = `/api/question-sets/${encodeURIComponent(s.id)}/export?format=${e.target.value}`; } },
            FORMATS.map(x => h('option', { value: x, selected: x === fmt }, x))), link)),
          h('td', {}, h('button', { type: 'button', class: 'btn small light', onclick: () => openSetEditor(s) }, t('admin.edit'))));
      }))));
  return [sets, h('section', { class: 'card' },
    h('div', { class: 'row' }, h('h2', { class: 'grow' }, t('admin.questions')),
      h('button', { type: 'button', class: 'btn small', id: 'new-question', onclick: () => openEditor(null) }, icon('plus'), ` ${t('admin.question.new')}`)),
    searchForm,
    p ? h('p', { class: 'muted' }, t('admin.found', { n: p.total })) : null,
    h('table', { id: 'bank-table' }, h('thead', {}, h('tr', {}, ['ID', t('admin.type'), t('admin.stem'), t('admin.answer'), ''].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)),
    p ? h('div', { class: 'row' },
      h('button', { type: 'button', class: 'btn small light', disabled: p.page === 0, onclick: () => { f.page--; search(); } }, t('prev')),
      h('span', {}, t('admin.page', { p: p.page + 1, n: Math.max(1, Math.ceil(p.total / p.size)) })),
      h('button', { type: 'button', class: 'btn small light', disabled: (p.page + 1) * p.size >= p.total, onclick: () => { f.page++; search(); } }, t('next'))) : null)];
}

function answerText(q) {
  if (q.type === 'ordering' && Array.isArray(q.answer)) return q.answer.join(' → ');
  if (Array.isArray(q.answer)) return q.answer.join(' / ');
  if (q.type === 'true_false') return q.answer ? t('tf.true') : t('tf.false');
  return q.answer === undefined || q.answer === null ? '' : String(q.answer) + (q.tolerance ? ` ± ${q.tolerance}` : '');
}

async function removeQuestion(q) {
  if (!confirm(t('admin.delete.confirm', { id: q.id }))) return;
  try { await api('DELETE', `/api/questions/${encodeURIComponent(q.id)}`); S.flash = t('admin.deleted'); search(); }
  catch (e) { S.error = errorText(e); render(); }
}

function openEditor(q) {
  S.editing = q ? { ...q, isNew: false } : { isNew: true, type: 'single', set: S.search.set || '', options: ['', ''], difficulty: 1, timeLimit: 20, points: 1000 };
  // option pictures by option text, so they follow their option when the lines are reordered or edited around
  S.editing.optionImageByText = {};
  (q?.options || []).forEach((o, i) => { if (q.optionImages?.[i]) S.editing.optionImageByText[o] = q.optionImages[i]; });
  S.editErrors = [];
  render();
}

/**
 * A picture slot of the question editor: drop a file onto it, or choose one with its file input (the
 * keyboard's way in); it uploads through POST /api/media and shows a preview, Replace and Remove.
 * set(url) stores the new URL (null: removed) and re-renders.
 */
function imageSlot(id, label, url, set) {
  const slot = S.imageSlots[id] || {};
  const upload = async file => {
    if (!file) return;
    S.imageSlots[id] = { busy: true };
    render();
    const form = new FormData();
    form.append('file', file);
    try {
      const m = await api('POST', '/api/media', form);
      S.imageSlots[id] = {};
      set(m.url);
    } catch (e) {
      S.imageSlots[id] = { error: errorText(e) };
      render();
    }
  };
  const input = h('input', { type: 'file', id: `${id}-file`, accept: 'image/png,image/jpeg,image/webp,image/gif',
    disabled: slot.busy, onchange: e => upload(e.target.files?.[0]) });
  const zone = h('div', { class: `drop-zone${url ? ' has-image' : ''}`, id, 'data-image': url || null,
      ondragover: e => { e.preventDefault(); zone.classList.add('over'); },
      ondragleave: () => zone.classList.remove('over'),
      ondrop: e => { e.preventDefault(); zone.classList.remove('over'); upload(e.dataTransfer?.files?.[0]); } },
    h('span', { class: 'drop-label' }, label),
    url ? h('img', { class: 'drop-preview', src: url, alt: t('admin.image.preview', { what: label }) }) : null,
    h('label', { for: input.id, class: 'btn small light' }, url ? t('admin.image.replace') : t('admin.image.choose')), input,
    url ? h('button', { type: 'button', class: 'btn small light', id: `${id}-remove`, onclick: () => set(null) }, t('admin.image.remove')) : null,
    h('span', { class: 'hint' }, slot.busy ? t('admin.image.uploading') : t('admin.image.drop')),
    slot.error ? h('div', { class: 'field-error', role: 'alert' }, slot.error) : null);
  return zone;
}

/** The editor's picture slots: the question's, and one per option line of a choice question. */
/**
 * The picture slots follow the options as they are typed. Only the slots are replaced: re-rendering the whole
 * form on the textarea's change (its blur) would replace the Save button under a click that caused the blur.
 */
function refreshImageSlots(q) {
  document.getElementById('edit-images')?.replaceWith(imageSlots(q, WITH_OPTIONS.includes(q.type)));
}

function imageSlots(q, choice) {
  const errs = [...errorsFor('image'), ...errorsFor('optionImages')];
  const opts = choice ? (q.optionsText !== undefined ? lines(q.optionsText) : (q.options || []).filter(Boolean)) : [];
  return h('fieldset', { id: 'edit-images' }, h('legend', {}, t('admin.image.legend')),
    imageSlot('image-question', t('admin.image.question'), q.image, u => { q.image = u; render(); }),
    opts.map((o, i) => imageSlot(`image-option-${i}`, t('admin.image.option', { n: LETTERS[i] || i + 1, text: o }),
      q.optionImageByText[o], u => { if (u) q.optionImageByText[o] = u; else delete q.optionImageByText[o]; render(); })),
    errs.length ? h('div', { class: 'field-error', role: 'alert' }, errs.map(e => `${e.field}: ${e.message}`).join('; ')) : null);
}

function openSetEditor(s) {
  S.editingSet = s ? { ...s, isNew: false } : { isNew: true, language: 'zh-CN' };
  S.editErrors = [];
  render();
}

function errorsFor(name) {
  return S.editErrors.filter(e => (e.field || '').replace(/^.*\bquestion\./, '').split(/[.[]/)[0] === name.split('.')[0]
    && (!name.includes('.') || e.field.includes(name)));
}

function editorField(name, labelKey, input) {
  input.id = `edit-${name.replace('.', '-')}`;
  const errs = errorsFor(name);
  if (errs.length) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', `${input.id}-err`); }
  return h('div', {}, h('label', { for: input.id }, t(labelKey)), input,
    errs.length ? h('div', { class: 'field-error', id: `${input.id}-err`, role: 'alert' }, errs.map(e => e.message).join('; ')) : null);
}

function viewEditor() {
  const q = S.editing;
  const choice = WITH_OPTIONS.includes(q.type);
  const noAnswer = ['ordering', 'poll'].includes(q.type);
  const ans = q.answer;
  const answerInput = q.type === 'true_false'
    ? h('select', { onchange: e => { q.answer = e.target.value === 'true'; } },
      h('option', { value: 'true', selected: ans === true }, t('tf.true')), h('option', { value: 'false', selected: ans === false }, t('tf.false')))
    : h('textarea', { rows: '2', oninput: e => { q.answerText = e.target.value; } },
      q.answerText ?? (Array.isArray(ans) ? ans.join('\n') : ans ?? ''));
  const form = h('form', { class: 'card', id: 'question-form', onsubmit: saveQuestion },
    h('h2', {}, q.isNew ? t('admin.question.new') : t('admin.question.edit', { id: q.id })),
    h('div', { class: 'grid2' },
      editorField('id', 'admin.field.id', h('input', { value: q.id || '', disabled: !q.isNew, oninput: e => { q.id = e.target.value; } })),
      editorField('set', 'new.set', h('select', { onchange: e => { q.set = e.target.value; } },
        (S.sets || []).map(s => h('option', { value: s.id, selected: q.set === s.id }, s.title))))),
    editorField('type', 'admin.type', h('select', { onchange: e => { q.type = e.target.value; render(); } },
      TYPES.map(ty => h('option', { value: ty, selected: q.type === ty }, t(`type.${ty}`))))),
    editorField('stem', 'admin.stem', h('textarea', { required: true, oninput: e => { q.stem = e.target.value; } }, q.stem || '')),
    choice ? editorField('options', q.type === 'ordering' ? 'admin.field.options.ordering' : 'admin.field.options',
      h('textarea', { rows: '4', oninput: e => { q.optionsText = e.target.value; refreshImageSlots(q); } },
        q.optionsText ?? (q.type === 'ordering' && Array.isArray(ans) ? ans : q.options || []).join('\n'))) : null,
    imageSlots(q, choice),
    q.type === 'poll' ? h('p', { class: 'muted', id: 'poll-hint' }, t('admin.poll.hint')) : null,
    noAnswer ? (errorsFor('answer').length ? h('div', { class: 'field-error', role: 'alert' }, errorsFor('answer').map(e => e.message).join('; ')) : null)
      : editorField('answer', q.type === 'true_false' ? 'admin.answer' : `admin.field.answer.${q.type}`, answerInput),
    q.type === 'numeric' ? editorField('tolerance', 'admin.field.tolerance', h('input', { type: 'number', step: 'any', value: q.tolerance ?? '', oninput: e => { q.tolerance = e.target.value; } })) : null,
    editorField('explanation', 'admin.field.explanation', h('textarea', { rows: '2', oninput: e => { q.explanation = e.target.value; } }, q.explanation || '')),
    h('div', { class: 'grid2' },
      editorField('tags', 'admin.field.tags', h('input', { value: q.tagsText ?? (q.tags || []).join(', '), oninput: e => { q.tagsText = e.target.value; } })),
      editorField('difficulty', 'new.difficulty', h('select', { onchange: e => { q.difficulty = Number(e.target.value); } },
        [1, 2, 3].map(d => h('option', { value: String(d), selected: q.difficulty === d }, t(`difficulty.${d}`))))),
      editorField('timeLimit', 'new.timeLimit', h('input', { type: 'number', value: q.timeLimit ?? '', oninput: e => { q.timeLimit = e.target.value; } })),
      editorField('points', 'admin.field.points', h('input', { type: 'number', value: q.points ?? '', oninput: e => { q.points = e.target.value; } }))),
    h('fieldset', {}, h('legend', {}, t('admin.field.source')),
      editorField('source.report', 'admin.field.report', h('input', { value: q.source?.report || '', oninput: e => { q.source = { ...q.source, report: e.target.value }; } })),
      editorField('source.excerpt', 'admin.field.excerpt', h('textarea', { rows: '2', oninput: e => { q.source = { ...q.source, excerpt: e.target.value }; } }, q.source?.excerpt || '')),
      editorField('source.url', 'admin.field.url', h('input', { value: q.source?.url || '', oninput: e => { q.source = { ...q.source, url: e.target.value }; } }))),
    S.editError ? h('div', { class: 'notice error', role: 'alert' }, S.editError) : null,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'btn', id: 'save-question' }, t('save')),
      h('button', { type: 'button', class: 'btn light', onclick: () => { S.editing = null; S.editError = null; render(); } }, t('cancel'))));
  return form;
}

const lines = s => (s || '').split('\n').map(x => x.trim()).filter(Boolean);
const blank = v => v === undefined || v === null || String(v).trim() === '';

async function saveQuestion(ev) {
  ev.preventDefault();
  const q = S.editing;
  const options = WITH_OPTIONS.includes(q.type) ? (q.optionsText !== undefined ? lines(q.optionsText)
    : q.type === 'ordering' && Array.isArray(q.answer) ? q.answer : q.options) : null;
  let answer = q.answer;
  if (q.type === 'ordering') answer = options;
  else if (q.type === 'poll') answer = null;
  else if (q.type !== 'true_false') {
    const text = q.answerText ?? (Array.isArray(q.answer) ? q.answer.join('\n') : q.answer ?? '');
    if (q.type === 'multiple' || q.type === 'text') answer = lines(String(text));
    else if (q.type === 'numeric') answer = blank(text) ? null : Number(text);
    else answer = String(text).trim();
  } else if (typeof answer !== 'boolean') answer = true;
  const src = q.source && (q.source.report || q.source.excerpt || q.source.url) ? {
    report: q.source.report || null, excerpt: q.source.excerpt || null, url: q.source.url || null } : null;
  const body = { id: q.isNew ? (q.id || null) : q.id, set: q.set || (S.sets?.[0]?.id ?? null), type: q.type, stem: q.stem, options, answer,
    tolerance: q.type === 'numeric' && !blank(q.tolerance) ? Number(q.tolerance) : null, explanation: q.explanation || null, source: src,
    tags: q.tagsText !== undefined ? q.tagsText.split(/[,，]/).map(s => s.trim()).filter(Boolean) : (q.tags || []),
    difficulty: q.difficulty ?? null, timeLimit: blank(q.timeLimit) ? null : Number(q.timeLimit), points: blank(q.points) ? null : Number(q.points),
    image: q.image || null, optionImages: options ? options.map(o => q.optionImageByText[o] || null) : null };
  try {
    if (q.isNew) await api('POST', '/api/questions', body);
    else await api('PUT', `/api/questions/${encodeURIComponent(q.id)}`, body);
    S.editing = null; S.editError = null; S.flash = t('admin.saved');
    search(); loadSets();
  } catch (e) {
    S.editErrors = e.body?.errors || [];
    S.editError = errorText(e);
    render();
  }
}

function viewSetEditor() {
  const s = S.editingSet;
  return h('form', { class: 'card', id: 'set-form', onsubmit: saveSet },
    h('h2', {}, s.isNew ? t('admin.set.new') : t('admin.set.edit', { title: s.title })),
    editorField('id', 'admin.field.id', h('input', { value: s.id || '', disabled: !s.isNew, required: true, pattern: '[a-z0-9][a-z0-9-]*', oninput: e => { s.id = e.target.value; } })),
    editorField('title', 'new.title', h('input', { value: s.title || '', required: true, oninput: e => { s.title = e.target.value; } })),
    editorField('description', 'admin.field.description', h('textarea', { oninput: e => { s.description = e.target.value; } }, s.description || '')),
    editorField('language', 'admin.field.language', h('input', { value: s.language || '', oninput: e => { s.language = e.target.value; } })),
    editorField('tags', 'admin.field.tags', h('input', { value: s.tagsText ?? (s.tags || []).join(', '), oninput: e => { s.tagsText = e.target.value; } })),
    S.editError ? h('div', { class: 'notice error', role: 'alert' }, S.editError) : null,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'btn' }, t('save')),
      h('button', { type: 'button', class: 'btn light', onclick: () => { S.editingSet = null; S.editError = null; render(); } }, t('cancel'))));
}

async function saveSet(ev) {
  ev.preventDefault();
  const s = S.editingSet;
  const body = { id: s.id, title: s.title, description: s.description || null, language: s.language || null,
    tags: s.tagsText !== undefined ? s.tagsText.split(/[,，]/).map(x => x.trim()).filter(Boolean) : (s.tags || []) };
  try {
    if (s.isNew) await api('POST', '/api/question-sets', body);
    else await api('PUT', `/api/question-sets/${encodeURIComponent(s.id)}`, body);
    S.editingSet = null; S.editError = null; S.flash = t('admin.saved'); loadSets();
  } catch (e) { S.editErrors = e.body?.errors || []; S.editError = errorText(e); render(); }
}

// ---------------------------------------------------------------- import

let fileInput = null;

function viewImport() {
  const I = S.imp;
  fileInput = fileInput || h('input', { type: 'file', id: 'import-file', name: 'file',
    accept: '.csv,.tsv,.txt,.xlsx,.yaml,.yml,.json,.gift,.xml,.aiken' });
  const form = h('form', { class: 'card', id: 'import-form', onsubmit: ev => { ev.preventDefault(); runImport('preview'); } },
    h('h2', {}, t('admin.import')),
    h('p', { class: 'muted' }, t('admin.import.hint')),
    h('label', { for: 'import-file' }, t('admin.import.file')), fileInput,
    h('div', { class: 'grid2' },
      h('div', {}, h('label', { for: 'import-format' }, t('admin.import.format')),
        h('select', { id: 'import-format', onchange: e => { I.format = e.target.value; } },
          h('option', { value: '' }, t('admin.import.detect')), FORMATS.map(f => h('option', { value: f, selected: I.format === f }, f)))),
      h('div', {}, h('label', { for: 'import-dup' }, t('admin.import.dup')),
        h('select', { id: 'import-dup', onchange: e => { I.onDuplicate = e.target.value; } },
          ['skip', 'update', 'fail'].map(d => h('option', { value: d, selected: I.onDuplicate === d }, t(`dup.${d}`)))))),
    h('fieldset', {}, h('legend', {}, t('admin.import.target')),
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'target', value: 'existing', checked: I.mode === 'existing', onchange: () => { I.mode = 'existing'; render(); } }), t('admin.import.existing')),
      I.mode === 'existing' ? h('select', { id: 'import-set', 'aria-label': t('new.set'), onchange: e => { I.set = e.target.value; } },
        (S.sets || []).map(s => h('option', { value: s.id, selected: I.set === s.id }, s.title))) : null,
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'target', value: 'new', id: 'target-new', checked: I.mode === 'new', onchange: () => { I.mode = 'new'; render(); } }), t('admin.import.new')),
      I.mode === 'new' ? h('input', { id: 'import-new-title', 'aria-label': t('admin.import.newTitle'), value: I.title, placeholder: t('admin.import.newTitle'), oninput: e => { I.title = e.target.value; } }) : null),
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'btn', id: 'import-preview', disabled: S.importing }, t('admin.import.preview')),
      h('button', { type: 'button', class: 'btn dark', id: 'import-commit', disabled: S.importing || !S.report || S.report.committed || (S.report.errors || []).length > 0,
        onclick: () => runImport('commit') }, t('admin.import.commit')),
      h('a', { class: 'btn small light', href: '/api/imports/templates/csv', download: '' }, t('admin.template.csv')),
      h('a', { class: 'btn small light', href: '/api/imports/templates/xlsx', download: '' }, t('admin.template.xlsx'))));
  return [form, S.report ? viewReport(S.report) : null];
}

async function runImport(mode) {
  const I = S.imp;
  const file = fileInput?.files?.[0];
  if (!file) { S.error = t('admin.import.nofile'); render(); return; }
  const fd = new FormData();
  fd.append('file', file, file.name);
  if (I.format) fd.append('format', I.format);
  if (I.mode === 'new') fd.append('newSetTitle', I.title || file.name.replace(/\.[^.]+$/, ''));
  else fd.append('set', I.set || S.sets?.[0]?.id || '');
  fd.append('mode', mode);
  fd.append('onDuplicate', I.onDuplicate);
  S.importing = true; S.error = null; render();
  try {
    S.report = await api('POST', '/api/imports', fd);
    if (S.report.committed) { S.flash = t('admin.import.done', { n: S.report.counts.toCreate + S.report.counts.toUpdate }); loadSets(); }
  } catch (e) {
    if (e.body && (e.body.errors || e.body.counts)) S.report = e.body;
    else S.error = errorText(e);
  } finally { S.importing = false; render(); }
}

const where = p => (p.line != null ? t('admin.where.line', { n: p.line }) : p.row != null ? t('admin.where.row', { sheet: p.sheet || '', n: p.row }) : '');
const key = p => (p.line != null ? `L${p.line}` : p.row != null ? `R${p.sheet || ''}!${p.row}` : null);

function viewReport(r) {
  const errs = r.errors || [];
  const warns = r.warnings || [];
  const byKey = new Map();
  [...errs.map(e => ({ ...e, level: 'error' })), ...warns.map(w => ({ ...w, level: 'warning' }))].forEach(p => {
    const k = key(p); if (!k) return;
    byKey.set(k, [...(byKey.get(k) || []), p]);
  });
  const rows = (r.questions || []).map(it => ({ pos: it, item: it }));
  const seen = new Set(rows.map(x => key(x.pos)));
  for (const [k, ps] of byKey) if (!seen.has(k)) rows.push({ pos: ps[0], item: null });
  rows.sort((a, b) => (a.pos.line ?? a.pos.row ?? 0) - (b.pos.line ?? b.pos.row ?? 0));
  const general = errs.filter(e => !key(e));
  const c = r.counts || {};
  return h('section', { class: 'card', id: 'import-report', 'aria-labelledby': 'report-h' },
    h('h2', { id: 'report-h' }, r.committed ? [icon('check'), ` ${t('admin.import.committed')}`] : t('admin.import.report')),
    h('p', {}, t('admin.import.summary', { format: r.format || '?', encoding: r.encoding || '–', parsed: c.parsed ?? 0,
      create: c.toCreate ?? 0, update: c.toUpdate ?? 0, skipped: c.skipped ?? 0, dup: c.duplicate ?? 0 })),
    errs.length ? h('div', { class: 'notice error', role: 'alert', id: 'import-errors' }, icon('cross'), ` ${t('admin.import.haserrors', { n: errs.length })}`,
      general.length ? h('ul', {}, general.map(e => h('li', {}, e.message))) : null)
      : h('div', { class: 'notice ok', role: 'status' }, icon('check'), ` ${r.committed ? t('admin.import.committed') : t('admin.import.noerrors')}`),
    h('table', { id: 'preview-table' },
      h('thead', {}, h('tr', {}, ['admin.import.where', 'admin.import.action', 'admin.type', 'admin.stem', 'admin.answer', 'admin.import.problems'].map(k => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map(({ pos, item }) => {
        const ps = byKey.get(key(pos)) || [];
        const bad = ps.some(p => p.level === 'error');
        const q = item?.question || {};
        return h('tr', { class: bad ? 'has-error' : '', 'data-where': key(pos) || '' },
          h('td', {}, where(pos)), h('td', {}, item ? t(`action.import.${item.action}`) : t('action.import.error')),
          h('td', {}, q.type ? t(`type.${q.type}`) : ''), h('td', {}, q.stem || ''), h('td', {}, q.answer !== undefined ? answerText(q) : ''),
          h('td', { class: 'err' }, ps.map(p => h('div', {}, icon(p.level === 'error' ? 'cross' : 'warn'), ` ${p.column ? `[${p.column}] ` : ''}${p.field ? p.field + ': ' : ''}${p.message}`))));
      }))));
}

// ---------------------------------------------------------------- contests and results

function viewContests() {
  if (S.results) return viewResults(S.results);
  return [h('section', { class: 'card' }, h('h2', {}, t('admin.contests')),
    S.contests === null ? t('loading') : S.contests.length === 0 ? t('host.none') :
      h('table', {}, h('thead', {}, h('tr', {}, ['host.col.title', 'host.col.status', 'admin.col.people', 'admin.col.date', ''].map(k => h('th', { scope: 'col' }, k ? t(k) : '')))),
        h('tbody', {}, S.contests.map(c => h('tr', {}, h('td', {}, c.title), h('td', {}, h('span', { class: 'status-tag' }, t(`status.${c.status}`))),
          h('td', { class: 'people' }, String(c.participants ?? '–')), h('td', {}, c.createdAt ? new Date(c.createdAt).toLocaleString() : ''),
          h('td', {}, h('a', { class: 'btn small', href: `#contest=${c.id}` }, t('results.details'))))))))];
}

function hbar(label, value, max, text, ok) {
  return h('div', { class: 'hbar' }, h('span', {}, label),
    h('div', { class: 'track', 'aria-hidden': 'true' }, h('div', { class: `fill${ok ? ' ok' : ''}`, style: `width:${max ? (100 * value) / max : 0}%` })),
    h('span', {}, text));
}

function viewResults(r) {
  return [h('div', { class: 'row' }, h('a', { class: 'btn small light', href: '#contests' }, icon('back'), ` ${t('host.back')}`),
      h('h1', { class: 'grow' }, r.title), h('span', { class: 'status-tag' }, t(`status.${r.status}`)),
      h('a', { class: 'btn small', href: `/api/contests/${r.contestId}/results?format=csv`, download: '' }, t('results.csv')),
      h('a', { class: 'btn small', href: `/api/contests/${r.contestId}/results?format=xlsx`, download: '' }, t('results.xlsx'))),
    h('section', { class: 'card' }, h('h2', {}, t('results.standings', { n: r.participants })),
      h('table', { id: 'standings' }, h('thead', {}, h('tr', {}, ['results.rank', 'results.nickname', 'results.score', 'results.correct', 'results.time'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, r.standings.map(s => h('tr', {}, h('td', {}, String(s.rank)), h('td', {}, s.nickname), h('td', {}, String(s.score)),
          h('td', {}, String(s.correct)), h('td', {}, (s.correctTimeMs / 1000).toFixed(1))))))),
    h('section', { class: 'card' }, h('h2', {}, t('results.questions')),
      r.questions.map(q => h('div', { class: 'card', style: 'box-shadow:none;border:2px solid #e4dff0' },
        h('h3', {}, `${q.index + 1}. ${q.stem}`, multiplierBadge(q.multiplier, `result-mult-${q.index}`)),
        q.correctPercent == null ? h('p', { class: 'muted' }, t('results.poll'))
          : hbar(t('results.correctPct'), q.correctPercent, 100, `${q.correctPercent}%`, true),
        h('p', { class: 'muted' }, t('results.qline', { a: q.answered, s: q.averageTimeMs == null ? '–' : (q.averageTimeMs / 1000).toFixed(1) })),
        q.type === 'ordering' ? h('p', { class: 'muted' }, t('results.ordering')) : null,
        q.options ? (() => { const max = Math.max(1, ...q.options.map(o => o.count)); return q.options.map((o, i) =>
          hbar([o.position ? `${o.position}. ${optionText(q, o)}` : `${LETTERS[i]}. ${optionText(q, o)}`,
            o.correct && !o.position ? icon('check', t('screen.correct')) : null], o.count, max, String(o.count), o.correct)); })()
          : rankedList(q.distribution))))];
}

// ---------------------------------------------------------------- page

function render() {
  document.title = `${t('admin.title')} · ${t('app.name')}`;
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('admin.title') }, ['bank', 'import', 'contests'].map(tab =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-selected': String(S.tab === tab), 'aria-controls': 'panel',
      onclick: () => { location.hash = `#${tab}`; } }, t(`admin.tab.${tab}`))));
  const panel = { bank: viewBank, import: viewImport, contests: viewContests }[S.tab]();
  let dialog = null;
  if (S.editing || S.editingSet) {
    dialog = h('dialog', { id: 'editor', 'aria-modal': 'true', oncancel: () => { S.editing = null; S.editingSet = null; render(); } },
      S.editing ? viewEditor() : viewSetEditor());
  }
  mount(root, staffHeader(S.session, 'admin.title'),
    h('main', { class: 'wrap wide' }, h('h1', {}, t('admin.title')),
      S.flash ? h('div', { class: 'notice ok', role: 'status', id: 'flash' }, S.flash) : null,
      S.error ? h('div', { class: 'notice error', role: 'alert', id: 'admin-error' }, S.error) : null,
      tabs, h('div', { class: 'tabpanel', role: 'tabpanel', id: 'panel', 'aria-labelledby': `tab-${S.tab}` }, panel)), dialog);
  if (dialog) dialog.showModal();
}

window.addEventListener('hashchange', () => { S.flash = null; route(); });
onLangChange(render);
api('GET', '/api/session').then(s => { S.session = s; render(); }).catch(() => {});
route();
