// Export: a dataset to a SEG-Y / SU file under the root — target, format, byte order, revision;
// the traces a filter selects; the processed data or the noise (input − processed); a header
// mapping (header-table column → SEG-Y byte and type) with a 5-trace preview, saved and loaded
// as JSON; progress, and the resulting file's checksums.

import { getJson, postJson, watchJob } from '../api.js';
import { el, field, select, progressBar, num } from './dom.js';

const TYPES = ['int16', 'int32', 'uint16', 'uint32', 'int8', 'uint8', 'float32', 'ibm32', 'int64', 'float64'];

export function create(root, app) {
  const ds = el('span.mono', { text: '—' });
  const target = el('input', { type: 'text', size: 30, id: 'export-target' });
  const format = select([['', 'as the source'], [1, '1: IBM float'], [2, '2: int32'], [3, '3: int16'], [5, '5: IEEE float32'], [6, '6: IEEE float64'], [8, '8: int8']], '', { id: 'export-format' });
  const order = select([['', 'as the source'], ['big', 'big-endian'], ['little', 'little-endian']], '', { id: 'export-order' });
  const revision = select([['', 'as the source'], [1, 'rev 1'], [2, 'rev 2']], '', { id: 'export-revision' });
  const overwrite = el('input', { type: 'checkbox', id: 'export-overwrite' });
  const where = el('input', { type: 'text', size: 64, id: 'export-where', placeholder: 'all traces; e.g. offset < 1000 and fldr in (1, 2)' });
  const content = select([['data', 'the dataset (processed data)'], ['noise', 'the noise: input − processed']], 'data', { id: 'export-content' });
  const input = select([['', '—']], '', { id: 'export-input' });
  const rows = el('tbody', { id: 'mapping-rows' });
  const mappingInfo = el('div', { id: 'mapping-preview' });
  const loader = el('input', { type: 'file', accept: '.json' });
  const status = el('div', { id: 'export-status' });

  root.append(el('div.columns', {},
    el('div', {},
      el('div.panel', {},
        el('h2', { text: 'Export to SEG-Y' }),
        el('p', {}, 'Dataset: ', ds),
        el('div.row', {}, field('Target file (in the served folder)', target), field('Sample format', format), field('Byte order', order),
          field('Revision', revision), el('label.field', {}, 'Overwrite', overwrite)),
        el('div.row', { style: 'margin-top:8px' }, field('Traces (filter expression)', where)),
        el('div.row', { style: 'margin-top:8px' }, field('Export', content), field('Input dataset (for the noise)', input)),
        el('div.row', { style: 'margin-top:10px' }, el('button.primary', { text: 'Export', onclick: () => run(), id: 'export-button' })),
        el('p.muted', { text: 'With every option "as the source", no filter and no mapping, the file is byte-identical to the imported one.' }),
        status)),
    el('div.panel', {},
      el('h2', { text: 'Header mapping' }),
      el('p.muted', { text: 'Write a header-table column into the trace header at a byte position (1–240) with a type. Overlapping or out-of-range bytes are refused.' }),
      el('table.grid', {}, el('thead', {}, el('tr', {}, el('th', { text: 'column' }), el('th', { text: 'byte' }), el('th', { text: 'type' }), el('th'))), rows),
      el('div.row', { style: 'margin-top:8px' },
        el('button.secondary', { text: 'Add row', onclick: () => addRow(), id: 'mapping-add' }),
        el('button.secondary', { text: 'Preview 5 traces', onclick: () => preview(), id: 'mapping-preview-button' }),
        el('button.secondary', { text: 'Save JSON', onclick: () => save() }),
        el('label.field', {}, 'Load JSON', loader)),
      mappingInfo)));

  function addRow(m = { column: 'cdp', byte: 21, type: 'int32' }) {
    const column = el('input', { type: 'text', value: m.column, size: 10, 'data-role': 'column' });
    const at = el('input', { type: 'number', value: m.byte, min: 1, max: 240, 'data-role': 'byte', style: 'width:70px' });
    const type = select(TYPES, m.type, { 'data-role': 'type' });
    const tr = el('tr', {}, el('td', {}, column), el('td', {}, at), el('td', {}, type),
      el('td', {}, el('button.secondary', { text: '✕', onclick: () => tr.remove() })));
    rows.append(tr);
  }

  function mapping() {
    return [...rows.querySelectorAll('tr')].map((tr) => ({
      column: tr.querySelector('[data-role=column]').value.trim(),
      byte: Number(tr.querySelector('[data-role=byte]').value),
      type: tr.querySelector('[data-role=type]').value,
    }));
  }

  function request() {
    return {
      ds: app.state.ds, target: target.value.trim(), format: format.value, byteOrder: order.value, revision: revision.value,
      overwrite: overwrite.checked, where: where.value.trim(), content: content.value, input: input.value, mapping: mapping(),
    };
  }

  async function preview() {
    try {
      const p = await postJson('/api/export/preview', request());
      const cols = mapping().map((m) => m.column);
      mappingInfo.replaceChildren(el('p', { text: `${num(p.traces)} trace(s) selected; the first ${p.rows.length}:` }),
        el('table.grid', {}, el('thead', {}, el('tr', {}, el('th.num', { text: 'trace' }), ...cols.map((c) => el('th', { text: `${c}: value → bytes → read back` })))),
          el('tbody', {}, ...p.rows.map((r) => el('tr', {}, el('td.num', { text: r.trace }),
            ...r.fields.map((f) => el('td.mono', { text: `${f.value} → ${f.bytes} → ${f.readBack}` })))))));
    } catch (e) { mappingInfo.replaceChildren(el('p.error-text', { id: 'mapping-error', text: e.message })); }
  }

  function save() {
    const a = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(mapping(), null, 2)], { type: 'application/json' })), download: 'header-mapping.json' });
    a.click();
  }

  loader.addEventListener('change', async () => {
    const f = loader.files[0];
    if (!f) return;
    try {
      const list = JSON.parse(await f.text());
      if (!Array.isArray(list)) throw new Error('a header mapping file is a JSON list of {column, byte, type}');
      rows.replaceChildren();
      list.forEach(addRow);
    } catch (e) { mappingInfo.replaceChildren(el('p.error-text', { text: e.message })); }
  });

  async function run() {
    if (!app.state.ds) { status.replaceChildren(el('p.error-text', { text: 'choose a dataset first' })); return; }
    try {
      const task = await postJson('/api/export', request());
      app.emit('tasks');
      const lines = [];
      watchJob(task.id, (s) => {
        lines.push(...s.log);
        status.replaceChildren(el('div', {},
          el('div.row', { style: 'margin-top:8px' }, el('span', { class: `state ${s.state}`, id: 'export-state', text: s.state }), progressBar(s.percent), el('span', { text: `${s.percent.toFixed(0)} %` })),
          s.error ? el('p.error-text', { text: s.error }) : null,
          s.result.checksum ? el('dl.facts', { style: 'margin-top:8px' },
            el('dt', { text: 'file' }), el('dd.mono', { text: s.result.output }),
            el('dt', { text: 'bytes' }), el('dd', { text: num(s.result.bytes) }),
            el('dt', { text: 'samples checksum' }), el('dd.mono', { id: 'export-checksum', text: s.result.checksum }),
            el('dt', { text: 'file SHA-256' }), el('dd.mono', { id: 'export-sha', text: s.result.fileSha256 })) : null,
          el('pre.mono', { text: lines.join('\n') })));
        if (s.state === 'done') app.emit('tasks-finished', s);
      });
    } catch (e) { status.replaceChildren(el('p.error-text', { id: 'export-error', text: e.parameter ? `${e.message} (${e.parameter})` : e.message })); }
  }

  async function datasets() {
    try {
      const list = await getJson('/api/datasets');
      input.replaceChildren(el('option', { value: '', text: '—' }),
        ...list.datasets.filter((d) => d.complete && d.path !== app.state.ds).map((d) => el('option', { value: d.path, text: d.path })));
    } catch (e) { app.fail(e); }
  }

  app.on('dataset', (d) => {
    ds.textContent = d;
    target.value = d.replace(/\.dataset$/, '').split('/').pop() + '-export.sgy';
  });
  app.on('show', (n) => { if (n === 'export') datasets(); });
  return { run, addRow, preview };
}
