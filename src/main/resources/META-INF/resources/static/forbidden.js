// Signed in, but without the role this page needs.
import { t, langButton, onLangChange } from './i18n.js';
import { h, mount, csrfToken } from './common.js';

function render() {
  document.title = `403 · ${t('app.name')}`;
  mount(document.getElementById('app'), h('main', { class: 'login' },
    h('div', { class: 'row', style: 'justify-content:flex-end' }, langButton()),
    h('div', { class: 'card', role: 'alert' }, h('h1', {}, t('forbidden.title')), h('p', {}, t('forbidden.text')),
      h('div', { class: 'row' }, h('a', { class: 'btn light', href: '/' }, t('app.name')),
        h('button', { type: 'button', class: 'btn', onclick: async () => {
          await fetch('/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' } });
          location.href = '/login?loggedOut=1';
        } }, t('forbidden.switch'))))));
}
onLangChange(render);
render();
