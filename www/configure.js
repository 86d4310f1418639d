// PeerPath's configurator (configure.html): builds a center's config from a form, checks it with
// the scoring API module as it changes (every problem beside its field), previews the widget with
// it, and gives the file and the lines for a page. Opening an existing config keeps every field
// the form does not show. Everything stays on this page: nothing is sent anywhere.
import init, { checkConfig } from './api/peerpath.js';

const form = document.getElementById('config');
const list = document.getElementById('resources');
const template = document.getElementById('resource');
/** What an opened config held, so fields the form does not show are kept. */
let opened = {};
/** The widget's own bounds for a config (center-config.md): larger or deeper files are refused. */
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 64;

/** Text for HTML markup: every character that could end a text or an attribute, escaped. */
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An attribute selector for any value: a key of an opened file may hold quotes and brackets. */
const byAttribute = (name, value) => `[${name}="${CSS.escape(value)}"]`;

/**
 * This page's words in the administrator's language, by their English text: WordPress passes
 * them from the plugin's translations (languages/peerpath-<locale>.mo); elsewhere the page is
 * English. The checker's own sentences (the scoring API's) stay English.
 */
const WORDS = globalThis.peerpathSettings?.words ?? {};
/** The language of this page's words, for the catalog's names too. */
const LANG = globalThis.peerpathSettings?.lang === 'es' ? 'es' : 'en';
/** `text` in this page's language, its `{name}` placeholders filled from `values`. */
const t = (text, values = {}) => (WORDS[text] ?? text).replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
/** A piece of the page's text as tools/wp-i18n.mjs reads it: its spaces as one, trimmed. */
const spaced = (text) => text.replace(/\s+/g, ' ').trim();

/** Puts the page's own words (its text, placeholders and labels, its templates' too) in its language. */
function translatePage(root) {
  if (!Object.keys(WORDS).length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = WORDS[spaced(node.data)];
    if (words) node.data = node.data.replace(/\S[\s\S]*\S|\S/, words);
  }
  for (const element of root.querySelectorAll('[placeholder], [aria-label]')) {
    for (const name of ['placeholder', 'aria-label']) {
      const words = element.hasAttribute(name) && WORDS[spaced(element.getAttribute(name))];
      if (words) element.setAttribute(name, words);
    }
  }
}
// In WordPress the form sits in `.peerpath-configurator`, among the admin's own words; the
// templates of a program and of a day and time follow it.
translatePage(document.querySelector('.peerpath-configurator') ?? document.querySelector('main'));
for (const id of ['resource', 'slot']) translatePage(document.getElementById(id).content);

/** Whether JSON text nests deeper than `limit`, by counting brackets outside strings. */
function tooDeep(text, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}
/** Each program's element with what an opened config held for it. */
const openedResources = new WeakMap();

/** Every catalog id with its name in the page's language, from the widget's strings (the result's part). */
async function catalog() {
  const text = await (await fetch(new URL(`pkg/strings/${LANG}.more.txt`, import.meta.url))).text();
  return [...text.matchAll(/^g\.([a-z0-9_]+)\.name=(.*)$/gm)].map(([, id, name]) => [id, name]);
}

const kinds = await catalog();
// The suggestions a center may leave out (`hide`): every catalog id, by name.
for (const [id, name] of kinds) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'hide';
  box.value = id;
  label.append(box, ` ${name}`);
  document.getElementById('hide').append(label);
}

/** The values checked in a group of boxes, with those an opened config held that it has no box for. */
function checked(group, before) {
  const boxes = [...group.querySelectorAll('input[type=checkbox]')];
  const known = boxes.map((b) => b.value);
  const kept = (Array.isArray(before) ? before : []).filter((v) => !known.includes(v));
  const values = [...boxes.filter((b) => b.checked).map((b) => b.value), ...kept];
  // An empty list the file had stays an empty list; none is written where the file had none.
  return values.length || Array.isArray(before) ? values : undefined;
}

/** Checks the boxes of a group for `values`. */
function check(group, values) {
  for (const box of group.querySelectorAll('input[type=checkbox]')) box.checked = Array.isArray(values) && values.includes(box.value);
}
await init({ module_or_path: new URL('api/peerpath_bg.wasm', import.meta.url) });
// It runs: the line for a page opened as a file (where browsers do not run modules) goes.
document.getElementById('not-running')?.remove();

