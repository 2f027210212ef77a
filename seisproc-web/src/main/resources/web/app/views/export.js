// Export: a dataset to a SEG-Y / SU file under the root, with format, byte order and revision;
// progress, and the resulting file's checksum (the `seisproc checksum` digest of its samples,
// and the SHA-256 of its bytes).

import { postJson, watchJob } from '../api.js';
import { el, field, select, progressBar, num } from './dom.js';

export function create(root, app) {
  const ds = el('span.mono', { text: '—' });
  const target = el('input', { type: 'text', size: 30, id: 'export-target' });
  const format = select([['', 'as the source'], [1, '1: IBM float'], [2, '2: int32'], [3, '3: int16'], [5, '5: IEEE float32'], [6, '6: IEEE float64'], [8, '8: int8']], '', { id: 'export-format' });
  const order = select([['', 'as the source'], ['big', 'big-endian'], ['little', 'little-endian']], '', { id: 'export-order' });
  const revision = select([['', 'as the source'], [1, 'rev 1'], [2, 'rev 2']], '', { id: 'export-revision' });
  const overwrite = el('input', { type: 'checkbox', id: 'export-overwrite' });
  const status = el('div', { id: 'export-status' });

  root.append(el('div.panel', { style: 'max-width: 760px' },
    el('h2', { text: 'Export to SEG-Y' }),
    el('p', {}, 'Dataset: ', ds),
    el('div.row', {}, field('Target file (in the served folder)', target), field('Sample format', format), field('Byte order', order), field('Revision', revision),
      el('label.field', {}, 'Overwrite', overwrite)),
    el('div.row', { style: 'margin-top:8px' }, el('button.primary', { text: 'Export', onclick: () => run(), id: 'export-button' })),
    el('p.muted', { text: 'With every option "as the source", the file is byte-identical to the imported one.' }),
    status));

  async function run() {
    if (!app.state.ds) { status.replaceChildren(el('p.error-text', { text: 'choose a dataset first' })); return; }
    try {
      const task = await postJson('/api/export', {
        ds: app.state.ds, target: target.value.trim(), format: format.value, byteOrder: order.value, revision: revision.value, overwrite: overwrite.checked,
      });
      app.emit('tasks');
      const lines = [];
      watchJob(task.id, (s) => {
        lines.push(...s.log);
        status.replaceChildren(
          el('div.row', { style: 'margin-top:8px' }, el('span', { class: `state ${s.state}`, id: 'export-state', text: s.state }), progressBar(s.percent), el('span', { text: `${s.percent.toFixed(0)} %` })),
          s.error ? el('p.error-text', { text: s.error }) : null,
          s.result.checksum ? el('dl.facts', { style: 'margin-top:8px' },
            el('dt', { text: 'file' }), el('dd.mono', { text: s.result.output }),
            el('dt', { text: 'bytes' }), el('dd', { text: num(s.result.bytes) }),
            el('dt', { text: 'samples checksum' }), el('dd.mono', { id: 'export-checksum', text: s.result.checksum }),
            el('dt', { text: 'file SHA-256' }), el('dd.mono', { id: 'export-sha', text: s.result.fileSha256 })) : null,
          el('pre.mono', { text: lines.join('\n') }));
        if (s.state === 'done') app.emit('tasks-finished', s);
      });
    } catch (e) { status.replaceChildren(el('p.error-text', { text: e.parameter ? `${e.message} (${e.parameter})` : e.message })); }
  }

  app.on('dataset', (d) => {
    ds.textContent = d;
    target.value = d.replace(/\.dataset$/, '').split('/').pop() + '-export.sgy';
  });
  return { run };
}
