// Batch QC before / after / noise: the three datasets of a batch QC output gather by gather,
// side by side or flipped with Space (like the processing preview), one clip for all three (the
// "before" panel's), and the run's metrics for the shown gather; with a stack section in the job,
// the before / after / difference stacks the same way, as sections in chunks. noise = before −
// after is what the server wrote; check() recomputes it here from the two other panels' samples.

import { getJson, getFrame } from '../api.js';
import { GatherView } from '../render.js';
import { gatherData } from './gathers.js';
import { el, num, select } from './dom.js';

export const PANELS = ['before', 'after', 'noise'];
const STACKS = { before: 'before-stack', after: 'after-stack', noise: 'difference-stack' };
const SECTION_CHUNK = 1000;

export function createCompare(app) {
  let batch = null;
  let layout = 'side';
  let flip = 0;
  let request = 0;

  const layoutChoice = select([['side', 'Side by side'], ['flip', 'Flip with Space']], 'side', { id: 'qc-compare-layout' });
  const whatChoice = select([['gathers', 'Gathers'], ['stacks', 'Stacks']], 'gathers', { id: 'qc-compare-what' });
  const position = el('span.position', { id: 'qc-compare-position', text: 'no batch QC open' });
  const metrics = el('div.qc-metrics', { id: 'qc-compare-metrics' });
  const plots = el('div.plots', { id: 'qc-compare-plots' });
  const panels = PANELS.map((name) => el('div.plot', { id: `qc-${name}` }));
  panels.forEach((p) => plots.append(p));
  const views = PANELS.map((name, k) => new GatherView(panels[k], { title: name === 'noise' ? 'noise = before − after' : name }));
  const element = el('div.qc-pane', { id: 'qc-compare' },
    el('div.navbar', {},
      el('button.secondary', { text: '◀ Prev', onclick: () => go(batch ? batch.e - 1 : 0) }),
      el('button.secondary', { text: 'Next ▶', onclick: () => go(batch ? batch.e + 1 : 0) }),
      position, el('span.spacer'), whatChoice, el('span', { text: 'Layout ' }), layoutChoice,
      el('span.muted', { text: 'Space flips before → after → noise' })),
    metrics, plots);
  layoutChoice.addEventListener('change', () => { layout = layoutChoice.value; arrange(); });
  whatChoice.addEventListener('change', () => show(whatChoice.value).catch((e) => app.fail(e)));

  function arrange() {
    panels.forEach((p, k) => { p.style.display = layout === 'side' || k === flip ? '' : 'none'; });
    views.forEach((v) => v.paint());
  }

  /** Opens the batch QC output folder `dir`, its gathers by `key` (sorted by `sort`). */
  async function open(dir, key = 'fldr', sort = '') {
    const r = await getJson('/api/qc/batch', { dir });
    for (const k of PANELS) if (!r.datasets[k]) throw new Error(`${dir} has no ${k} dataset`);
    batch = { dir, key, sort, datasets: r.datasets, metrics: r.metrics, what: 'gathers', count: 0, e: -1, frames: null };
    const stacks = Object.values(STACKS).every((k) => r.datasets[k]);
    whatChoice.disabled = !stacks;
    whatChoice.value = 'gathers';
    await show('gathers');
    return batch;
  }

  /** Shows the gathers (by the job's key) or the three stacks (as sections in chunks). */
  async function show(what) {
    if (!batch) return;
    batch.what = what;
    if (what === 'stacks') {
      const first = await getFrame('/api/section', { ds: batch.datasets[STACKS.before], e: 0, size: SECTION_CHUNK });
      batch.count = first.meta.ensembles;
    } else {
      batch.count = (await getJson('/api/ensembles', { ds: batch.datasets.before, key: batch.key, sort: batch.sort })).ensembles;
    }
    batch.e = -1;
    await go(0);
  }

  function fetchPanel(k, e) {
    return batch.what === 'stacks'
      ? getFrame('/api/section', { ds: batch.datasets[STACKS[k]], e, size: SECTION_CHUNK })
      : getFrame('/api/gather', { ds: batch.datasets[k], key: batch.key, sort: batch.sort, e });
  }

  async function go(e) {
    if (!batch || e < 0 || e >= batch.count) return;
    const id = ++request;
    const frames = await Promise.all(PANELS.map((k) => fetchPanel(k, e)));
    if (id !== request) return;
    const [before, after, noise] = frames.map((f) => gatherData(f));
    const d = app.views.gathers.display();
    views[0].setDisplay({ ...d, fixedClip: null });
    views[0].setData(before);
    const clip = views[0].clip;
    views[1].setDisplay({ ...d, fixedClip: clip });
    views[1].setData(after);
    views[2].setDisplay({ ...d, fixedClip: clip });
    views[2].setData(noise);
    batch.e = e;
    batch.frames = { before, after, noise };
    const m = frames[0].meta;
    views.forEach((v, k) => { v.title = batch.what === 'stacks' ? STACKS[PANELS[k]] : (PANELS[k] === 'noise' ? 'noise = before − after' : PANELS[k]); });
    position.textContent = batch.what === 'stacks'
      ? `${batch.dir}: stacks, bins ${num(m.firstTrace + 1)}–${num(m.firstTrace + m.n2)} of ${num(m.traces)}`
      : `${batch.dir}: gather ${num(e + 1)} of ${num(batch.count)}, ${m.key} = ${m.keyValues.join(',')}, ${m.n2} traces`;
    const row = batch.what === 'gathers' ? batch.metrics.gathers?.[e] : null;
    const cells = (x) => [x.gather, num(x.traces), x.rmsBefore.toPrecision(4), x.rmsAfter.toPrecision(4), x.rmsNoise.toPrecision(4),
      x.correlation.toFixed(4), x.snrChangeDb == null ? '' : `${x.snrChangeDb.toFixed(2)} dB`];
    metrics.replaceChildren(el('table.grid', {},
      el('thead', {}, el('tr', {}, ...['gather', 'traces', 'rms before', 'rms after', 'rms noise', 'correlation', 'S/N change']
        .map((h) => el('th', { text: h })))),
      el('tbody', {}, ...[row, batch.metrics.overall].filter(Boolean).map((x) => el('tr', {}, ...cells(x).map((c) => el('td', { text: c })))))));
    arrange();
    app.status(`batch QC ${batch.dir}: ${batch.what === 'stacks' ? 'stack chunk' : 'gather'} ${e + 1} of ${batch.count}`);
  }

  /** Data-level check of the shown gather: max |noise − (before − after)| in float32, and the noise energy. */
  function check() {
    if (!batch?.frames) return null;
    const { before, after, noise } = batch.frames;
    let maxError = 0, energy = 0;
    for (let k = 0; k < noise.samples.length; k++) {
      maxError = Math.max(maxError, Math.abs(noise.samples[k] - Math.fround(before.samples[k] - after.samples[k])));
      energy += noise.samples[k] * noise.samples[k];
    }
    return { maxError, energy, samples: noise.samples.length, sameShape: before.samples.length === after.samples.length };
  }

  function onKey(ev) {
    if (ev.key === ' ') {
      ev.preventDefault();
      if (layout !== 'flip') { layout = 'flip'; layoutChoice.value = 'flip'; }
      flip = (flip + 1) % PANELS.length;
      arrange();
    } else if (ev.key === 'ArrowRight' && batch) { ev.preventDefault(); go(batch.e + 1); }
    else if (ev.key === 'ArrowLeft' && batch) { ev.preventDefault(); go(batch.e - 1); }
  }

  return { element, open, show, go, check, onKey, arrange, views, get batch() { return batch; }, get flip() { return flip; }, get layout() { return layout; } };
}