/** A short, unique id from a name: "Evening IOP" gives "evening-iop". */
function idFor(name, taken) {
  const base = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'program';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Adds a program's fields, filled from `resource` (an opened config's) when given. */
function addResource(resource = {}) {
  const item = template.content.firstElementChild.cloneNode(true);
  const n = list.children.length + 1;
  item.querySelector('.number').textContent = String(n);
  for (const label of item.querySelectorAll('label[data-for]')) {
    const field = item.querySelector(`[data-field="${label.dataset.for}"]`);
    field.id = `resources-${n}-${label.dataset.for}`;
    label.htmlFor = field.id;
  }
  const kind = item.querySelector('[data-field=kind]');
  for (const [id, name] of kinds) kind.append(new Option(name, id));
  const value = (field, v) => {
    const input = item.querySelector(`[data-field=${field}]`);
    if (input.type === 'checkbox') input.checked = v === true;
    else if (v !== undefined && v !== null) setAsWritten(input, v);
  };
  value('name', resource.name);
  value('kind', resource.kind);
  value('center_program', resource.center_program);
  value('description', resource.description);
  value('format', resource.format);
  const slots = item.querySelector('.slots');
  for (const slot of Array.isArray(resource.schedule) ? resource.schedule : []) addSlot(slots, slot && typeof slot === 'object' ? slot : {});
  if (!slots.children.length) addSlot(slots);
  item.querySelector('.add-slot').addEventListener('click', () => {
    addSlot(slots).querySelector('[data-field=day]').focus();
    changed();
  });
  // A common pattern adds its days and times (rows left empty go), to be changed as needed.
  item.querySelector('.add-pattern').addEventListener('click', () => {
    const pattern = PATTERNS[item.querySelector('[data-field=pattern]').value];
    if (!pattern) return;
    for (const row of [...slots.children]) {
      if (['day', 'start', 'end'].every((name) => !row.querySelector(`[data-field=${name}]`).value)) row.remove();
    }
    for (const day of pattern.days) addSlot(slots, { day, start: pattern.start, end: pattern.end });
    changed();
  });
  // Another program like this one: a copy of its fields below it, named as a copy, to change.
  item.querySelector('.copy').addEventListener('click', () => {
    const { id, ...copy } = resourceOf(item);
    const added = addResource({ ...copy, name: copy.name ? `${copy.name} (copy)` : undefined });
    added.querySelector('[data-field=name]').focus();
    added.querySelector('[data-field=name]').select();
    changed();
  });
  // Fields most programs leave empty stay folded unless this one has any of them.
  const more = item.querySelector('details.more');
  more.open = ['address', 'url', 'phone', 'cost', 'es_name', 'es_description'].some((f) => resource[f] !== undefined && resource[f] !== null && resource[f] !== '')
    || ['audience', 'languages'].some((f) => Array.isArray(resource[f]) && resource[f].length > 0);
  check(item.querySelector('[data-field=audience]'), resource.audience);
  check(item.querySelector('[data-field=languages]'), resource.languages);
  value('address', resource.address);
  value('url', resource.url);
  value('phone', resource.phone);
  value('cost', resource.cost);
  value('es_name', resource.i18n?.es?.name);
  value('es_description', resource.i18n?.es?.description);
  openedResources.set(item, resource);
  item.querySelector('.remove').addEventListener('click', () => {
    item.remove();
    [...list.children].forEach((li, i) => { li.querySelector('.number').textContent = String(i + 1); });
    changed();
  });
  list.append(item);
  return item;
}

/**
 * Puts an opened config's value into its control as written, even one the control cannot hold
 * ("25:00" or "9pm" in a time field, "Tuesday" for a day, an unknown kind), so the check names
 * it for what it is ("25:00 is not a time") rather than as missing, and saving keeps it until
 * the person fixes it.
 */
function setAsWritten(input, value) {
  const text = String(value);
  if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === text)) input.append(new Option(text, text));
  input.value = text;
  if (input.value !== text && input.type === 'time') {
    input.type = 'text';
    input.value = text;
  }
}

/** Each day-and-time row's element with what an opened config held for that slot. */
const openedSlots = new WeakMap();

