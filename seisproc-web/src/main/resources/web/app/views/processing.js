// The processing preview: a processor chain built from a form generated from the processor
// metadata (names, units, defaults; the server's validation messages shown where they belong),
// applied to the shown gather on the server; input / processed / difference side by side or
// flipped with Space; the chain saved as a job file that `seisproc run` accepts unchanged, and
// submitted as a job.

import { getJson, postJson, postFrame } from '../api.js';
import { GatherView } from '../render.js';
import { gatherData } from './gathers.js';
import { el, field, select } from './dom.js';

const PANELS = ['input', 'processed', 'difference'];

export function create(root, app) {
  root.classList.add('fill');
  let specs = [];
  const chain = [];
  let preview = null;
  let layout = 'side';
  let flip = 0;

  const chooser = select([], '', { id: 'processor-choice' });
  const steps = el('div', { id: 'chain' });
  const problems = el('div.error-text', { id: 'chain-problems' });
  const jobName = el('input', { type: 'text', id: 'job-name', size: 22 });
  const output = el('input', { type: 'text', id: 'job-output', size: 22 });
  const jobInfo = el('div', { id: 'job-info' });
  const layoutChoice = select([['side', 'Side by side'], ['flip', 'Flip with Space']], 'side', { id: 'preview-layout' });
  const where = el('span.muted', { id: 'preview-where' });

  const sidebar = el('div.sidebar', { style: 'width: 340px' },
    el('div.panel', {}, el('h2', { text: 'Processor chain' }),
      el('div.row', {}, chooser, el('button.secondary', { text: 'Add', onclick: () => add(chooser.value), id: 'add-processor' })),
      el('div', { style: 'margin-top:8px' }, steps), problems,
      el('div.row', { style: 'margin-top:6px' },
        el('button.primary', { text: 'Preview on the shown gather', onclick: () => run(), id: 'preview-button' }))),
    el('div.panel', {}, el('h2', { text: 'Job' }),
      field('Job file (saved in the served folder)', jobName), field('Output dataset', output),
      el('div.row', { style: 'margin-top:6px' },
        el('button.secondary', { text: 'Download job file', onclick: () => download() }),
        el('button.primary', { text: 'Save and run', onclick: () => submit(), id: 'submit-job' })),
      jobInfo));
  const plots = el('div.plots', { id: 'preview-plots' });
  const panels = PANELS.map((name) => el('div.plot', { id: `preview-${name}` }));
  panels.forEach((p) => plots.append(p));
  const views = PANELS.map((name, k) => new GatherView(panels[k], { title: name }));
  const workspace = el('div.workspace', {},
    el('div.navbar', {}, el('span', { text: 'Layout ' }), layoutChoice, where, el('span.spacer'),
      el('span.muted', { text: 'Space flips input → processed → difference' })),
    plots);
  root.append(sidebar, workspace);
  layoutChoice.addEventListener('change', () => { layout = layoutChoice.value; arrange(); });

  function arrange() {
    panels.forEach((p, k) => { p.style.display = layout === 'side' || k === flip ? '' : 'none'; });
    views.forEach((v) => v.paint());
  }

  async function loadSpecs() {
    try {
      specs = await getJson('/api/processors');
      chooser.replaceChildren(...specs.map((s) => el('option', { value: s.name, text: `${s.name} — ${s.description}` })));
    } catch (e) { app.fail(e); }
  }

  function add(name, values = {}) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) return;
    const step = { spec, inputs: {}, errors: {} };
    chain.push(step);
    render();
    for (const [k, v] of Object.entries(values)) {
      const i = step.inputs[k];
      if (i?.type === 'checkbox') i.checked = !!v; else if (i) i.value = typeof v === 'object' ? JSON.stringify(v) : v;
    }
    return step;
  }

  function render() {
    steps.replaceChildren(...chain.map((step, n) => {
      const params = step.spec.parameters.map((p) => {
        let input;
        const def = p.default;
        if (p.kind === 'boolean') input = el('input', { type: 'checkbox', checked: def === true });
        else if (p.kind === 'choice') input = select(p.options ?? [def], def ?? '');
        else if (p.kind === 'number' || p.kind === 'integer') input = el('input', { type: 'number', step: p.kind === 'integer' ? 1 : 'any', value: def ?? '', placeholder: p.required ? 'required' : '' });
        else if (p.kind === 'table') input = el('textarea', { rows: 3, placeholder: p.required ? 'required JSON: ' + p.description : 'JSON' });
        else input = el('input', { type: 'text', value: def ?? '', placeholder: p.kind === 'number_list' ? 'comma-separated numbers' + (p.required ? ' (required)' : '') : '' });
        input.dataset.param = p.name;
        if (step.inputs[p.name]) copyValue(step.inputs[p.name], input);
        step.inputs[p.name] = input;
        const label = `${p.name}${p.unit ? ` (${p.unit})` : ''}${p.required ? ' *' : ''}`;
        const f = field(label, input);
        f.title = p.description;
        if (p.kind === 'table' || p.kind === 'number_list') f.classList.add('wide');
        if (step.errors[p.name]) f.append(el('span.field-error', { text: step.errors[p.name] }));
        return f;
      });
      return el('div.chain-step', { 'data-step': step.spec.name },
        el('header', {}, el('span', { text: `${n + 1}. ${step.spec.name}` }),
          el('span', {},
            el('button.secondary', { text: '↑', title: 'move up', onclick: () => { if (n > 0) { chain.splice(n - 1, 0, chain.splice(n, 1)[0]); render(); } } }),
            el('button.secondary', { text: '✕', title: 'remove', onclick: () => { chain.splice(n, 1); render(); } }))),
        el('div.muted', { style: 'font-size:11px;margin-bottom:4px', text: step.spec.description }),
        el('div.params', {}, ...params));
    }));
  }

  function copyValue(from, to) {
    if (from.type === 'checkbox') to.checked = from.checked; else to.value = from.value;
  }

  /** The chain as job-file JSON; client-side checks mark fields and return null on a problem. */
  function chainJson() {
    let ok = true;
    const out = chain.map((step) => {
      step.errors = {};
      const o = { name: step.spec.name };
      for (const p of step.spec.parameters) {
        const i = step.inputs[p.name];
        const raw = i.type === 'checkbox' ? i.checked : i.value.trim();
        if (raw === '' || raw === null) {
          if (p.required) { step.errors[p.name] = 'required'; ok = false; }
          continue;
        }
        try {
          if (p.kind === 'number' || p.kind === 'integer') {
            const v = Number(raw);
            if (!Number.isFinite(v) || (p.kind === 'integer' && !Number.isInteger(v))) throw new Error(`not ${p.kind === 'integer' ? 'an integer' : 'a number'}`);
            o[p.name] = v;
          } else if (p.kind === 'number_list') {
            const v = raw.split(/[,\s]+/).filter(Boolean).map(Number);
            if (v.some((x) => !Number.isFinite(x))) throw new Error('a list of numbers, e.g. 0, 1500');
            o[p.name] = v;
          } else if (p.kind === 'table') o[p.name] = JSON.parse(raw);
          else o[p.name] = raw;
        } catch (e) { step.errors[p.name] = e.message; ok = false; }
      }
      return o;
    });
    if (!ok) render();
    return ok ? out : null;
  }

  async function run() {
    problems.textContent = '';
    const s = app.state;
    if (!s.ds) { problems.textContent = 'choose a dataset and a gather first'; return; }
    if (!chain.length) { problems.textContent = 'add a processor to the chain'; return; }
    const processors = chainJson();
    if (!processors) { problems.textContent = 'fix the marked fields'; return; }
    try {
      const t0 = performance.now();
      const frame = await postFrame('/api/preview', { ds: s.ds, key: s.key, sort: s.sort, e: s.ensemble, processors });
      render();
      const input = gatherData(frame, 'input');
      const processed = gatherData(frame, 'processed');
      const n = input.n1 * input.n2;
      const same = processed.n2 === input.n2;
      const diff = new Float32Array(same ? n : 0);
      if (same) for (let k = 0; k < n; k++) diff[k] = input.samples[k] - processed.samples[k];
      const difference = { ...input, samples: same ? diff : new Float32Array(input.n1 * input.n2) };
      preview = { frame, input, processed, difference, ms: performance.now() - t0 };
      const d = app.views.gathers.display();
      views[0].setDisplay({ ...d, fixedClip: null });
      views[0].setData(input);
      const clip = views[0].clip;
      views[1].setDisplay({ ...d, fixedClip: processed.n2 === input.n2 ? clip : null });
      views[1].setData(processed);
      views[2].setDisplay({ ...d, fixedClip: clip });
      views[2].setData(same ? difference : null);
      where.textContent = ` ${s.ds}, ${frame.meta.key} = ${frame.meta.keyValues.join(',')} (ensemble ${s.ensemble + 1}); processed on the server in ${(frame.meta.processSeconds * 1000).toFixed(1)} ms`
        + (same ? '' : '; the chain reduces the gather, so no difference is shown');
      app.status('preview ready');
    } catch (e) {
      if (e.parameter === 'processors') showProblems(e.message); else app.fail(e);
    }
  }

  /** Puts the server's validation problems ("processors[i] (name): parameter 'p' ...") at their fields. */
  function showProblems(message) {
    const rest = [];
    for (const step of chain) step.errors = {};
    for (const part of message.split('; ')) {
      const m = /^processors\[(\d+)\] \([^)]*\): (?:parameter '(\w+)' )?(.*)$/.exec(part);
      const step = m && chain[Number(m[1])];
      if (step && m[2] && step.inputs[m[2]]) step.errors[m[2]] = m[3];
      else rest.push(part);
    }
    render();
    problems.textContent = rest.join('\n');
  }

  async function jobFile() {
    const s = app.state;
    const processors = chainJson();
    if (!processors) throw new Error('fix the marked fields');
    if (!chain.length) throw new Error('add a processor to the chain');
    return postJson('/api/jobfile', { ds: s.ds, key: s.key, sort: s.sort, processors, output: output.value.trim() });
  }

  async function download() {
    try {
      const job = await jobFile();
      const a = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(job, null, 2)], { type: 'application/json' })), download: jobName.value || 'job.json' });
      a.click();
    } catch (e) { if (e.parameter === 'processors') showProblems(e.message); else app.fail(e); }
  }

  async function submit() {
    try {
      const job = await jobFile();
      const task = await postJson('/api/jobs', { name: jobName.value.trim(), job });
      jobInfo.replaceChildren(el('p', {}, `Submitted ${task.id}: `, el('a', { href: '#', text: 'watch it in Jobs', onclick: (ev) => { ev.preventDefault(); app.show('jobs'); } })));
      app.emit('tasks', task.id);
    } catch (e) {
      if (e.parameter === 'processors') showProblems(e.message);
      else jobInfo.replaceChildren(el('p.error-text', { text: e.message }));
    }
  }

  function defaults() {
    const base = (app.state.ds ?? 'data').replace(/\.dataset$/, '').split('/').pop();
    output.value = `${base}-processed.dataset`;
    jobName.value = `${base}-job.json`;
  }

  document.addEventListener('keydown', (ev) => {
    if (app.current !== 'processing' || ev.key !== ' ' || ev.target.matches('input, textarea, select, button')) return;
    ev.preventDefault();
    if (layout !== 'flip') { layout = 'flip'; layoutChoice.value = 'flip'; }
    flip = (flip + 1) % PANELS.length;
    arrange();
  });
  app.on('show', (name) => { if (name === 'processing') { if (!specs.length) loadSpecs(); if (!output.value) defaults(); arrange(); } });
  app.on('dataset', defaults);
  return { add, run, submit, chainJson, get preview() { return preview; }, views, get flip() { return flip; } };
}
