// The PSTM wizard: eight steps that build a migration job file (what `seisproc migrate` reads):
// input and header mapping (the scan's counts and first values per role), the survey scan,
// the output grid, the velocity with a v(T) preview, offset classes with presets, the algorithm,
// execution, and the review (the server's checks through the core, the memory/disk/time
// estimate, save / load / download, run). Every check is the server's; a problem is shown at its
// step and in the review, naming the job-file field.

import { getJson } from '../api.js';
import { el, num, bytes, field, select } from './dom.js';

const STEPS = ['Input', 'Survey', 'Grid', 'Velocity', 'Offsets', 'Algorithm', 'Execution', 'Review'];
const ROLES = ['sourceX', 'sourceY', 'groupX', 'groupY', 'coordinateScalar', 'inline', 'crossline', 'cdpX', 'cdpY', 'cdp'];
/** The wizard step of a job-file field (for problems). */
const STEP_OF = { input: 0, output: 0, gathers: 0, headers: 0, grid: 2, velocity: 3, offsetClasses: 4, aperture: 5, antiAlias: 5, weights: 5, interpolation: 5, execution: 6 };

export function create(root, app) {
  let step = 0, scan = null, review = null;
  const inputs = {};
  /** A form input remembered under `id` (its element id is `pstm-<id>`). */
  function inp(id, attrs = {}) {
    const e = el('input', { type: 'text', id: `pstm-${id}`, size: 10, ...attrs });
    inputs[id] = e;
    return e;
  }
  function sel(id, options, value) {
    const e = select(options, value, { id: `pstm-${id}` });
    inputs[id] = e;
    return e;
  }
  function check(id, checked) {
    const e = el('input', { type: 'checkbox', id: `pstm-${id}` });
    e.checked = checked;
    inputs[id] = e;
    return e;
  }
  const value = (id) => inputs[id].value.trim();
  /** A number field: undefined when empty, the text itself when it is no number (the server names it). */
  const number = (id) => (value(id) === '' ? undefined : Number.isFinite(Number(value(id))) ? Number(value(id)) : value(id));

  const nav = el('div.pstm-steps', { id: 'pstm-steps' });
  const pages = STEPS.map((name, k) => el('div.panel.pstm-page', { id: `pstm-page-${k}` }, el('h2', { text: `${k + 1}. ${name}` })));
  const errors = STEPS.map((_, k) => el('div.error-text', { id: `pstm-errors-${k}` }));
  const buttons = el('div.row', { style: 'margin-top:8px' },
    el('button.secondary', { text: '← Back', id: 'pstm-back', onclick: () => go(step - 1) }),
    el('button.primary', { text: 'Next →', id: 'pstm-next', onclick: () => go(step + 1) }));
  root.append(el('div.pstm', {}, nav, el('div.pstm-body', {}, ...pages, buttons)));

  // 1. input and header mapping
  const dsChoice = select([], '', { id: 'pstm-input' });
  inputs.input = dsChoice;
  const mapping = el('tbody', { id: 'pstm-mapping' });
  const scanNotes = el('div', { id: 'pstm-scan-notes' });
  pages[0].append(
    el('div.row', {}, field('Input dataset (prestack, any order)', dsChoice), field('Output image dataset', inp('output', { size: 26 })),
      field('Common-image gathers (optional)', inp('gathers', { size: 26, placeholder: 'none' })),
      el('button.secondary', { text: 'Auto-detect', id: 'pstm-detect', title: 'scan with the standard fields and the core\'s fallbacks', onclick: () => detect({}) })),
    el('table.grid', { style: 'margin-top:8px' }, el('thead', {}, el('tr', {}, ...['role', 'header field', 'non-zero', 'first values', 'detection'].map((h) => el('th', { text: h })))), mapping),
    scanNotes, errors[0]);
  dsChoice.addEventListener('change', () => { inputs.output.value = stem(dsChoice.value) + '-pstm.dataset'; detect(); });

  // 2. survey scan
  const survey = el('dl.facts', { id: 'pstm-survey' });
  pages[1].append(survey, errors[1]);

  // 3. grid
  pages[2].append(
    el('div.row', {}, field('First inline', inp('il0', { size: 6 })), field('Last inline', inp('il1', { size: 6 })), field('Inline step', inp('ils', { size: 4 }))),
    el('div.row', {}, field('First crossline', inp('xl0', { size: 6 })), field('Last crossline', inp('xl1', { size: 6 })), field('Crossline step', inp('xls', { size: 4 }))),
    el('div.row', {}, field('First time (s)', inp('t0', { size: 6 })), field('Last time (s)', inp('t1', { size: 6 })), field('Sample interval (µs)', inp('dt', { size: 6 }))),
    el('p.muted', { text: 'Defaults: the survey\'s scanned inline and crossline ranges at step 1 and the input\'s time axis.' }), errors[2]);

  // 4. velocity
  const vKind = sel('vkind', [['linear', 'linear v0 + k·T'], ['constant', 'constant'], ['table', 'table of functions'], ['dataset', 'velocity dataset']], 'linear');
  const vFields = el('div.row');
  const vCanvas = el('canvas', { id: 'pstm-vplot', width: 320, height: 240 });
  const vInfo = el('div.muted', { id: 'pstm-vinfo' });
  inp('v', { value: '2000' }); inp('v0', { value: '1800' }); inp('k', { value: '600' }); inp('vpath', { size: 26 });
  inp('vil', { size: 5 }); inp('vxl', { size: 5 });
  const vTable = el('textarea', { rows: 5, id: 'pstm-vtable', placeholder: '[{"inline": 1, "crossline": 10, "times": [0, 2], "velocities": [1800, 3000]}]' });
  inputs.vtable = vTable;
  function velocityFields() {
    const k = vKind.value;
    vFields.replaceChildren(...(k === 'constant' ? [field('v (m/s)', inputs.v)] : k === 'linear' ? [field('v0 (m/s)', inputs.v0), field('k (m/s per s)', inputs.k)]
      : k === 'dataset' ? [field('Velocity dataset (one trace per bin, m/s)', inputs.vpath)] : [field('Functions (JSON)', vTable)]));
  }
  vKind.addEventListener('change', () => { velocityFields(); previewVelocity(); });
  let vTimer = null;
  for (const id of ['v', 'v0', 'k', 'vpath', 'vil', 'vxl', 'vtable']) {
    inputs[id].addEventListener('input', () => { clearTimeout(vTimer); vTimer = setTimeout(previewVelocity, 400); }); // the plot follows the typing
  }
  pages[3].append(el('div.row', {}, field('Kind', vKind)), vFields,
    el('div.row', { style: 'margin-top:8px' }, field('Preview at inline', inputs.vil), field('crossline', inputs.vxl),
      el('button.secondary', { text: 'Preview v(T)', id: 'pstm-vpreview', onclick: () => previewVelocity() })),
    el('div', { style: 'margin-top:6px' }, vCanvas), vInfo, errors[3]);
  velocityFields();

  // 5. offset classes
  const preset = sel('preset', [['all', 'one class (the stack only)'], ['uniform', 'uniform classes'], ['edges', 'explicit edges']], 'all');
  inp('count', { value: '4', size: 4 }); inp('maxMeters', { size: 7 }); inp('edges', { size: 30, placeholder: '0, 250, 500, 1000' });
  const classFields = el('div.row');
  const classList = el('div.muted', { id: 'pstm-classes' });
  function offsetFields() {
    const p = preset.value;
    classFields.replaceChildren(...(p === 'uniform' ? [field('Classes', inputs.count), field('Up to (m)', inputs.maxMeters)] : p === 'edges' ? [field('Edges (m)', inputs.edges)] : []));
    const e = edges();
    classList.textContent = e ? e.slice(0, -1).map((a, i) => `${a}–${e[i + 1] === Infinity ? '∞' : e[i + 1]} m`).join(', ') : '';
  }
  function edges() {
    const p = preset.value;
    if (p === 'all') return [0, Infinity];
    if (p === 'uniform') { const n = number('count'), m = number('maxMeters'); return n > 0 && m > 0 ? Array.from({ length: n + 1 }, (_, i) => +(i * m / n).toFixed(2)) : null; }
    const e = value('edges').split(/[\s,]+/).filter((x) => x).map(Number);
    return e.length > 1 ? e : null;
  }
  const presetButtons = el('div.row', {},
    ...[[1, 'Stack only'], [4, '4 classes'], [8, '8 classes'], [16, '16 classes']].map(([n, t]) => el('button.secondary', { text: t, onclick: () => {
      preset.value = n === 1 ? 'all' : 'uniform'; inputs.count.value = n;
      if (!value('maxMeters') && scan) inputs.maxMeters.value = Math.ceil(scan.maxOffsetMeters);
      offsetFields();
    } })));
  for (const id of ['count', 'maxMeters', 'edges']) inputs[id].addEventListener('input', offsetFields);
  preset.addEventListener('change', offsetFields);
  pages[4].append(el('p.muted', { text: 'Presets' }), presetButtons, el('div.row', { style: 'margin-top:8px' }, field('Offset classes', preset)), classFields, classList,
    el('p.muted', { text: 'Absolute source–receiver distance from the coordinates; one common-image gather trace per class per bin.' }), errors[4]);
  offsetFields();

  // 6. algorithm
  pages[5].append(
    el('div.row', {}, field('Aperture (m)', inp('apDist', { value: '3000', size: 6 })), field('Max angle (°)', inp('apAngle', { value: '60', size: 4 })),
      field('Taper fraction', inp('apTaper', { value: '0.1', size: 4 }))),
    el('div.row', {}, el('label.field', {}, 'Anti-aliasing', check('aa', true)), field('Triangle factor', inp('aaFactor', { value: '1', size: 4 })),
      field('Max half-length (samples)', inp('aaMax', { value: '12', size: 4 }))),
    el('div.row', {}, el('label.field', {}, 'Obliquity', check('obliquity', true)), el('label.field', {}, 'Spreading', check('spreading', true)),
      field('Rho filter', sel('rho', ['auto', 'half', 'full', 'off'], 'auto')), field('Interpolation', sel('interp', ['linear', 'nearest'], 'linear'))),
    errors[5]);

  // 7. execution
  pages[6].append(
    el('div.row', {}, field('Workers (0 = one per core)', inp('workers', { value: '0', size: 4 })), field('Tile inlines', inp('tileIl', { value: '16', size: 4 })),
      field('Tile crosslines', inp('tileXl', { value: '16', size: 4 })), field('Memory budget (MB, 0 = the JVM\'s heap)', inp('budget', { value: '0', size: 6 }))),
    el('p.muted', { text: 'Each worker migrates one output tile at a time; smaller tiles need less memory, larger ones read each trace fewer times.' }), errors[6]);

  // 8. review
  const reviewBox = el('div', { id: 'pstm-review' });
  const jobName = inp('name', { size: 22, value: 'pstm.json' });
  const overwrite = check('overwrite', false);
  const saveInfo = el('div', { id: 'pstm-save-info' });
  pages[7].append(
    el('div.row', {}, el('button.secondary', { text: 'Check again', id: 'pstm-check', onclick: () => runCheck() })), reviewBox,
    el('div.row', { style: 'margin-top:10px' }, field('Job file (in the served folder)', jobName),
      el('button.secondary', { text: 'Save', id: 'pstm-save', onclick: () => save() }),
      el('button.secondary', { text: 'Load', id: 'pstm-load', onclick: () => load() }),
      el('button.secondary', { text: 'Download', onclick: () => download() }),
      el('label.field', {}, 'Replace existing outputs', overwrite),
      el('button.primary', { text: 'Run', id: 'pstm-run', onclick: () => run() })),
    saveInfo, errors[7]);

  function go(k) {
    step = Math.max(0, Math.min(STEPS.length - 1, k));
    pages.forEach((p, i) => p.classList.toggle('active', i === step));
    renderNav();
    if (step === 3) previewVelocity();
    if (step === 7) runCheck();
  }

  /** The step list, marking the steps with problems. */
  function renderNav() {
    nav.replaceChildren(...STEPS.map((name, i) => el(`button.pstm-step${i === step ? '.active' : ''}${errors[i].textContent ? '.invalid' : ''}`,
      { text: `${i + 1}. ${name}`, 'data-step': i, onclick: () => go(i) })));
    buttons.querySelector('#pstm-next').disabled = step === STEPS.length - 1;
    buttons.querySelector('#pstm-back').disabled = step === 0;
  }

  /** The job as the form says (what the saved job file holds). */
  function job() {
    const j = { input: dsChoice.value, output: value('output') };
    if (value('gathers')) j.gathers = value('gathers');
    const headers = {};
    for (const r of ROLES) if (inputs['h-' + r]) headers[r] = inputs['h-' + r].value;
    j.headers = headers;
    const g = {};
    if (value('il0') !== '' || value('il1') !== '') g.inlines = [number('il0'), number('il1'), number('ils') ?? 1];
    if (value('xl0') !== '' || value('xl1') !== '') g.crosslines = [number('xl0'), number('xl1'), number('xls') ?? 1];
    if (value('t0') !== '' || value('t1') !== '') g.times = [number('t0'), number('t1')];
    if (value('dt') !== '') g.sampleIntervalMicros = number('dt');
    j.grid = g;
    const k = vKind.value;
    j.velocity = k === 'constant' ? { kind: k, v: number('v') } : k === 'linear' ? { kind: k, v0: number('v0'), k: number('k') }
      : k === 'dataset' ? { kind: k, path: value('vpath') } : { kind: k, functions: parseTable() };
    j.aperture = { maxDistanceMeters: number('apDist'), maxAngleDegrees: number('apAngle'), taperFraction: number('apTaper') };
    j.antiAlias = { enabled: inputs.aa.checked, factor: number('aaFactor'), maxHalfLength: number('aaMax') };
    j.weights = { obliquity: inputs.obliquity.checked, spreading: inputs.spreading.checked, rho: inputs.rho.value };
    j.interpolation = inputs.interp.value;
    const p = preset.value;
    j.offsetClasses = p === 'all' ? { preset: 'all' } : p === 'uniform' ? { preset: 'uniform', count: number('count'), maxMeters: number('maxMeters') }
      : { edgesMeters: value('edges').split(/[\s,]+/).filter((x) => x).map(Number) };
    j.execution = { workers: number('workers'), tileInlines: number('tileIl'), tileCrosslines: number('tileXl'), memoryBudgetMegabytes: number('budget') };
    return j;
  }

  function parseTable() {
    try { return JSON.parse(vTable.value || '[]'); } catch { return vTable.value; }
  }

  /** Fills the form from a job file's content. */
  function fill(j) {
    const set = (id, v) => { if (v !== undefined && v !== null) inputs[id].value = v; };
    if (j.input) { if (![...dsChoice.options].some((o) => o.value === j.input)) dsChoice.append(el('option', { value: j.input, text: j.input })); dsChoice.value = j.input; }
    set('output', j.output); inputs.gathers.value = j.gathers ?? '';
    const g = j.grid ?? {};
    for (const [a, ids] of [[g.inlines, ['il0', 'il1', 'ils']], [g.crosslines, ['xl0', 'xl1', 'xls']], [g.times, ['t0', 't1']]]) ids.forEach((id, i) => { inputs[id].value = a?.[i] ?? (a && i === 2 ? 1 : ''); });
    inputs.dt.value = g.sampleIntervalMicros ?? '';
    const v = j.velocity ?? {};
    if (v.kind) vKind.value = v.kind;
    set('v', v.v); set('v0', v.v0); set('k', v.k); set('vpath', v.path);
    if (v.functions) vTable.value = JSON.stringify(v.functions);
    velocityFields();
    const a = j.aperture ?? {}, aa = j.antiAlias ?? {}, w = j.weights ?? {}, e = j.execution ?? {}, o = j.offsetClasses ?? { preset: 'all' };
    set('apDist', a.maxDistanceMeters); set('apAngle', a.maxAngleDegrees); set('apTaper', a.taperFraction);
    if (aa.enabled !== undefined) inputs.aa.checked = aa.enabled;
    set('aaFactor', aa.factor); set('aaMax', aa.maxHalfLength);
    if (w.obliquity !== undefined) inputs.obliquity.checked = w.obliquity;
    if (w.spreading !== undefined) inputs.spreading.checked = w.spreading;
    set('rho', w.rho); set('interp', j.interpolation);
    preset.value = o.edgesMeters ? 'edges' : o.preset ?? 'all';
    set('count', o.count); set('maxMeters', o.maxMeters); inputs.edges.value = (o.edgesMeters ?? []).join(', ');
    offsetFields();
    set('workers', e.workers); set('tileIl', e.tileInlines); set('tileXl', e.tileCrosslines); set('budget', e.memoryBudgetMegabytes);
    detect(j.headers ?? {}, true);
  }

  function showProblems(err) {
    errors.forEach((e) => e.replaceChildren());
    const list = err?.problems ?? (err ? [{ message: err.message, parameter: err.parameter }] : []);
    for (const p of list) {
      const top = (p.parameter ?? '').split(/[.[]/)[0];
      const k = STEP_OF[top] ?? 7;
      errors[k].append(el('div', { text: `${p.parameter ? p.parameter + ': ' : ''}${p.message}` }));
      if (k !== 7) errors[7].append(el('div', {}, el('a', { href: '#', text: `${STEPS[k]}: `, onclick: (ev) => { ev.preventDefault(); go(k); } }), p.message));
    }
    renderNav();
  }

  async function request(path, body) {
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-SeisProc-Token': token() }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) { const e = new Error(data.error ?? `HTTP ${res.status}`); e.parameter = data.parameter; e.problems = data.problems; throw e; }
    return data;
  }

  async function detect(headers = null, keep = false) {
    if (!dsChoice.value) return;
    const current = {};
    for (const r of ROLES) if (inputs['h-' + r] && !headers) current[r] = inputs['h-' + r].value;
    try {
      scan = await request('/api/pstm/scan', { input: dsChoice.value, headers: headers ?? current });
      errors[0].replaceChildren();
      renderScan(keep);
    } catch (e) { scan = null; showProblems(e); }
  }

  function renderScan(keep) {
    const names = scan.headerNames;
    mapping.replaceChildren(...ROLES.map((r) => {
      const f = scan.fields.find((x) => x.role === r);
      const s = select(names.includes(scan.mapping[r]) ? names : [scan.mapping[r], ...names], scan.mapping[r], { id: `pstm-h-${r}` });
      inputs['h-' + r] = s;
      s.addEventListener('change', () => detect());
      return el('tr', {}, el('td', { text: r }), el('td', {}, s), el('td.num', { text: f ? num(f.nonZero) : '' }),
        el('td.mono', { text: f ? f.sample.join(', ') : '' }), el('td.muted', { text: f?.note ?? (f ? '' : 'not read') }));
    }));
    scanNotes.replaceChildren(...scan.notes.map((n) => el('p.notice', { text: n })), ...scan.problems.map((p) => el('p.error-text', { text: p })));
    const x = scan.extentMeters, b = scan.bins;
    survey.replaceChildren(
      el('dt', { text: 'traces' }), el('dd', { id: 'pstm-survey-traces', text: `${num(scan.traces)} × ${scan.samples} samples of ${scan.sampleIntervalMicros / 1000} ms` }),
      el('dt', { text: 'geometry' }), el('dd', { text: scan.threeD ? '3D' : '2D line' }),
      el('dt', { text: 'coordinate scalar' }), el('dd', { text: scan.coordinateScalar }),
      el('dt', { text: 'extent x' }), el('dd', { text: `${x.xMin.toFixed(1)} … ${x.xMax.toFixed(1)} m` }),
      el('dt', { text: 'extent y' }), el('dd', { text: `${x.yMin.toFixed(1)} … ${x.yMax.toFixed(1)} m` }),
      el('dt', { text: 'inlines' }), el('dd', { id: 'pstm-survey-inlines', text: `${scan.inlines[0]} … ${scan.inlines[1]}` }),
      el('dt', { text: 'crosslines' }), el('dd', { id: 'pstm-survey-crosslines', text: `${scan.crosslines[0]} … ${scan.crosslines[1]}` }),
      el('dt', { text: 'max offset' }), el('dd', { text: `${scan.maxOffsetMeters.toFixed(0)} m` }),
      ...(b ? [el('dt', { text: 'bins' }), el('dd', { text: `${b.inlineSpacingMeters.toFixed(2)} m (inline) × ${b.crosslineSpacingMeters.toFixed(2)} m (crossline), azimuth ${b.inlineAzimuthDegrees.toFixed(1)}°, fit residual ${b.residualMeters.toFixed(2)} m` })] : []),
      ...scan.problems.map((p) => [el('dt', { text: 'problem' }), el('dd.error-text', { text: p })]).flat());
    if (!keep) {
      inputs.il0.value = scan.inlines[0]; inputs.il1.value = scan.inlines[1]; inputs.ils.value = 1;
      inputs.xl0.value = scan.crosslines[0]; inputs.xl1.value = scan.crosslines[1]; inputs.xls.value = 1;
      inputs.t0.value = 0; inputs.t1.value = +((scan.samples - 1) * scan.sampleIntervalMicros / 1e6).toFixed(6); inputs.dt.value = scan.sampleIntervalMicros;
      inputs.vil.value = Math.round((scan.inlines[0] + scan.inlines[1]) / 2); inputs.vxl.value = Math.round((scan.crosslines[0] + scan.crosslines[1]) / 2);
      if (!value('maxMeters')) inputs.maxMeters.value = Math.ceil(scan.maxOffsetMeters);
    }
  }

  async function previewVelocity() {
    try {
      const v = await request('/api/pstm/velocity', { job: job(), inline: number('vil'), crossline: number('vxl') });
      errors[3].replaceChildren();
      plotVelocity(v);
      vInfo.textContent = `v(T) at inline ${v.inline}, crossline ${v.crossline}: ${Math.min(...v.velocities).toFixed(0)} … ${Math.max(...v.velocities).toFixed(0)} m/s`
        + (v.warnings.length ? ` — ${v.warnings.join('; ')}` : '');
    } catch (e) { vInfo.textContent = ''; plotVelocity(null); showProblems(e); }
  }

  function plotVelocity(v) {
    const g = vCanvas.getContext('2d'), W = vCanvas.width, H = vCanvas.height, L = 46, T = 18, R = 10, B = 8;
    g.fillStyle = '#fff'; g.fillRect(0, 0, W, H);
    if (!v) return;
    const t = v.times, vel = v.velocities;
    let lo = Math.min(...vel), hi = Math.max(...vel);
    if (hi - lo < 1) { lo -= 100; hi += 100; }
    const x = (s) => L + (s - lo) / (hi - lo) * (W - L - R), y = (s) => T + (s - t[0]) / Math.max(1e-9, t[t.length - 1] - t[0]) * (H - T - B);
    g.strokeStyle = '#c3cad6'; g.strokeRect(L, T, W - L - R, H - T - B);
    g.fillStyle = '#5c6577'; g.font = '10px system-ui';
    g.fillText(`${lo.toFixed(0)}`, L, 12); g.fillText(`${hi.toFixed(0)} m/s`, W - R - 52, 12);
    g.fillText('0 s', 4, T + 8); g.fillText(`${t[t.length - 1].toFixed(2)} s`, 2, H - B);
    g.strokeStyle = '#1f6fd1'; g.lineWidth = 2; g.beginPath();
    for (let k = 0; k < t.length; k++) (k ? g.lineTo : g.moveTo).call(g, x(vel[k]), y(t[k]));
    g.stroke();
  }

  async function runCheck() {
    reviewBox.replaceChildren(el('p.muted', { text: 'checking…' }));
    try {
      review = await request('/api/pstm/check', { job: job() });
      showProblems(null);
      const e = review.estimate, g = review.grid;
      reviewBox.replaceChildren(el('p.ok-text', { id: 'pstm-valid', text: review.refusals.length ? 'The job file is valid, but the estimate refuses it:' : 'The job is valid.' }),
        ...review.refusals.map((r) => el('p.error-text', { text: r })),
        el('dl.facts', { id: 'pstm-estimate' },
          el('dt', { text: 'output grid' }), el('dd', { text: `inlines ${g.inlines[0]} … ${g.inlines[1]} step ${g.inlines[2]}, crosslines ${g.crosslines[0]} … ${g.crosslines[1]} step ${g.crosslines[2]}; ${g.samples} samples of ${(g.sampleIntervalMicros / 1000).toFixed(1)} ms from ${g.firstTime} s; ${num(g.traces)} bins` }),
          el('dt', { text: 'tiles' }), el('dd', { id: 'pstm-tiles', text: num(review.tiles) }),
          el('dt', { text: 'offset classes' }), el('dd', { text: review.offsetClasses.map((c) => `${c.fromMeters}–${c.toMeters ?? '∞'} m`).join(', ') }),
          el('dt', { text: 'disk' }), el('dd', { text: `${bytes(e.stackBytes + e.gathersBytes)} (image ${bytes(e.stackBytes)} + gathers ${bytes(e.gathersBytes)}; ${e.diskFreeBytes < 0 ? '?' : bytes(e.diskFreeBytes)} free)` }),
          el('dt', { text: 'memory' }), el('dd', { id: 'pstm-memory', text: `${bytes(e.peakMemoryBytes)} (shared ${bytes(e.sharedBytes)} + ${e.workers} × ${bytes(e.workerBytes)}; budget ${bytes(e.memoryBudgetBytes)})` }),
          el('dt', { text: 'work' }), el('dd', { text: `~${num(e.traceReads)} trace reads, ~${e.contributions.toExponential(2)} contributions` }),
          el('dt', { text: 'time' }), el('dd', { id: 'pstm-time', text: `~${e.seconds.toFixed(1)} s at the nominal ${e.nominalContributionsPerSecond.toExponential(1)} contributions/s per worker (${review.vectorKernel ? 'vector' : 'scalar'} kernel)` }),
          review.outputExists ? [el('dt', { text: 'note' }), el('dd.notice', { text: 'the output exists: tick "Replace existing outputs", or a run resumes an interrupted run of this same job' })] : null),
        el('details', {}, el('summary', { text: 'Job file' }), el('pre.textual', { id: 'pstm-jobfile', text: review.jobFile })));
    } catch (e) { review = null; reviewBox.replaceChildren(el('p.error-text', { text: 'The job is not valid:' })); showProblems(e); }
  }

  async function save() {
    try {
      const r = await request('/api/pstm/jobfile', { name: value('name'), job: job() });
      saveInfo.replaceChildren(el('p.ok-text', { text: `saved ${r.name}: run it with  seisproc migrate ${r.name}` }));
    } catch (e) { saveInfo.replaceChildren(); showProblems(e); }
  }

  async function load() {
    try {
      const r = await getJson('/api/pstm/jobfile', { name: value('name') });
      fill(r.job);
      saveInfo.replaceChildren(el('p.ok-text', { text: `loaded ${r.name}` }));
      showProblems(r.problems.length ? { problems: r.problems } : null);
    } catch (e) { saveInfo.replaceChildren(el('p.error-text', { text: e.message })); }
  }

  function download() {
    const a = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(job(), null, 2)], { type: 'application/json' })), download: value('name') || 'pstm.json' });
    a.click();
    URL.revokeObjectURL(a.href);
  }

  async function run() {
    try {
      const task = await request('/api/pstm/run', { name: value('name'), job: job(), overwrite: inputs.overwrite.checked });
      saveInfo.replaceChildren(el('p.ok-text', { text: `saved ${value('name')} and submitted ${task.id}` }));
      app.emit('tasks');
      app.emit('migration', task.id);
      app.show('monitor');
    } catch (e) { saveInfo.replaceChildren(); showProblems(e); }
  }

  async function datasets() {
    try {
      const list = await getJson('/api/datasets');
      const chosen = dsChoice.value || app.state.ds || '';
      dsChoice.replaceChildren(el('option', { value: '', text: '(choose a dataset)' }), ...list.datasets.map((d) => el('option', { value: d.path, text: d.path })));
      if ([...dsChoice.options].some((o) => o.value === chosen)) dsChoice.value = chosen;
      if (dsChoice.value && !scan) { inputs.output.value ||= stem(dsChoice.value) + '-pstm.dataset'; detect(); }
    } catch (e) { app.fail(e); }
  }

  app.on('show', (n) => { if (n === 'pstm') datasets(); });
  go(0);
  return { job, fill, go, get step() { return step; }, get review() { return review; } };
}

function stem(path) {
  return path.replace(/\.dataset$|\.ds$/, '');
}

function token() {
  return document.querySelector('meta[name="seisproc-token"]')?.content ?? '';
}

