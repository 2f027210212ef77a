// The dataset browser: every dataset under the root (traces, samples, interval, size, source,
// provenance, processing history) and the SEG-Y/SU files that can be imported, with progress.

import { getJson, postJson, watchJob } from '../api.js';
import { el, bytes, num, progressBar } from './dom.js';

export function create(root, app) {
  const list = el('tbody');
  const files = el('tbody');
  const details = el('div.panel', {}, el('h2', { text: 'Dataset' }), el('p.muted', { text: 'Choose a dataset in the list.' }));
  const importStatus = el('div');
  root.append(
    el('div.columns', {},
      el('div', {},
        el('div.panel', {},
          el('h2', {}, 'Datasets ', el('button.secondary', { onclick: () => refresh(), text: 'Refresh' })),
          el('table.grid', { id: 'dataset-table' }, el('thead', {}, el('tr', {},
            ...['Dataset', 'Traces', 'Samples', 'Interval', 'Size', 'Source', 'History'].map((h, i) => el(i > 0 && i < 5 ? 'th.num' : 'th', { text: h })))),
          list)),
        el('div.panel', {},
          el('h2', { text: 'SEG-Y / SU files under the root' }),
          el('table.grid', {}, el('thead', {}, el('tr', {}, el('th', { text: 'File' }), el('th.num', { text: 'Size' }), el('th', { text: 'Import as' }), el('th'))), files),
          importStatus)),
      details));

  let stale = false, loaded = false, shownDetails = null;
  async function refresh() {
    stale = false;
    loaded = true;
    try {
      const data = await getJson('/api/datasets');
      list.replaceChildren(...data.datasets.map((d) => {
        const tr = el('tr', { 'data-ds': d.path, onclick: () => open(d) },
          el('td.mono', { text: d.path }),
          el('td.num', { text: d.complete ? num(d.traces) : '' }),
          el('td.num', { text: d.complete ? num(d.samplesPerTrace) : '' }),
          el('td.num', { text: d.complete ? `${d.sampleIntervalMicros / 1000} ms` : '' }),
          el('td.num', { text: bytes(d.sizeBytes) }),
          el('td.mono', { text: (d.sourceFiles ?? []).map((f) => f.split('/').pop()).join(', ') }),
          el('td', {}, d.complete ? (d.processing.length ? el('span.badge', { text: `${d.processing.length} step(s)` }) : el('span.muted', { text: 'imported' }))
            : el('span.badge.warn', { text: 'incomplete' })));
        if (d.path === app.state.ds) tr.classList.add('selected');
        return tr;
      }));
      if (!data.datasets.length) list.append(el('tr', {}, el('td.muted', { colspan: 7, text: 'No datasets under the root yet: import a SEG-Y file below.' })));
      files.replaceChildren(...data.files.map((f) => {
        const target = el('input', { type: 'text', value: f.path.replace(/\.(sgy|segy|seg-y|su)$/i, '') + '.dataset', size: 28 });
        return el('tr', {},
          el('td.mono', { text: f.path }), el('td.num', { text: bytes(f.bytes) }), el('td', {}, target),
          el('td', {}, el('button.secondary', { text: 'Import', onclick: () => startImport(f.path, target.value) })));
      }));
      if (!data.files.length) files.append(el('tr', {}, el('td.muted', { colspan: 4, text: 'No .sgy / .segy / .su files under the root.' })));
      app.status(`${data.datasets.length} dataset(s), ${data.files.length} SEG-Y/SU file(s)`);
      const chosen = data.datasets.find((d) => d.path === app.state.ds);
      if (chosen && shownDetails !== chosen.path) open(chosen); // e.g. a link that named the dataset
    } catch (e) { app.fail(e); }
  }

  async function startImport(file, target) {
    try {
      const task = await postJson('/api/import', { files: [file], target });
      const bar = el('div');
      importStatus.replaceChildren(el('p', {}, `Importing ${file} → ${target}`), bar);
      watchJob(task.id, (s) => {
        bar.replaceChildren(progressBar(s.percent), el('span.muted', { text: ` ${s.percent.toFixed(0)} % · ${s.state}${s.error ? ': ' + s.error : ''}` }));
        if (s.state === 'done') { refresh(); app.emit('tasks'); }
      });
      app.emit('tasks');
    } catch (e) { app.fail(e); }
  }

  async function open(entry) {
    shownDetails = entry.path;
    for (const tr of list.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.ds === entry.path);
    if (!entry.complete) {
      details.replaceChildren(el('h2', { text: entry.path }), el('p.error-text', { text: entry.problem ?? 'incomplete' }));
      return;
    }
    if (app.state.ds !== entry.path) app.choose(entry.path, entry);
    try {
      const d = await getJson('/api/dataset', { ds: entry.path });
      const m = d.manifest;
      const src = m.source ?? {};
      details.replaceChildren(
        el('h2', { text: entry.path }),
        el('div.row', {},
          el('button.primary', { text: 'Open gathers', onclick: () => app.show('gathers') }),
          el('button.secondary', { text: 'Header table', onclick: () => app.show('headers') }),
          el('button.secondary', { text: 'Process', onclick: () => app.show('processing') }),
          el('button.secondary', { text: 'Export', onclick: () => app.show('export') })),
        el('dl.facts', { style: 'margin-top:10px' },
          el('dt', { text: 'traces' }), el('dd', { text: num(m.traces) }),
          el('dt', { text: 'samples per trace' }), el('dd', { text: num(m.samplesPerTrace) }),
          el('dt', { text: 'sample interval' }), el('dd', { text: `${m.sampleIntervalMicros} µs` }),
          el('dt', { text: 'record length' }), el('dd', { text: `${(m.samplesPerTrace - 1) * m.sampleIntervalMicros / 1000} ms` }),
          el('dt', { text: 'store' }), el('dd', { text: `${m.sampleType}, ${bytes(entry.sizeBytes)} on disk` }),
          el('dt', { text: 'source' }), el('dd', { text: `${src.kind ?? '?'} format ${src.format}, ${src.byteOrder}-endian, revision ${src.revision}` }),
          el('dt', { text: 'source files' }), el('dd.mono', { text: (src.files ?? []).map((f) => `${f.path} (${num(f.traces)} traces)`).join('\n') }),
          el('dt', { text: 'created' }), el('dd', { text: `${m.created ?? ''} by ${m.generator ?? ''}` }),
          el('dt', { text: 'checksum' }), el('dd.mono', { text: m.checksums?.samplesSha256 ?? '' }),
          el('dt', { text: 'header columns' }), el('dd', { text: `${(m.headerSchema ?? []).length}` }),
          el('dt', { text: 'ensemble indexes' }), el('dd.mono', { text: d.indexes.join(', ') || 'none yet' })),
        el('h2', { style: 'margin-top:12px', text: 'Processing history' }),
        (m.processing ?? []).length ? el('ol', {}, ...m.processing.map((p) => el('li.mono', { text: p }))) : el('p.muted', { text: 'none: as imported' }),
        el('h2', { style: 'margin-top:12px', text: 'Textual header' }),
        el('pre.textual', { text: d.textualHeader || '(none)' }));
    } catch (e) { app.fail(e); }
  }

  app.on('tasks-finished', () => { if (app.current === 'datasets') refresh(); else stale = true; });
  app.on('show', (name) => { if (name === 'datasets' && (stale || !loaded)) refresh(); });
  return { refresh, open };
}