/** Adds a day-and-time row to a program, filled from `slot` (an opened config's) when given. */
function addSlot(slots, slot = {}) {
  const row = document.getElementById('slot').content.firstElementChild.cloneNode(true);
  for (const name of ['day', 'start', 'end']) {
    if (slot[name] !== undefined && slot[name] !== null) setAsWritten(row.querySelector(`[data-field=${name}]`), slot[name]);
  }
  openedSlots.set(row, slot);
  row.querySelector('.remove-slot').addEventListener('click', () => {
    const program = row.closest('.resource');
    row.remove();
    if (!slots.children.length) addSlot(slots);
    program.querySelector('.add-slot').focus();
    changed();
  });
  slots.append(row);
  return row;
}

/**
 * A program's schedule from its rows: a row with nothing chosen is left out; what an opened
 * config held for a slot (fields the form does not show) is kept.
 */
function schedule(item, before) {
  const slots = [];
  for (const row of item.querySelectorAll('.slot')) {
    const [day, start, end] = ['day', 'start', 'end'].map((name) => row.querySelector(`[data-field=${name}]`).value.trim() || undefined);
    if (day === undefined && start === undefined && end === undefined) continue;
    // A day as a number (the select's 0 to 6), or as an opened config wrote it ("Tuesday").
    slots.push({ ...openedSlots.get(row), day: day === undefined || !/^\d+$/.test(day) ? day : Number(day), start, end });
  }
  return slots.length || Array.isArray(before) ? slots : undefined;
}

/** A program as its fields describe it (on top of what an opened config held for it); no id if it had none. */
function resourceOf(item) {
  const field = (name) => {
    const input = item.querySelector(`[data-field=${name}]`);
    return input.type === 'checkbox' ? input.checked : (input.value.trim() || undefined);
  };
  const before = openedResources.get(item) ?? {};
  const resource = { ...before, name: field('name'), kind: field('kind') };
  for (const key of ['description', 'format', 'address', 'url', 'phone', 'cost']) resource[key] = field(key);
  resource.audience = checked(item.querySelector('[data-field=audience]'), before.audience);
  resource.languages = checked(item.querySelector('[data-field=languages]'), before.languages);
  resource.center_program = field('center_program') || undefined;
  resource.schedule = schedule(item, before.schedule);
  const es = { ...before.i18n?.es, name: field('es_name'), description: field('es_description') };
  resource.i18n = es.name || es.description ? { ...before.i18n, es } : undefined;
  return resource;
}

