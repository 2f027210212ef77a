// The header table: a --where style filter, column choice, paging, sorting by a column. The
// server keeps the filtered and sorted row order, so paging through 22 M rows is one look-up.

import { getJson } from '../api.js';
import { el, num, field } from './dom.js';

const PAGE = 100;

export function create(root, app) {
  const columns = el('input', { type: 'text', size: 60, value: 'fldr,tracf,cdp,offset,sx,sy,gx,gy,iline,xline', id: 'header-columns' });
  const where = el('input', { type: 'text', size: 40, placeholder: 'e.g. cdp between 100 and 200 and offset < 500', id: 'header-where' });
  const info = el('span.muted', { id: 'header-info' });
  const table = el('table.grid', { id: 'header-table' });
  const chips = el('div', { id: 'header-chips', style: 'margin-top:6px; display:flex; flex-wrap:wrap; gap:4px' });
  let sort = null, desc = false, offset = 0, matched = 0;

  root.append(el('div.panel', {},
    el('h2', { text: 'Trace headers' }),
    el('div.row', {},
      field('Columns (comma-separated)', columns), field('Filter (--where)', where),
      el('button.primary', { text: 'Show', onclick: () => { offset = 0; load(); }, id: 'header-show' })),
    chips,
    el('div.row', { style: 'margin:8px 0' },
      el('button.secondary', { text: '« First', onclick: () => { offset = 0; load(); } }),
      el('button.secondary', { text: '◀ Page', onclick: () => { offset = Math.max(0, offset - PAGE); load(); } }),
      el('button.secondary', { text: 'Page ▶', onclick: () => { if (offset + PAGE < matched) { offset += PAGE; load(); } } }),
      el('button.secondary', { text: 'Last »', onclick: () => { offset = Math.max(0, Math.floor((matched - 1) / PAGE) * PAGE); load(); } }),
      info),
    el('div', { style: 'overflow:auto; max-height: calc(100vh - 230px)' }, table)));
  for (const i of [columns, where]) i.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { offset = 0; load(); } });

  async function load() {
    if (!app.state.ds) { info.textContent = 'choose a dataset first'; return; }
    try {
      const t0 = performance.now();
      const page = await getJson('/api/headers', { ds: app.state.ds, columns: columns.value, where: where.value, sort, desc, offset, limit: PAGE });
      matched = page.matched;
      const shown = new Set(columns.value.split(',').map((c) => c.trim()));
      chips.replaceChildren(el('span.muted', { text: 'columns:' }), ...page.available.map((c) => el(`span.badge${shown.has(c) ? '' : '.off'}`, {
        text: c, title: shown.has(c) ? 'click to hide' : 'click to show', style: 'cursor:pointer',
        onclick: () => {
          const list = columns.value.split(',').map((x) => x.trim()).filter(Boolean);
          columns.value = (shown.has(c) ? list.filter((x) => x !== c) : [...list, c]).join(',');
          load();
        },
      })));
      table.replaceChildren(
        el('thead', {}, el('tr', {}, ...page.columns.map((c) => el('th.num.sortable', {
          text: c + (c === sort ? (desc ? ' ▼' : ' ▲') : ''),
          title: 'sort by ' + c,
          onclick: () => { if (sort === c) desc = !desc; else { sort = c === 'trace' ? null : c; desc = false; } offset = 0; load(); },
        })))),
        el('tbody', {}, ...page.rows.map((r) => el('tr', {}, ...r.map((v) => el('td.num', { text: String(v) }))))));
      info.textContent = `rows ${num(offset + 1)}–${num(offset + page.rows.length)} of ${num(matched)} matching (${num(page.traces)} traces);`
        + ` selected in ${(page.selectSeconds * 1000).toFixed(0)} ms, page in ${(performance.now() - t0).toFixed(0)} ms`;
      app.status(`header table of ${app.state.ds}`);
    } catch (e) { app.fail(e); info.textContent = e.message; }
  }

  app.on('show', (name) => { if (name === 'headers') load(); });
  app.on('dataset', () => { offset = 0; sort = null; });
  return { load };
}
