// The application shell: tabs, the shared state (current dataset, key, ensemble), a tiny event
// bus between views, and the status bar. Each view lives in its own module under views/.

import { getJson } from './api.js';
import * as datasets from './views/datasets.js';
import * as gathers from './views/gathers.js';
import * as headers from './views/headers.js';
import * as processing from './views/processing.js';
import * as jobs from './views/jobs.js';
import * as exporting from './views/export.js';
import * as qc from './views/qc.js';
import * as pstm from './views/pstm.js';
import * as monitor from './views/monitor.js';

const listeners = new Map();

export const app = {
  state: { ds: null, dataset: null, key: 'fldr', sort: '', ensemble: 0 },
  views: {},
  timings: [],
  on(event, fn) { (listeners.get(event) ?? listeners.set(event, []).get(event)).push(fn); },
  emit(event, data) { for (const fn of listeners.get(event) ?? []) fn(data); },
  status(message, error = false) {
    const s = document.getElementById('status');
    s.textContent = message;
    s.className = error ? 'error' : '';
  },
  fail(err) { app.status(err.parameter ? `${err.message} (parameter: ${err.parameter})` : err.message, true); },
  show(name) {
    for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.view === name);
    for (const v of document.querySelectorAll('.view')) v.classList.toggle('active', v.id === 'view-' + name);
    app.current = name;
    app.emit('show', name);
  },
  /** Chooses the dataset `ds` (path relative to the served folder) for every view. */
  choose(ds, entry) {
    app.state.ds = ds;
    app.state.dataset = entry ?? null;
    app.state.ensemble = 0;
    document.getElementById('current-dataset').textContent = ds;
    app.emit('dataset', ds);
  },
};
window.seisproc = app;

for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => app.show(b.dataset.view));

const modules = { datasets, gathers, headers, processing, jobs, export: exporting, qc, pstm, monitor };
for (const [name, m] of Object.entries(modules)) {
  app.views[name] = m.create(document.getElementById('view-' + name), app);
}
getJson('/api/info').then((info) => {
  document.getElementById('root').textContent = `serving ${info.root}`;
}).catch((e) => app.fail(e));
// A link may name the dataset and view: #ds=demo.dataset&view=gathers&key=cdp&sort=offset
const link = new URLSearchParams(location.hash.slice(1));
if (link.get('key')) app.state.key = link.get('key');
if (link.get('sort')) app.state.sort = link.get('sort');
if (link.get('ds')) app.choose(link.get('ds'));
app.show(link.get('view') ?? 'datasets');
app.ready = true;