/** Common schedules a program can start from (distribution.md v3), each day 0 (Sunday) to 6. */
const PATTERNS = {
  weekday_evenings: { days: [1, 2, 3, 4, 5], start: '18:00', end: '20:00' },
  weekday_mornings: { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
  saturday: { days: [6], start: '10:00', end: '12:00' },
  daily_noon: { days: [0, 1, 2, 3, 4, 5, 6], start: '12:00', end: '13:00' },
};

/** The config the form describes (on top of what an opened config held). */
function config() {
  const text = (path) => form.querySelector(byAttribute('data-path', path)).value.trim() || undefined;
  const center = { ...opened.center };
  for (const key of ['name', 'phone', 'text', 'crisis_phone', 'url', 'hours', 'timezone', 'address']) {
    center[key] = text(`center.${key}`);
  }
  // A number as a number; text that is not one as written, for the check to name.
  const number = (path) => { const v = text(path); return v === undefined || Number.isNaN(Number(v)) ? v : Number(v); };
  center.lat = number('center.lat');
  center.lon = number('center.lon');
  const out = { ...opened, center };
  out.feed_radius_miles = number('feed_radius_miles');
  const theme = { ...opened.theme, accent: text('theme.accent'), font: text('theme.font'), scheme: text('theme.scheme') };
  out.theme = Object.values(theme).some((v) => v !== undefined) ? theme : undefined;
  out.quick_exit_url = text('quick_exit_url');
  out.meeting_guide_url = text('meeting_guide_url');
  out.languages = [...form.querySelectorAll('input[name=languages]:checked')].map((c) => c.value);
  out.hide = checked(document.getElementById('hide'), opened.hide);
  const origins = form.querySelector('[data-path=embed_origins]').value.split('\n').map((line) => line.trim()).filter(Boolean);
  out.embed_origins = origins.length || Array.isArray(opened.embed_origins) ? origins : undefined;
  const taken = new Set();
  out.resources = [...list.children].map((item) => {
    const resource = resourceOf(item);
    resource.id ??= idFor(resource.name ?? '', taken);
    taken.add(resource.id);
    return resource;
  });
  // No empty fields in the file.
  return JSON.parse(JSON.stringify(out));
}

/** The form field a problem's path names, if the form shows it. */
function fieldOf(path) {
  const direct = form.querySelector(byAttribute('data-path', path)) ?? form.querySelector(byAttribute('data-path', path.replace(/\[\d+\]$/, '')));
  if (direct) return direct;
  const m = path.match(/^resources\[(\d+)\]\.?([a-z_]*)(?:\[(\d+)\]\.([a-z_]+)|\.es\.([a-z_]+))?/);
  if (!m) return null;
  const item = list.children[Number(m[1])];
  if (!item) return null;
  // A slot's field (`schedule[1].start`) is in that slot's row (rows left empty are not in the file).
  if (m[2] === 'schedule' && m[3] !== undefined) {
    const rows = [...item.querySelectorAll('.slot')].filter((row) => [...row.querySelectorAll('[data-field]')].some((input) => input.value.trim()));
    const input = rows[Number(m[3])]?.querySelector(`[data-field="${m[4]}"]`);
    if (input) return input;
  }
  const field = m[4] ?? (m[5] ? `es_${m[5]}` : m[2]);
  // A list's entry (`audience[1]`) is its group of boxes.
  return item.querySelector(`[data-field="${field}"]`) ?? item.querySelector('[data-field=name]');
}

let previewTimer;

/** Shows `sentence` beside `field` (in its row, paragraph or group), tied to it for screen readers. */
function markProblem(field, id, level, sentence) {
  const note = document.createElement('span');
  note.className = `problem ${level}`;
  note.id = id;
  note.textContent = sentence;
  field.closest('.slot, .field, fieldset').append(note);
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', note.id);
  // A problem in a folded part of the form unfolds it.
  const folded = field.closest('details:not([open])');
  if (folded) folded.open = true;
}

/** Takes away the problems shown in `within` and what ties them to their fields. */
function clearProblems(within) {
  for (const old of within.querySelectorAll('.problem')) old.remove();
  for (const field of within.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
}

/** Checks the config, shows each problem beside its field, and updates the output and preview. */
function changed() {
  const value = config();
  clearProblems(form);
  const problems = checkConfig(value, null, LANG);
  const listed = document.getElementById('problems');
  listed.replaceChildren();
  problems.forEach((problem, i) => {
    const sentence = `${problem.level === 'error' ? t('Error') : t('Warning')}: ${problem.message}`;
    const field = fieldOf(problem.path);
    if (field) markProblem(field, `problem-${i}`, problem.level, sentence);
    const li = document.createElement('li');
    li.textContent = `${problem.path || t('the file')}: ${sentence}`;
    listed.append(li);
  });
  const errors = problems.filter((p) => p.level === 'error').length;
  document.getElementById('summary').textContent = problems.length
    ? t('{errors} error(s) and {warnings} warning(s): each is shown beside its field. The widget uses the rest.', { errors, warnings: problems.length - errors })
    : t('No problems: this config is ready.');
  const json = `${JSON.stringify(value, null, 2)}\n`;
  document.getElementById('json').value = json;
  // The lines a center pastes into its page hold config values: each is escaped for HTML, a
  // language must be one the widget knows, and a phone the check refuses is left out, so no
  // value of an opened file can become markup on the center's page.
  // No `lang` on the element: the visitor's browser language chooses among the config's
  // `languages` (quality.md v3), which a fixed `lang` would override.
  const phone = typeof value.center?.phone === 'string' && !problems.some((p) => p.path === 'center.phone') ? value.center.phone : '';
  // What the page shows where the widget cannot run: the center's phone, 988 and 911.
  const call = phone ? `Call us at <a href="tel:${escapeHtml(phone.replace(/[^\d+]/g, ''))}">${escapeHtml(phone)}</a>. ` : '';
  const fallback = `  <p>${call}If you need help now, call or text <a href="tel:988">988</a>. In an emergency, call <a href="tel:911">911</a>.</p>`;
  // The folder this configurator is served from holds the widget's files (a file opened from
  // the disk: the folder the release suggests).
  // In WordPress, the plugin's widget folder (and the config from the site's REST route).
  const folder = globalThis.peerpathSettings?.widgetUrl ? new URL(globalThis.peerpathSettings.widgetUrl)
    : /^https?:$/.test(location.protocol) ? new URL('.', location.href) : new URL('https://help.example.org/peerpath/');
  const configUrl = globalThis.peerpathSettings?.configUrl ? new URL(globalThis.peerpathSettings.configUrl) : new URL('center.json', folder);
  document.getElementById('snippet').value = `<script type="module" src="${escapeHtml(folder.pathname)}peer-path.js"></script>
<peer-path config="${escapeHtml(configUrl.origin === location.origin ? `${configUrl.pathname}${configUrl.search}` : configUrl.href)}">
${fallback}
</peer-path>`;
  // Isolated mode's frame comes from the isolated host where WordPress has one.
  const frameFolder = globalThis.peerpathSettings?.isolatedHost ? new URL(globalThis.peerpathSettings.isolatedHost) : folder;
  document.getElementById('snippet-isolated').value = `<script src="${escapeHtml(frameFolder.href)}peer-path-frame.js" defer></script>
<peer-path-frame config="${escapeHtml(new URL('center.json', frameFolder).href)}">
${fallback}
</peer-path-frame>`;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => { preview(value); keepDraft(value); }, 400);
}

/** Where the static configurator keeps the center's draft config, in this browser only. */
const DRAFT = 'peerpath-configurator-draft';
/** Whether this page keeps a draft: the static configurator (WordPress saves to the site). */
let drafting = false;
/** The config text last downloaded: no draft is kept of it. */
let downloaded = '';

/**
 * Keeps the center's config as it is being written in this browser (localStorage), so a reload
 * or a closed tab loses nothing, until it is downloaded (distribution.md v3). The center's own
 * data, never a visitor's.
 */
function keepDraft(value) {
  // Nothing worth keeping yet, or just downloaded as it is.
  if (!drafting || (!value.center?.name && !value.resources?.length) || `${JSON.stringify(value, null, 2)}\n` === downloaded) return;
  try {
    localStorage.setItem(DRAFT, JSON.stringify({ saved: Date.now(), config: value }));
  } catch { /* storage full or refused: the page still works, without a draft */ }
}

/** The draft kept in this browser, if any: `{ saved, config }`. */
function readDraft() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT) ?? 'null');
    return draft && typeof draft.config === 'object' && draft.config ? draft : null;
  } catch {
    return null;
  }
}

