// Sign-in for hosts and organizers: posts to Quarkus form login with the page's CSRF token.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, csrfToken } from './common.js';

const root = document.getElementById('app');
const params = new URLSearchParams(location.search);
const nextParam = params.get('next') || '';
// only a path on this site, never //other.host
const next = /^\/(?!\/)[\w\-/#=.]*$/.test(nextParam) ? nextParam : '/host';
const S = { error: params.has('error') ? 'login.failed' : null, out: params.has('loggedOut'), busy: false, user: '' };

async function submit(ev) {
  ev.preventDefault();
  const form = ev.target;
  S.busy = true; S.error = null; S.user = form.j_username.value; render();
  try {
    const res = await fetch('/j_security_check', {
      method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' },
      body: new URLSearchParams({ j_username: form.j_username.value, j_password: form.j_password.value })
    });
    if (res.status === 403) { S.error = 'login.csrf'; return; }
    if (res.status === 429) { S.error = 'login.locked'; S.retry = Number(res.headers.get('Retry-After')) || 60; return; }
    if (!res.ok || res.url.includes('error=1')) { S.error = 'login.failed'; return; }
    location.href = next;
  } catch {
    S.error = 'error.network';
  } finally { S.busy = false; render(); }
}

function render() {
  document.title = `${t('login.title')} · ${t('app.name')}`;
  const user = h('input', { id: 'username', name: 'j_username', autocomplete: 'username', required: true, value: S.user });
  const pass = h('input', { id: 'password', name: 'j_password', type: 'password', autocomplete: 'current-password', required: true });
  mount(root, h('main', { class: 'login' },
    h('div', { class: 'row', style: 'justify-content:flex-end' }, langButton()),
    h('h1', { class: 'logo' }, t('app.name')),
    h('form', { class: 'card', method: 'post', action: '/j_security_check', onsubmit: submit, id: 'login-form' },
      h('h2', {}, t('login.title')),
      S.out ? h('div', { class: 'notice ok', role: 'status' }, t('login.out')) : null,
      S.error ? h('div', { class: 'notice error', role: 'alert', id: 'login-error' }, t(S.error, { s: S.retry })) : null,
      h('label', { for: 'username' }, t('login.user')), user,
      h('label', { for: 'password' }, t('login.password')), pass,
      h('button', { type: 'submit', class: 'btn block', id: 'login-btn', disabled: S.busy }, t('login.go'))),
    h('p', { class: 'center' }, h('a', { href: '/' }, t('login.participant')))));
  (S.user ? pass : user).focus();
}

document.body.className = 'stage page-login';
onLangChange(render);
render();
