// The preview page: shows the state the server serves at /state and fetches it again on
// every "update" event. No text of its own: the words come from the server (#texts).
'use strict';

const T = JSON.parse(document.getElementById('texts').textContent);
const token = document.querySelector('meta[name="brochure-token"]').content;
const $ = (id) => document.getElementById(id);

// fmt fills {1}, {2} … of a text with the arguments.
function fmt(key, ...args) {
  return (T[key] || key).replace(/\{(\d+)\}/g, (m, n) => String(args[n - 1]));
}

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props || {});
  e.append(...children);
  return e;
}

let shown = 0;        // the version shown
let shownPages = -1;  // the version whose pages are shown
let lines = {};       // data file lines by number, for the pages' texts

async function refresh() {
  const r = await fetch('/state', { cache: 'no-store' });
  if (!r.ok) return;
  const st = await r.json();
  if (st.version < shown) return; // an answer overtaken by a newer one
  render(st);
}

function render(st) {
  shown = st.version;
  document.title = fmt('title', st.data);
  $('data').textContent = fmt('data', st.data);
  $('stand').textContent = st.stand ? fmt('stand', st.stand) : '';
  $('updated').textContent = fmt('updated', new Date().toLocaleTimeString(document.documentElement.lang), st.tookMs);
  renderProblems(st);
  renderNotes(st);
  document.body.classList.toggle('stale', !st.ok);
  if (st.pagesVersion !== shownPages) {
    renderPages(st);
    renderTables(st.tables || []);
    lines = st.lines || {};
    shownPages = st.pagesVersion;
  }
  document.body.dataset.version = st.version;
}

function renderProblems(st) {
  const ps = st.problems || [];
  $('problems').hidden = ps.length === 0;
  if (ps.length === 0) return;
  let head = ps.length === 1 ? fmt('oneProblem', st.data) : fmt('problems', ps.length, st.data);
  head += ' ' + (st.pages && st.pages.length ? T.lastGood : T.noPages);
  $('problems-head').textContent = head;
  renderDiags($('problem-list'), ps);
}

// renderNotes shows the remarks that are no problems, such as loose lines.
function renderNotes(st) {
  const ns = st.notes || [];
  $('notes').hidden = ns.length === 0;
  if (ns.length === 0) return;
  $('notes-head').textContent = ns.length === 1 ? T.oneNote : fmt('notes', ns.length);
  renderDiags($('note-list'), ns);
}

// renderDiags fills list with diagnostics, each with its line, hint and the line's text; a
// click on one marks its text on the pages.
function renderDiags(list, ds) {
  list.replaceChildren();
  for (const p of ds) {
    const li = el('li', { className: 'problem' });
    if (p.line) li.append(el('span', { className: 'where', textContent: fmt('lineCol', p.line, p.col) + ': ' }));
    li.append((p.where ? p.where + ': ' : '') + p.msg);
    if (p.hint) li.append(el('div', { className: 'hint', textContent: fmt('hint', p.hint) }));
    if (p.source) li.append(el('code', { textContent: p.source.trim() }));
    li.dataset.path = p.path || '';
    li.title = p.path || '';
    li.addEventListener('click', () => highlight(p.path));
    list.append(li);
  }
}

function renderPages(st) {
  const box = $('pages');
  box.replaceChildren();
  for (const pg of st.pages || []) {
    const holder = document.createElement('div');
    // The SVG comes from the preview's own painter, which escapes every text of the data.
    holder.innerHTML = pg.svg;
    box.append(el('figure', { className: 'sheet-box' },
      el('figcaption', { textContent: T['page.' + pg.name] || pg.name }), holder.firstElementChild));
  }
  applyView();
}

function renderTables(tables) {
  const box = $('tables');
  box.replaceChildren();
  $('rosters').hidden = tables.length === 0;
  for (const t of tables) {
    const head = el('tr', {}, ...t.header.map((h) => el('th', { textContent: h })));
    const rows = (t.rows || []).map((r) => el('tr', {}, ...r.map((c) => el('td', { textContent: c }))));
    box.append(el('section', {},
      el('h3', { textContent: fmt('rows', t.sheet, t.file, rows.length) }),
      el('div', { className: 'scroll' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)))));
  }
}

