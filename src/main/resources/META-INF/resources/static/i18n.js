// One message catalog per language (i18n/zh-CN.json, i18n/en.json); zh-CN is the default.
const LANGS = ['zh-CN', 'en'];
const KEY = 'jingda.lang';
const catalogs = {};
await Promise.all(LANGS.map(async l => {
  const res = await fetch(`/static/i18n/${l}.json`);
  catalogs[l] = await res.json();
}));

let lang = LANGS.includes(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : 'zh-CN';
const listeners = [];
document.documentElement.lang = lang;

/**
 * The message for key in the current language, with {name} placeholders filled in (as text). With
 * params.n === 1 the key's singular form, key + '.one', is used if the catalog has it.
 */
export function t(key, params = {}) {
  // plurals: a count of 1 in {n} takes the key's ".one" form where the catalog has one ("1 player")
  const one = 'n' in params && Number(params.n) === 1 ? catalogs[lang][`${key}.one`] : undefined;
  const s = one ?? catalogs[lang][key] ?? catalogs['zh-CN'][key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

export function currentLang() { return lang; }

export function setLang(l) {
  lang = l;
  localStorage.setItem(KEY, l);
  document.documentElement.lang = l;
  document.title = t(document.body.dataset.titleKey || 'app.name');
  listeners.forEach(f => f());
}

export function onLangChange(f) { listeners.push(f); }

/** The language switch: names the other language in that language. */
export function langButton() {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'lang';
  const paint = () => {
    const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
    b.textContent = catalogs[other]['lang.self'];
    b.setAttribute('aria-label', t('lang.switch'));
    b.lang = other;
  };
  b.addEventListener('click', () => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN'));
  onLangChange(paint);
  paint();
  return b;
}