/** Drops the draft (once downloaded, or when the person starts over). */
function dropDraft() {
  try { localStorage.removeItem(DRAFT); } catch { /* nothing kept */ }
}

/**
 * The widget with this config (drawn anew: it reads its config once, when it starts). Without
 * the meeting list's address: the preview would fetch it as whoever has this page open (in
 * WordPress, an administrator with the site's cookies), whatever an opened file named.
 */
function preview(value) {
  const box = document.getElementById('preview');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'preview-config';
  script.textContent = JSON.stringify({ ...value, meeting_guide_url: undefined });
  const widget = document.createElement('peer-path');
  widget.setAttribute('config', '#preview-config');
  widget.textContent = t('The preview shows here.');
  box.replaceChildren(script, widget);
}

/** Fills the form from a config file, within the widget's bounds (2 MiB, 64 levels deep). */
async function open(file) {
  const summary = document.getElementById('summary');
  if (file.size > MAX_BYTES) {
    summary.textContent = t('{file} is {size} KiB: a config may be at most 2 MiB (2048 KiB). It was not opened.', { file: file.name, size: Math.ceil(file.size / 1024) });
    return;
  }
  const text = await file.text();
  if (tooDeep(text, MAX_DEPTH)) {
    summary.textContent = t('{file} nests values more than {depth} levels deep, which no config needs. It was not opened.', { file: file.name, depth: MAX_DEPTH });
    return;
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    summary.textContent = t('{file} is not a config file (not valid JSON: {why}).', { file: file.name, why: error.message });
    return;
  }
  fill(value);
}

/** The primary language of a tag, as the widget reads it: `es-MX` is `es`. */
const primary = (tag) => tag.split(/[-_]/)[0].toLowerCase();

/**
 * Ticks the languages a config offers, in its order (its first is the default, and the first
 * ticked box is): `es-MX` ticks Spanish. A language the widget does not speak (`english`, `fr`)
 * gets a box of its own, ticked, so the check names it beside the list and it can be unticked,
 * never dropped unseen.
 */