// applyView shows the trimmed sheet or the sheet with its bleed, and the guides or not.
function applyView() {
  const bleed = $('bleed').checked;
  document.body.classList.toggle('bleed', bleed);
  document.body.classList.toggle('no-guides', !$('guides').checked);
  for (const s of document.querySelectorAll('svg.sheet')) {
    const box = bleed ? s.dataset.bleed : s.dataset.trim;
    const [, , w, h] = box.split(' ');
    s.setAttribute('viewBox', box);
    s.setAttribute('width', w + 'mm');
    s.setAttribute('height', h + 'mm');
  }
}

function clearMarks() {
  for (const e of document.querySelectorAll('#pages .picked, #pages .hit')) e.classList.remove('picked', 'hit');
}

// pick shows where the clicked text comes from in the data, and marks every text from there.
function pick(target) {
  clearMarks();
  for (const e of document.querySelectorAll('#pages [data-path]')) {
    if (e.dataset.path === target.dataset.path) e.classList.add('picked');
  }
  const line = target.dataset.line;
  const info = $('info');
  info.replaceChildren(fmt('source', target.dataset.path, line || '?'));
  if (line && lines[line] !== undefined) info.append(el('code', { textContent: lines[line].trim() }));
}

// highlight marks the texts on the pages that come from path or from inside it.
function highlight(path) {
  clearMarks();
  if (!path) return;
  const hits = [...document.querySelectorAll('#pages [data-path]')].filter((e) => {
    const p = e.dataset.path;
    return p === path || p.startsWith(path + '.') || p.startsWith(path + '[');
  });
  for (const h of hits) h.classList.add('hit');
  if (hits.length) {
    hits[0].scrollIntoView({ block: 'center' });
    $('info').textContent = path;
  } else {
    $('info').textContent = T.notOnPage;
  }
}

async function build() {
  const btn = $('build');
  const out = $('build-result');
  btn.disabled = true;
  out.hidden = false;
  out.className = '';
  out.textContent = T.building;
  try {
    const r = await fetch('/build', { method: 'POST', headers: { 'X-Brochure-Token': token } });
    if (!r.ok) throw new Error(r.status + ' ' + (await r.text()));
    const res = await r.json();
    out.replaceChildren();
    if (res.ok) {
      out.append(el('p', { textContent: fmt('built', res.files.length, res.dir) }));
      out.append(el('ul', {}, ...res.files.map((f) => el('li', {},
        el('a', { href: '/files/' + encodeURIComponent(f.name), target: '_blank', textContent: f.name }),
        ' (' + Math.ceil(f.size / 1024) + ' KB)'))));
      return;
    }
    out.className = 'failed';
    if (res.problems) out.append(el('p', { textContent: T.notBuilt }));
    for (const b of res.blocked || []) out.append(el('p', { textContent: fmt(b.readOnly ? 'readOnly' : 'inUse', b.path) }));
    if (res.blocked) out.append(el('p', { textContent: T.unchanged }));
    if (res.error) out.append(el('p', { textContent: fmt('buildError', res.error) }));
  } catch (e) {
    out.className = 'failed';
    out.textContent = fmt('buildError', e.message);
  } finally {
    btn.disabled = false;
  }
}

$('pages').addEventListener('click', (e) => {
  const t = e.target.closest('[data-path]');
  if (t) {
    pick(t);
  } else {
    clearMarks();
    $('info').textContent = T.clickHint;
  }
});
$('bleed').addEventListener('change', applyView);
$('guides').addEventListener('change', applyView);
$('build').addEventListener('click', build);

const events = new EventSource('/events');
events.addEventListener('update', () => { refresh(); });
events.addEventListener('open', () => { $('offline').hidden = true; });
events.addEventListener('error', () => { $('offline').hidden = false; });
