// Jobs: submit (from the preview's chain, or a pasted/uploaded job file), watch progress live
// (server-sent events: traces/s, ETA, per-worker figures, the log), cancel and resume. Imports
// and exports appear here too.

import { getJson, postJson, watchJob } from '../api.js';
import { el, num, bytes, field, progressBar } from './dom.js';

export function create(root, app) {
  const list = el('tbody', { id: 'job-list' });
  const detail = el('div.panel', { id: 'job-detail' }, el('h2', { text: 'Job' }), el('p.muted', { text: 'Choose a job in the list.' }));
  const name = el('input', { type: 'text', size: 24, placeholder: 'myjob.json', id: 'paste-name' });
  const text = el('textarea', { rows: 9, id: 'paste-text', placeholder: '{ "input": "survey.dataset", "output": "out.dataset", "key": ["fldr"], "processors": [ { "name": "agc", "windowMs": 500 } ] }' });
  const upload = el('input', { type: 'file', accept: '.json,.yaml,.yml' });
  const submitInfo = el('div');
  let watching = null, selected = null;

  root.append(el('div.columns', {},
    el('div', {},
      el('div.panel', {}, el('h2', {}, 'Jobs, imports, exports ', el('button.secondary', { text: 'Refresh', onclick: () => refresh() })),
        el('table.grid', {}, el('thead', {}, el('tr', {}, ...['Id', 'What', 'State', 'Progress', 'Rate', 'ETA'].map((h) => el('th', { text: h })))), list)),
      el('div.panel', {}, el('h2', { text: 'Submit a job file' }),
        el('div.row', {}, field('Save as (in the served folder)', name), field('or upload', upload)),
        field('Job file (JSON or YAML), as seisproc run reads it', text),
        el('div.row', { style: 'margin-top:6px' }, el('button.primary', { text: 'Submit', onclick: () => submit(), id: 'paste-submit' })),
        submitInfo)),
    detail));

  upload.addEventListener('change', async () => {
    const f = upload.files[0];
    if (!f) return;
    text.value = await f.text();
    name.value = f.name;
  });

  async function submit() {
    try {
      const task = await postJson('/api/jobs', { name: name.value.trim(), text: text.value });
      submitInfo.replaceChildren(el('p.ok-text', { text: `submitted ${task.id}` }));
      await refresh();
      select(task.id);
    } catch (e) { submitInfo.replaceChildren(el('p.error-text', { text: e.parameter ? `${e.message} (${e.parameter})` : e.message })); }
  }

  function rate(s) {
    if (!s.rate) return '';
    return s.unit === 'bytes' ? `${bytes(s.rate)}/s` : `${num(Math.round(s.rate))} ${s.unit}/s`;
  }

  async function refresh() {
    try {
      const tasks = await getJson('/api/jobs');
      list.replaceChildren(...tasks.map((t) => el(`tr${t.id === selected ? '.selected' : ''}`, { 'data-id': t.id, onclick: () => select(t.id) },
        el('td.mono', { text: t.id }), el('td', { text: t.title }), el(`td`, {}, el(`span.state.${t.state}`, { text: t.state })),
        el('td', {}, progressBar(t.percent)), el('td.num', { text: rate(t) }),
        el('td.num', { text: t.etaSeconds != null ? `${t.etaSeconds.toFixed(0)} s` : '' }))));
      if (!tasks.length) list.append(el('tr', {}, el('td.muted', { colspan: 6, text: 'No jobs yet.' })));
    } catch (e) { app.fail(e); }
  }

  function select(id) {
    selected = id;
    watching?.close();
    for (const tr of list.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.id === id);
    const log = el('div.log', { id: 'job-log' });
    const head = el('div');
    const workers = el('div');
    detail.replaceChildren(el('h2', { text: id }), head, workers, el('h2', { style: 'margin-top:10px', text: 'Log' }), log);
    let lastState = null;
    watching = watchJob(id, (s) => {
      const buttons = el('div.row', { style: 'margin:6px 0' },
        el('button.secondary', { text: 'Cancel', disabled: ['done', 'failed', 'cancelled'].includes(s.state), onclick: () => act(id, 'cancel'), id: 'job-cancel' }),
        ['job', 'migration'].includes(s.kind) ? el('button.secondary', { text: 'Resume', disabled: !['failed', 'cancelled'].includes(s.state), onclick: () => act(id, 'resume'), id: 'job-resume' }) : null);
      head.replaceChildren(
        el('p', {}, el('strong', { text: s.title })),
        el('div.row', {}, el('span', { class: `state ${s.state}`, id: 'job-state', text: s.state }), progressBar(s.percent),
          el('span', { id: 'job-percent', text: `${s.percent.toFixed(1)} %` })),
        el('dl.facts', { style: 'margin-top:6px' },
          el('dt', { text: 'done' }), el('dd', { text: `${num(s.done)} of ${num(s.total)} ${s.unit}` }),
          el('dt', { text: 'rate' }), el('dd', { text: rate(s) }),
          el('dt', { text: 'elapsed' }), el('dd', { text: `${s.seconds.toFixed(1)} s` }),
          el('dt', { text: 'ETA' }), el('dd', { text: s.etaSeconds != null ? `${s.etaSeconds.toFixed(0)} s` : '—' }),
          s.jobFile ? [el('dt', { text: 'job file' }), el('dd.mono', { text: s.jobFile })] : null,
          s.output ? [el('dt', { text: 'output' }), el('dd.mono', { text: s.output })] : null,
          s.result.checksum ? [el('dt', { text: 'checksum' }), el('dd.mono', { id: 'job-checksum', text: s.result.checksum })] : null,
          s.result.fileSha256 ? [el('dt', { text: 'file SHA-256' }), el('dd.mono', { text: s.result.fileSha256 })] : null,
          s.error ? [el('dt', { text: 'error' }), el('dd.error-text', { text: s.error })] : null),
        buttons);
      if (s.workers?.length) {
        workers.replaceChildren(el('table.grid', {}, el('thead', {}, el('tr', {}, ...['worker', 'gathers', 'traces', 'traces/s', 'read', 'written'].map((h) => el('th.num', { text: h })))),
          el('tbody', {}, ...s.workers.map((w) => el('tr', {}, el('td.num', { text: w.worker }), el('td.num', { text: num(w.gathers) }), el('td.num', { text: num(w.traces) }),
            el('td.num', { text: num(Math.round(w.tracesPerSecond)) }), el('td.num', { text: bytes(w.bytesIn) }), el('td.num', { text: bytes(w.bytesOut) }))))));
      } else if (s.liveWorkers?.length) {
        workers.replaceChildren(el('table.grid', {}, el('thead', {}, el('tr', {}, ...['worker', 'gathers so far', 'gathers/s'].map((h) => el('th.num', { text: h })))),
          el('tbody', {}, ...s.liveWorkers.map((w) => el('tr', {}, el('td.num', { text: w.worker }), el('td.num', { text: num(w.gathers) }),
            el('td.num', { text: w.gathersPerSecond.toFixed(1) }))))),
        el('p.muted', { text: 'traces and bytes per worker when the job ends' }));
      }
      log.append(...s.log.map((l) => l + '\n'));
      log.scrollTop = log.scrollHeight;
      if (s.state !== lastState) {
        lastState = s.state;
        refresh();
        if (['done', 'failed', 'cancelled'].includes(s.state)) app.emit('tasks-finished', s);
      }
    });
  }

  async function act(id, what) {
    try {
      const t = await postJson(`/api/jobs/${encodeURIComponent(id)}/${what}`);
      await refresh();
      select(what === 'resume' ? t.id : id);
    } catch (e) { app.fail(e); }
  }

  app.on('tasks', (id) => { refresh(); if (typeof id === 'string') select(id); });
  app.on('show', (n) => { if (n === 'jobs') refresh(); });
  return { refresh, select, get selected() { return selected; } };
}