function fillLanguages(languages) {
  const fieldset = form.querySelector('fieldset[data-path=languages]');
  for (const extra of fieldset.querySelectorAll('label.extra')) extra.remove();
  const spoken = [...fieldset.querySelectorAll('label')];
  const offered = languages.map((tag) => spoken.find((label) => label.firstElementChild.value === primary(tag)) ?? unspoken(tag));
  for (const label of new Set([...offered, ...spoken])) {
    label.firstElementChild.checked = offered.includes(label);
    fieldset.append(label);
  }
}

/** A ticked box for a language the widget does not speak, as the file wrote it (as text). */
function unspoken(tag) {
  const label = document.createElement('label');
  label.className = 'extra';
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'languages', value: tag });
  label.append(box, ` ${tag}`);
  return label;
}

/** Fills the form from a config. */
function fill(value) {
  opened = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const center = opened.center ?? {};
  const theme = opened.theme && typeof opened.theme === 'object' ? opened.theme : {};
  const fields = [['center.', center, ['name', 'phone', 'text', 'crisis_phone', 'url', 'hours', 'timezone', 'address', 'lat', 'lon']],
    ['', opened, ['feed_radius_miles']], ['theme.', theme, ['accent', 'font', 'scheme']]];
  for (const [prefix, object, keys] of fields) {
    for (const key of keys) {
      const input = form.querySelector(`[data-path="${prefix}${key}"]`);
      const v = typeof object[key] === 'string' || typeof object[key] === 'number' ? String(object[key]) : '';
      if (input.tagName === 'SELECT' && v && ![...input.options].some((o) => o.value === v)) input.append(new Option(v, v));
      input.value = v;
    }
  }
  form.querySelector('[data-path=quick_exit_url]').value = typeof opened.quick_exit_url === 'string' ? opened.quick_exit_url : '';
  form.querySelector('[data-path=meeting_guide_url]').value = typeof opened.meeting_guide_url === 'string' ? opened.meeting_guide_url : '';
  form.querySelector('[data-path=embed_origins]').value = Array.isArray(opened.embed_origins) ? opened.embed_origins.filter((o) => typeof o === 'string').join('\n') : '';
  fillLanguages(Array.isArray(opened.languages) ? opened.languages.filter((tag) => typeof tag === 'string') : ['en', 'es']);
  check(document.getElementById('hide'), opened.hide);
  list.replaceChildren();
  for (const resource of Array.isArray(opened.resources) ? opened.resources : []) addResource(resource && typeof resource === 'object' ? resource : {});
  changed();
}

// The color picker writes the accent as text (where the check reads it), and follows it.
const accent = document.getElementById('theme.accent');
const picker = document.getElementById('accent-picker');
picker.addEventListener('input', () => { accent.value = picker.value; });
accent.addEventListener('input', () => { if (/^#[\da-f]{6}$/i.test(accent.value.trim())) picker.value = accent.value.trim(); });
form.addEventListener('input', changed);
form.addEventListener('change', changed);
document.getElementById('add').addEventListener('click', () => {
  addResource().querySelector('[data-field=name]').focus();
  changed();
});
document.getElementById('open').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) open(file);
});
document.getElementById('download').addEventListener('click', () => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([document.getElementById('json').value], { type: 'application/json' }));
  link.download = 'center.json';
  link.click();
  downloaded = document.getElementById('json').value;
  dropDraft();
  document.getElementById('draft')?.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
/** Posts `body` as JSON to one of the plugin's REST routes with the page's nonce; the answer and its parsed body. */
async function post(settings, url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': settings.nonce },
    body: JSON.stringify(body),
  });
  return { response, answer: await response.json().catch(() => ({})) };
}

/** A web address field with its label, in a `.field` paragraph. */
function addressField(id, labelText, value) {
  const field = document.createElement('p');
  field.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = labelText;
  const input = document.createElement('input');
  input.id = id;
  input.type = 'url';
  input.value = value ?? '';
  field.append(label, input);
  return { field, input };
}

/**
 * In WordPress, isolated mode's host: another address with the widget's files and this config,
 * saved to the site; saving one lists this site in the config's `embed_origins`.
 */
