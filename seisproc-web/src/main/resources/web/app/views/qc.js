// The QC page: the report of a dataset (with a stack and an attribute table found under the
// served folder) built on the server as a task — its pictures (PNG from the server), notes,
// facts, every flagged trace paged, the HTML report as a download; QC runs (brute stack, trace
// attributes, batch QC) submitted as tasks with the command line's checks, messages shown at
// their fields; a stack opened in the gather viewer; batch QC compared before / after / noise.

import { getJson, postJson, watchJob } from '../api.js';
import { el, field, select, num, progressBar } from './dom.js';
import { createCompare } from './qc-compare.js';

const BAD_PAGE = 50;

export function create(root, app) {
  root.classList.add('fill');
  let sources = { datasets: [], attributes: [], velocityFiles: [], jobFiles: [], batchOutputs: [] };
  let report = null;
  let badOffset = 0;
  let pane = 'report';
  const compare = createCompare(app);

  // ---- report form
  const dsChoice = select([], '', { id: 'qc-ds', 'data-param': 'ds' });
  const stackChoice = select([], '', { id: 'qc-stack', 'data-param': 'stack' });
  const attributesChoice = select([], '', { id: 'qc-attributes', 'data-param': 'attributes' });
  const reportTask = el('div', { id: 'qc-report-task' });
  const reportForm = el('div.panel', { id: 'qc-report-form' }, el('h2', { text: 'QC report' }),
    field('Dataset', dsChoice), field('Stack (optional)', stackChoice), field('Attribute table (optional)', attributesChoice),
    el('div.row', {}, el('button.primary', { text: 'Build report', id: 'qc-build', onclick: () => buildReport() }),
      el('button.secondary', { text: 'Refresh lists', onclick: () => refresh() })),
    reportTask);

  // ---- QC stack form
  const velocityFiles = el('datalist', { id: 'qc-velocity-files' });
  const stackInputs = {
    output: el('input', { type: 'text', id: 'qcs-output' }),
    velocity: el('input', { type: 'text', id: 'qcs-velocity', list: 'qc-velocity-files', placeholder: '2000, 2.0 km/s, 1800+600t or a table file' }),
    lines: el('input', { type: 'text', id: 'qcs-lines', placeholder: 'all, or e.g. 100,200,300-350' }),
    bin: select([['cdp', 'cdp'], ['iline,xline', 'iline, xline']], 'cdp', { id: 'qcs-bin' }),
    method: select(['mean', 'median'], 'mean', { id: 'qcs-method' }),
    minFold: el('input', { type: 'number', value: 1, min: 1, step: 1, id: 'qcs-min-fold' }),
    stretchMute: el('input', { type: 'number', value: 1.5, min: 1, step: 0.1, id: 'qcs-stretch-mute' }),
    interp: select(['linear', 'sinc'], 'linear', { id: 'qcs-interp' }),
    overwrite: el('input', { type: 'checkbox', id: 'qcs-overwrite' }),
  };
  const stackForm = form('QC stack (NMO brute stack)', 'qcs', stackInputs, {
    output: 'Output stack dataset', velocity: 'Velocity (rms): V, V0+Kt (m/s, or with km/s / ft/s) or a table file', lines: 'Inlines',
    bin: 'Bins', method: 'Method', minFold: 'Min fold', stretchMute: 'Stretch mute (ratio)', interp: 'NMO interpolation', overwrite: 'Overwrite',
  }, () => runStack());
  stackForm.append(velocityFiles);

  // ---- trace attributes form
  const attrInputs = {
    output: el('input', { type: 'text', id: 'qca-output' }),
    windowMs: el('input', { type: 'text', id: 'qca-window', placeholder: 'whole trace, or A:B ms' }),
    noiseWindowMs: el('input', { type: 'text', id: 'qca-noise-window', placeholder: 'last 20 %, or C:D ms' }),
    mute: el('input', { type: 'text', id: 'qca-mute', placeholder: 'none, or offset:ms,… e.g. 0:0,2000:800' }),
    flags: el('input', { type: 'text', id: 'qca-flags', placeholder: 'defaults, or e.g. correlation=0.2, spikes=2' }),
    key: el('input', { type: 'text', id: 'qca-key', value: 'fldr' }),
    key2: el('input', { type: 'text', id: 'qca-key2', placeholder: 'trace order' }),
    overwrite: el('input', { type: 'checkbox', id: 'qca-overwrite' }),
  };
  const attrForm = form('Trace attributes', 'qca', attrInputs, {
    output: 'Output table (.parquet)', windowMs: 'Signal window (ms)', noiseWindowMs: 'Noise window (ms)', mute: 'Top mute',
    flags: 'Bad-trace thresholds', key: 'Gathers (neighbours) by', key2: 'Sorted by', overwrite: 'Overwrite',
  }, () => runAttributes());

  // ---- batch QC form
  const batchInputs = {
    source: select([['chain', 'the Processing tab’s chain on the dataset above']], 'chain', { id: 'qcb-source' }),
    name: el('input', { type: 'text', id: 'qcb-name' }),
    output: el('input', { type: 'text', id: 'qcb-output' }),
    key: el('input', { type: 'text', id: 'qcb-key', value: 'fldr' }),
    sort: el('input', { type: 'text', id: 'qcb-sort', placeholder: 'trace order' }),
    gathers: el('input', { type: 'text', id: 'qcb-gathers', placeholder: 'key values, e.g. 1001, 1005 (empty: all)' }),
    lines: el('input', { type: 'text', id: 'qcb-lines', placeholder: 'or inlines, e.g. 1,3-4' }),
    velocity: el('input', { type: 'text', id: 'qcb-velocity', list: 'qc-velocity-files', placeholder: 'optional: stacks at this velocity' }),
    overwrite: el('input', { type: 'checkbox', id: 'qcb-overwrite' }),
  };
  const batchForm = form('Batch QC (before / after / noise)', 'qcb', batchInputs, {
    source: 'Job', name: 'Job file to save (for the chain)', output: 'Output folder (for the chain)', key: 'Gathers by key (for the chain)',
    sort: 'Sorted by', gathers: 'Gathers', lines: 'Inlines',
    velocity: 'Stack velocity', overwrite: 'Overwrite',
  }, () => runBatch());
  const openChoice = select([], '', { id: 'qcb-open-choice' });
  const openKey = el('input', { type: 'text', value: 'fldr', size: 8, id: 'qcb-open-key' });
  batchForm.append(el('div.row', { style: 'margin-top:8px' }, field('Open a batch QC output', openChoice), field('by key', openKey),
    el('button.secondary', { text: 'Compare', id: 'qcb-open', onclick: () => openBatch(openChoice.value, openKey.value.trim() || 'fldr', '') })));

  const sidebar = el('div.sidebar', { style: 'width: 330px' }, reportForm, stackForm, attrForm, batchForm);

  // ---- report pane
  const facts = el('dl.facts', { id: 'qc-facts' });
  const notes = el('div', { id: 'qc-notes' });
  const pictures = el('div.qc-pictures', { id: 'qc-pictures' });
  const badBox = el('div', { id: 'qc-bad' });
  const download = el('span', { id: 'qc-download' });
  const reportPane = el('div.qc-pane.qc-report', { id: 'qc-report' },
    el('div.panel', {}, el('h2', {}, 'Report ', download), facts, notes,
      el('p.muted', { id: 'qc-report-empty', text: 'Choose a dataset and build its report.' })),
    pictures, el('div.panel', {}, el('h2', { text: 'Bad traces' }), badBox));
  const paneChoice = select([['report', 'Report'], ['compare', 'Batch QC: before / after / noise']], 'report', { id: 'qc-pane' });
  const workspace = el('div.workspace', {}, el('div.navbar', {}, el('span', { text: 'Show ' }), paneChoice), reportPane, compare.element);
  root.append(sidebar, workspace);
  paneChoice.addEventListener('change', () => showPane(paneChoice.value));
  showPane('report');

  function showPane(name) {
    pane = name;
    paneChoice.value = name;
    reportPane.style.display = name === 'report' ? '' : 'none';
    compare.element.style.display = name === 'compare' ? '' : 'none';
    if (name === 'compare') compare.arrange();
  }

  /** A form panel: labelled inputs (each marked with its request field), a run button, a task box. */
  function form(title, prefix, inputs, labels, run) {
    const box = el('div', { id: `${prefix}-task` });
    const fields = Object.entries(inputs).map(([k, input]) => {
      input.dataset.param = k;
      return field(labels[k], input);
    });
    const panel = el('div.panel', { id: `${prefix}-form` }, el('h2', { text: title }), ...fields,
      el('div.row', {}, el('button.primary', { text: 'Run', id: `${prefix}-run`, onclick: run })), box);
    panel.taskBox = box;
    return panel;
  }

  /** Marks the field the server named (or the form's task box) with the error message. */
  function showError(panel, e) {
    for (const old of panel.querySelectorAll('.field-error')) old.remove();
    const message = e.message ?? String(e);
    const param = e.parameter?.replace(/^stack\./, '') ?? null;
    const input = param && (panel.querySelector(`[data-param="${CSS.escape(e.parameter)}"]`) ?? panel.querySelector(`[data-param="${CSS.escape(param)}"]`));
    const at = input ? input.closest('label') : panel.taskBox;
    at.append(el('span.field-error', { text: input ? message : `${message}${e.parameter ? ` (${e.parameter})` : ''}` }));
  }

  /** Shows a task's progress and log tail in `box`; `onDone(snapshot)` when it has finished well. */
  function watch(task, box, onDone) {
    box.replaceChildren(el('p.muted', { text: `${task.id} queued` }));
    app.emit('tasks');
    return new Promise((resolve) => {
      const lines = [];
      watchJob(task.id, (s) => {
        lines.push(...s.log);
        box.replaceChildren(
          el('div.row', { style: 'margin-top:6px;align-items:center' }, el(`span.state.${s.state}`, { text: s.state, 'data-task': s.id }),
            progressBar(s.percent), el('span', { text: `${num(s.done)} / ${num(s.total)} ${s.unit}` })),
          el('div.mono.qc-log', { text: lines.slice(-4).join('\n') }),
          ...(s.error ? [el('p.error-text', { text: s.error })] : []));
        if (['done', 'failed', 'cancelled'].includes(s.state)) {
          app.emit('tasks');
          if (s.state === 'done') Promise.resolve(onDone?.(s)).then(() => resolve(s)).catch((e) => { app.fail(e); resolve(s); });
          else resolve(s);
        }
      });
    });
  }

  // ---- sources
  async function refresh() {
    try {
      sources = await getJson('/api/qc/sources');
      const all = sources.datasets.map((d) => [d.path, `${d.path}${d.stack ? ' (stack)' : ''}`]);
      const stacks = [...sources.datasets.filter((d) => d.stack), ...sources.datasets.filter((d) => !d.stack)].map((d) => [d.path, `${d.path}${d.stack ? ' (stack)' : ''}`]);
      const keep = (s) => s.value;
      const ds = keep(dsChoice) || app.state.ds || '';
      const st = keep(stackChoice);
      const at = keep(attributesChoice);
      dsChoice.replaceChildren(...all.map(([v, t]) => el('option', { value: v, text: t })));
      dsChoice.value = all.some(([v]) => v === ds) ? ds : all[0]?.[0] ?? '';
      stackChoice.replaceChildren(el('option', { value: '', text: '(none)' }), ...stacks.map(([v, t]) => el('option', { value: v, text: t })));
      stackChoice.value = st ?? '';
      attributesChoice.replaceChildren(el('option', { value: '', text: '(none)' }), ...sources.attributes.map((a) => el('option', { value: a, text: a })));
      attributesChoice.value = at ?? '';
      velocityFiles.replaceChildren(...sources.velocityFiles.map((f) => el('option', { value: f })));
      const src = batchInputs.source.value;
      batchInputs.source.replaceChildren(el('option', { value: 'chain', text: 'the Processing tab’s chain on the dataset above' }),
        ...sources.jobFiles.map((f) => el('option', { value: f, text: `job file ${f}` })));
      batchInputs.source.value = src || 'chain';
      openChoice.replaceChildren(...sources.batchOutputs.map((d) => el('option', { value: d, text: d })));
      defaults();
    } catch (e) { app.fail(e); }
  }

  function defaults() {
    const base = (dsChoice.value || app.state.ds || 'data').replace(/\.dataset$/, '').split('/').pop();
    if (!stackInputs.output.value) stackInputs.output.value = `${base}-stack.dataset`;
    if (!attrInputs.output.value) attrInputs.output.value = `${base}-attributes.parquet`;
    if (!batchInputs.output.value) batchInputs.output.value = `${base}-batchqc`;
    if (!batchInputs.name.value) batchInputs.name.value = `${base}-batchqc.json`;
  }

  // ---- the report
  async function buildReport() {
    for (const old of reportForm.querySelectorAll('.field-error')) old.remove();
    try {
      const task = await postJson('/api/qc/report', { ds: dsChoice.value, stack: stackChoice.value, attributes: attributesChoice.value });
      await watch(task, reportTask, (s) => loadReport(s.result.report));
    } catch (e) { showError(reportForm, e); }
  }

  async function loadReport(id) {
    report = await getJson(`/api/qc/reports/${encodeURIComponent(id)}`);
    showPane('report');
    document.getElementById('qc-report-empty')?.remove();
    facts.replaceChildren(...Object.entries(report.facts).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
    notes.replaceChildren(...report.notes.map((n) => el('p.qc-note', { text: n })));
    pictures.replaceChildren(...report.pictures.map((p) => el('figure.qc-picture.panel', { 'data-name': p.name },
      el('a', { href: p.url, target: '_blank', title: 'open at full size' }, el('img', { src: p.url, alt: p.title })),
      el('figcaption', { text: p.title }))));
    download.replaceChildren(el('a', { href: report.html, download: `qc-report-${id}.html`, id: 'qc-html', text: 'download the HTML report' }),
      report.stack ? el('button.secondary', { text: `show ${report.stack} in Gathers`, style: 'margin-left:10px', onclick: () => showStack(report.stack) }) : null);
    badOffset = 0;
    await loadBad();
    app.status(`QC report of ${report.ds}: ${report.pictures.length} pictures, ${report.notes.length} note(s), ${num(report.badTraces)} flagged trace(s)`);
  }

  async function loadBad() {
    if (!report) return;
    if (!report.attributes) { badBox.replaceChildren(el('p.muted', { text: 'No attribute table given: run Trace attributes and choose its table.' })); return; }
    const page = await getJson(`/api/qc/reports/${encodeURIComponent(report.id)}/bad`, { offset: badOffset, limit: BAD_PAGE });
    const counts = Object.entries(report.badCounts).map(([k, v]) => `${k}: ${num(v)}`).join(', ');
    badBox.replaceChildren(
      el('p', { id: 'qc-bad-summary', text: page.total ? `${num(page.total)} flagged trace(s) — ${counts}` : 'No trace was flagged.' }),
      page.total ? el('div.row', {},
        el('button.secondary', { text: '◀', disabled: badOffset === 0, onclick: () => { badOffset = Math.max(0, badOffset - BAD_PAGE); loadBad(); } }),
        el('span', { id: 'qc-bad-position', text: `rows ${num(badOffset + 1)}–${num(badOffset + page.rows.length)} of ${num(page.total)}` }),
        el('button.secondary', { text: '▶', id: 'qc-bad-next', disabled: badOffset + BAD_PAGE >= page.total, onclick: () => { badOffset += BAD_PAGE; loadBad(); } })) : null,
      page.total ? el('div.qc-bad-table', {}, el('table.grid', { id: 'qc-bad-table' },
        el('thead', {}, el('tr', {}, ...page.columns.map((c) => el('th', { text: c })))),
        el('tbody', {}, ...page.rows.map((r) => el('tr', {}, ...r.map((v) => el('td', { text: String(v) }))))))) : null);
  }

  async function showStack(ds) {
    try { await app.views.gathers.showStack(ds); } catch (e) { app.fail(e); }
  }

  // ---- runs
  function values(inputs) {
    const o = {};
    for (const [k, i] of Object.entries(inputs)) o[k] = i.type === 'checkbox' ? i.checked : i.value.trim();
    return o;
  }

  async function runStack() {
    for (const old of stackForm.querySelectorAll('.field-error')) old.remove();
    const v = values(stackInputs);
    try {
      const task = await postJson('/api/qc/stack', { ds: dsChoice.value, ...v });
      await watch(task, stackForm.taskBox, async (s) => {
        await refresh();
        stackChoice.value = s.result.output;
        stackForm.taskBox.append(el('button.secondary', { text: `show ${s.result.output} in Gathers`, id: 'qcs-show', onclick: () => showStack(s.result.output) }));
      });
    } catch (e) { showError(stackForm, e); }
  }

  async function runAttributes() {
    for (const old of attrForm.querySelectorAll('.field-error')) old.remove();
    const v = values(attrInputs);
    try {
      const task = await postJson('/api/qc/attributes', { ds: dsChoice.value, ...v });
      await watch(task, attrForm.taskBox, async (s) => { await refresh(); attributesChoice.value = s.result.output; });
    } catch (e) { showError(attrForm, e); }
  }

  async function runBatch() {
    for (const old of batchForm.querySelectorAll('.field-error')) old.remove();
    const v = values(batchInputs);
    let body;
    if (v.source === 'chain') {
      const processors = app.views.processing.chainJson();
      if (!dsChoice.value) { showError(batchForm, new Error('choose a dataset first (QC report: Dataset)')); return; }
      if (!processors?.length) { showError(batchForm, new Error('build a processor chain in the Processing tab first')); return; }
      body = { name: v.name, ds: dsChoice.value, key: v.key, sort: v.sort, processors, output: v.output, overwrite: v.overwrite };
      if (v.gathers) body.gathers = v.gathers.split(/[\s,;]+/).filter(Boolean).map((x) => (/^-?\d+$/.test(x) ? Number(x) : x));
      if (v.lines) body.lines = v.lines;
      if (v.velocity) body.stack = { velocity: v.velocity };
    } else body = { jobFile: v.source, overwrite: v.overwrite };
    try {
      const task = await postJson('/api/qc/batch', body);
      await watch(task, batchForm.taskBox, async (s) => {
        await refresh();
        await openBatch(s.result.output, s.result.key, s.result.sort ?? '');
      });
    } catch (e) { showError(batchForm, e); }
  }

  async function openBatch(dir, key, sort) {
    if (!dir) { showError(batchForm, new Error('no batch QC output chosen')); return; }
    try {
      showPane('compare');
      await compare.open(dir, key, sort);
    } catch (e) { showError(batchForm, e); app.fail(e); }
  }

  document.addEventListener('keydown', (ev) => {
    if (app.current !== 'qc' || pane !== 'compare' || ev.target.matches('input, textarea, select, button')) return;
    compare.onKey(ev);
  });
  app.on('show', (name) => { if (name === 'qc') refresh(); });
  app.on('dataset', (ds) => { if (sources.datasets.some((d) => d.path === ds)) dsChoice.value = ds; });
  return { refresh, buildReport, loadReport, runStack, runAttributes, runBatch, openBatch, compare, get report() { return report; }, get pane() { return pane; } };
}