function isolatedHost(settings) {
  const box = document.createElement('fieldset');
  box.className = 'isolated';
  const legend = document.createElement('legend');
  legend.textContent = t('Isolated mode');
  const about = document.createElement('p');
  about.textContent = t('Isolated mode runs the widget in a frame from another address you control, such as https://help.example.org/peerpath/, so no script on this site (analytics, ad pixels, session recording) can read an answer. Copy there the files of the plugin\'s widget folder (wp-content/plugins/peerpath/widget/) and this config as center.json (Download center.json, below). Then use [peer_path isolated="1"] or turn on Isolated in the PeerPath block. Without an isolated host, those pages show only your phone numbers. The frame reads a meeting list only from its own address: keep a copy there too (peerpath-sync-feed, in the PeerPath npm package, does it from cron).');
  const { field, input } = addressField('isolated-host', t('Isolated host (a folder on another address)'), settings.isolatedHost);
  input.placeholder = 'https://help.example.org/peerpath/';
  box.append(legend, about, field);
  // The frame it names is shown to every visitor of those pages: WordPress lets only users who
  // may add unfiltered HTML choose one (on a network, a super admin).
  if (settings.canSetIsolatedHost === false) {
    input.readOnly = true;
    const only = document.createElement('p');
    only.id = 'isolated-host-who';
    only.textContent = t('Only a user allowed to add unfiltered HTML to this site (on a network, a super admin) can set the isolated host.');
    input.setAttribute('aria-describedby', only.id);
    field.after(only);
  }
  /**
   * Saves the host when it changed (part of the page's one save): a sentence for the result
   * beside the save button ('' when unchanged); `failed` when it was refused, which is also
   * said beside the field.
   */
  box.save = async () => {
    if (input.readOnly || input.value.trim() === (settings.isolatedHost ?? '')) return { said: '' };
    clearProblems(field);
    const { response, answer } = await post(settings, settings.isolatedHostUrl, { url: input.value.trim() });
    if (!response.ok) {
      markProblem(input, 'isolated-host-problem', 'error', `${t('Error')}: ${t('the isolated host')} ${answer.message ?? t('was refused (HTTP {status})', { status: response.status })}`);
      return { said: t('the isolated host was refused (see beside its field).'), failed: true };
    }
    input.value = answer.host;
    settings.isolatedHost = answer.host;
    changed(); // the lines for isolated mode name the host now
    return { said: answer.host
      ? t('Isolated host saved: put this config as center.json with the widget\'s files in {host}', { host: answer.host })
      : t('No isolated host: pages with isolated mode show only your phone numbers.') };
  };
  /** Lists this site in `embed_origins` when a host is given, so the frame tells this site it runs. */
  box.listThisSite = () => {
    const origins = form.querySelector('[data-path=embed_origins]');
    if (input.value.trim() && !origins.value.split('\n').map((line) => line.trim()).includes(location.origin)) {
      origins.value = `${origins.value.trim()}\n${location.origin}`.trim();
      changed();
    }
  };
  return box;
}

/**
 * Asks for the config as a visitor who is not signed in would (no cookie), and says so at the
 * top of the page when the site does not answer: a security plugin that limits the REST API to
 * signed-in users leaves every visitor with the fallback only (distribution.md v3).
 */
async function publicCheck(settings) {
  let problem = '';
  try {
    const response = await fetch(settings.configUrl, { credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) problem = t('this site answered HTTP {status}', { status: response.status });
    else await response.json();
  } catch (error) {
    problem = t('it could not be read ({why})', { why: error.message });
  }
  if (!problem) return;
  const warning = document.createElement('p');
  warning.id = 'public-problem';
  warning.className = 'problem';
  warning.setAttribute('role', 'alert');
  warning.textContent = t('Visitors cannot load your PeerPath config: asked as a visitor who is not signed in, {problem}, so your pages show only their fallback text. A security plugin may limit the REST API to signed-in users: allow the routes under /wp-json/peerpath/v1/ for everyone. Site Health (Tools > Site Health) checks this too.', { problem });
  form.before(warning);
}

// In WordPress (Settings > PeerPath): the site's config, saved to the site with the page's nonce,
// and only when the widget's own check finds no error.
const settings = globalThis.peerpathSettings;
if (settings) {
  // One save for the whole page, its result beside it, in a bar that stays in sight.
  const bar = document.createElement('div');
  bar.className = 'save-bar';
  const save = document.createElement('button');
  save.type = 'button';
  save.id = 'save';
  save.textContent = t('Save');
  const result = document.createElement('p');
  result.id = 'save-result';
  result.setAttribute('role', 'status');
  bar.append(save, result);
  form.append(bar);
  // Another site's meeting list: WordPress keeps a checked copy on this site, twice a day, and
  // says beside the field how the last sync went.
  const feed = addressField('feed-source', t('Meeting list from another site (a Meeting Guide feed or a BMLT server\'s search): this site keeps a copy of the meetings near your center, twice a day'), settings.feedSource);
  const status = document.createElement('p');
  status.id = 'feed-status';
  status.className = 'hint';
  status.textContent = settings.feedStatus ?? '';
  feed.input.setAttribute('aria-describedby', status.id);
  feed.field.append(status);
  form.querySelector('[data-path=meeting_guide_url]').closest('.field').after(feed.field);
  if (settings.meetingGuide) {
    const field = form.querySelector('[data-path=meeting_guide_url]');
    const offer = document.createElement('button');
    offer.type = 'button';
    offer.textContent = t('Use this site\'s 12 Step Meeting List');
    offer.addEventListener('click', () => { field.value = settings.meetingGuide; changed(); });
    field.after(offer);
  }
  const isolated = isolatedHost(settings);
  form.querySelector('[data-path=embed_origins]').closest('.field').after(isolated);
  // Changes not saved yet are said before the page is left.
  let unsaved = false;
  form.addEventListener('input', () => { unsaved = true; result.textContent = t('Not saved yet.'); });
  form.addEventListener('change', () => { unsaved = true; });
  addEventListener('beforeunload', (event) => {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = '';
  });
  save.addEventListener('click', async () => {
    const errors = checkConfig(config(), null, LANG).filter((p) => p.level === 'error');
    if (errors.length) {
      result.textContent = t('Not saved: {count} error(s), each shown beside its field.', { count: errors.length });
      return;
    }
    save.disabled = true;
    result.textContent = t('Saving…');
    try {
      // The isolated host first: a host refused saves nothing, and one saved lists this site
      // in the config's `embed_origins`, saved next.
      const host = await isolated.save();
      if (host.failed) {
        result.textContent = `${t('Not saved:')} ${host.said}`;
        return;
      }
      isolated.listThisSite();
      const saved = await post(settings, settings.save, config());
      if (!saved.response.ok) {
        result.textContent = `${t('Not saved:')} ${saved.answer.message ?? `HTTP ${saved.response.status}`}`;
        return;
      }
      const said = [t('Saved. Your pages with the widget use it now.'), host.said];
      unsaved = false;
      if (feed.input.value.trim() !== (settings.feedSource ?? '')) {
        const synced = await post(settings, settings.feedSourceUrl, { url: feed.input.value.trim() });
        if (synced.response.ok) {
          settings.feedSource = synced.answer.source;
          status.textContent = synced.answer.status ?? '';
          said.push(synced.answer.source ? t('Meeting list: {synced}.', { synced: synced.answer.synced }) : t('No meeting list from another site.'));
        } else {
          unsaved = true;
          said.push(t('But the meeting list\'s address was not saved: {why}.', { why: synced.answer.message ?? `HTTP ${synced.response.status}` }));
        }
      }
      result.textContent = said.filter(Boolean).join(' ');
    } finally {
      save.disabled = false;
    }
  });
  const snippet = document.querySelector('label[for=snippet]');
  if (snippet) snippet.textContent = t('On this site, add the shortcode [peer_path] or the PeerPath block to a page. Elsewhere, paste:');
  fill(settings.config ?? {});
  publicCheck(settings);
} else {
  // The static configurator: a draft left in this browser comes back, with a way to start over.
  drafting = true;
  const draft = readDraft();
  if (draft) {
    fill(draft.config);
    const back = document.createElement('p');
    back.id = 'draft';
    back.setAttribute('role', 'status');
    const when = new Date(draft.saved).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
    back.append(`${t('Your draft from {when} is back (kept in this browser until you download center.json).', { when })} `);
    const over = document.createElement('button');
    over.type = 'button';
    over.textContent = t('Start over');
    over.addEventListener('click', () => {
      dropDraft();
      fill({});
      back.remove();
    });
    back.append(over);
    form.before(back);
  } else {
    changed();
  }
}
