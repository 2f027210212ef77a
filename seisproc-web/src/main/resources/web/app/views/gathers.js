// The gather navigator: ensemble key and in-gather sort, first/prev/next/last/go-to and the keys
// ←/→/Home/End, neighbours prefetched, "ensemble k of N, fold F"; the display controls (colour
// map, mode, clip, gain), the cursor read-out and the amplitude spectrum. A stack (one trace per
// CDP) is shown line by line (key iline, sorted by xline) or, in section mode, as consecutive
// traces in chunks (/api/section), paged like ensembles.

import { getJson, getFrame } from '../api.js';
import { GatherView, DEFAULT_DISPLAY } from '../render.js';
import { COLORMAPS } from '../colormaps.js';
import { spectrum } from '../dsp.js';
import { el, field, select, num } from './dom.js';

/** A dataset entry whose history says it is a QC stack (one trace per CDP bin). */
function isStack(entry) {
  return !!entry?.processing?.some((p) => p.startsWith('qc stack') || p.includes('difference stack'));
}

const KEYS = ['fldr', 'cdp', 'ep', 'gx,gy', 'sx,sy', 'iline,xline', 'offset/100', 'tracf'];
const CACHE_SIZE = 24;
const PREFETCH = 2;

/** Turns a decoded frame into the view's data. */
export function gatherData(frame, samplesName = 'samples') {
  const m = frame.meta;
  return {
    meta: m, n1: m.n1, n2: samplesName === 'processed' ? m.processedTraces : m.n2, dt: m.sampleIntervalMicros / 1e6,
    samples: frame.arrays[samplesName], headers: frame.headers, traces: frame.arrays.trace,
  };
}

export function create(root, app) {
  root.classList.add('fill');
  const s = app.state;
  const cache = new Map();
  let info = null;
  let shownFrame = null;
  let request = 0;

  // ---- controls
  const keyInput = el('input', { type: 'text', value: s.key, list: 'key-list', size: 12, id: 'key-input' });
  const keyList = el('datalist', { id: 'key-list' }, ...KEYS.map((k) => el('option', { value: k })));
  const sortInput = el('input', { type: 'text', value: s.sort, size: 12, id: 'sort-input', placeholder: 'trace order' });
  const showAs = select([['gathers', 'Gathers (ensembles of the key)'], ['section', 'Section: consecutive traces in chunks']], 'gathers', { id: 'show-as' });
  const chunkInput = el('input', { type: 'number', value: 1000, min: 1, max: 20000, step: 100, id: 'section-chunk' });
  const mode = select([['vd', 'Variable density'], ['wiggle', 'Wiggle'], ['wiggle-va', 'Wiggle + variable area']], 'vd', { id: 'mode' });
  const cmap = select(Object.entries(COLORMAPS).map(([k, v]) => [k, v.label]), 'grey', { id: 'cmap' });
  const clipMode = select([['percentile', 'Percentile of |amplitude|'], ['value', 'Value']], 'percentile', { id: 'clip-mode' });
  const clipPercentile = el('input', { type: 'number', value: 99, min: 50, max: 100, step: 0.5, id: 'clip-percentile' });
  const clipValue = el('input', { type: 'number', value: 1, step: 'any', id: 'clip-value' });
  const agc = el('input', { type: 'number', value: 0, min: 0, step: 50, id: 'agc-ms' });
  const tpow = el('input', { type: 'number', value: 0, min: 0, max: 4, step: 0.5, id: 'tpow' });
  const labels = el('input', { type: 'text', value: 'offset', id: 'label-keys' });
  const plotKey = el('input', { type: 'text', value: 'offset', id: 'plot-key' });
  const notice = el('div.notice', { id: 'display-notice' });
  const paintTime = el('div.muted', { style: 'font-size:11px' });

  const sidebar = el('div.sidebar', {},
    el('div.panel', {}, el('h2', { text: 'Ensembles' }),
      field('Ensemble key (anything seisproc index takes)', keyInput), keyList,
      field('Sort inside the gather by', sortInput),
      field('Show', showAs), field('Section chunk (traces)', chunkInput),
      el('button.primary', { text: 'Apply key', onclick: () => load(), id: 'apply-key' })),
    el('div.panel', {}, el('h2', { text: 'Display' }),
      field('Mode', mode), field('Colour map', cmap), field('Clip', clipMode),
      field('Clip percentile (%)', clipPercentile), field('Clip value', clipValue),
      field('AGC window (ms, 0 = off)', agc), field('Gain tⁿ: n', tpow),
      field('Header labels along the top', labels), field('Header plot', plotKey),
      el('button.secondary', { text: 'Reset zoom', onclick: () => view.resetZoom() }),
      notice, paintTime));

  const position = el('span.position', { id: 'position', text: '—' });
  const keyValues = el('span.muted', { id: 'key-values' });
  const goto = el('input', { type: 'text', size: 10, placeholder: 'key value', id: 'goto-value' });
  const navbar = el('div.navbar', {},
    el('button.secondary', { text: '« First', onclick: () => go(0), title: 'Home' }),
    el('button.secondary', { text: '◀ Prev', onclick: () => go(s.ensemble - 1), title: '←' }),
    el('button.secondary', { text: 'Next ▶', onclick: () => go(s.ensemble + 1), title: '→' }),
    el('button.secondary', { text: 'Last »', onclick: () => go(info ? info.ensembles - 1 : 0), title: 'End' }),
    position, keyValues, el('span.spacer'),
    goto, el('button.secondary', { text: 'Go to', onclick: () => goToValue(), id: 'goto-button' }));
  const plot = el('div.plot', { id: 'gather-plot' });
  const readout = el('div.panel.readout', { id: 'readout' }, el('h2', { text: 'Cursor' }), el('p.muted', { text: 'Move the mouse over the gather. Wheel: zoom; drag: pan; shift + drag: spectrum window; double-click: reset.' }));
  const specCanvas = el('canvas');
  const spec = el('div.panel.spectrum', {}, specCanvas);
  const workspace = el('div.workspace', {}, navbar, el('div.plots', {}, plot), el('div.lower', {}, readout, spec));
  root.append(sidebar, workspace);

  const view = new GatherView(plot, {
    onCursor: showCursor,
    onSelection: () => drawSpectrum(),
    onPaint: (ms, v) => { paintTime.textContent = `painted in ${ms.toFixed(1)} ms`; notice.textContent = v.notice; },
  });

  view.display = { ...view.display, ...displayFromControls() };
  function display() { return displayFromControls(); }
  function displayFromControls() {
    return {
      mode: mode.value, cmap: cmap.value, clipMode: clipMode.value, percentile: +clipPercentile.value,
      clipValue: +clipValue.value, agcMs: +agc.value, tpow: +tpow.value,
      labelKeys: labels.value.split(',').map((x) => x.trim()).filter(Boolean), plotKey: plotKey.value.trim(),
    };
  }
  for (const c of [mode, cmap, clipMode, clipPercentile, clipValue, agc, tpow, labels, plotKey]) {
    c.addEventListener('change', () => {
      const t0 = performance.now();
      view.setDisplay(display());
      app.timings.push({ kind: 'display', ms: performance.now() - t0 });
      drawSpectrum();
    });
  }

  // ---- loading and navigation
  function section() { return showAs.value === 'section'; }
  function chunkSize() { return Math.max(1, Math.round(+chunkInput.value || 1000)); }
  function cacheKey(e) { return section() ? `${s.ds}|section|${chunkSize()}|${e}` : `${s.ds}|${s.key}|${s.sort}|${e}`; }
  function fetchGather(e) {
    const k = cacheKey(e);
    let p = cache.get(k);
    if (p) { cache.delete(k); cache.set(k, p); return p; }
    p = section() ? getFrame('/api/section', { ds: s.ds, e, size: chunkSize() })
      : getFrame('/api/gather', { ds: s.ds, key: s.key, sort: s.sort, e });
    p.catch(() => cache.delete(k));
    cache.set(k, p);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
    return p;
  }
  function prefetch(e) {
    if (!info) return;
    for (let d = 1; d <= PREFETCH; d++) for (const n of [e + d, e - d]) if (n >= 0 && n < info.ensembles) fetchGather(n);
  }

  async function load() {
    if (!s.ds) { app.status('choose a dataset first (Datasets)'); return; }
    s.key = keyInput.value.trim() || 'fldr';
    s.sort = sortInput.value.trim();
    cache.clear();
    if (section()) return loadSection();
    try {
      app.status(`loading the ${s.key} index of ${s.ds}…`);
      fetchGather(Math.max(0, s.ensemble)); // asked for at once, beside the ensemble list: one round trip less
      info = await getJson('/api/ensembles', { ds: s.ds, key: s.key, sort: s.sort });
      app.status(`${s.ds}: ${num(info.ensembles)} ensembles by ${info.key}, fold ${info.fold.min}–${info.fold.max}`);
      await go(Math.min(s.ensemble, info.ensembles - 1), 'load');
    } catch (e) { app.fail(e); }
  }

  async function loadSection() {
    try {
      app.status(`loading ${s.ds} as a section…`);
      const first = await fetchGather(0);
      const m = first.meta;
      info = { ensembles: m.ensembles, key: 'section', traces: m.traces, fold: { min: Math.min(m.n2, m.traces), max: m.chunkSize } };
      app.status(`${s.ds}: ${num(m.traces)} traces as a section in ${num(m.ensembles)} chunk(s) of ${num(m.chunkSize)}`);
      await go(Math.min(Math.max(0, s.ensemble), info.ensembles - 1), 'load');
    } catch (e) { app.fail(e); }
  }

  /** The server's hint for `ds` (a stack: line by line, or as a section) applied to the controls. */
  async function applyLayout(ds) {
    const layout = await getJson('/api/section/layout', { ds });
    if (layout.view === 'section') showAs.value = 'section';
    else {
      showAs.value = 'gathers';
      if (layout.key) {
        keyBeforeStack ??= { key: s.key, sort: s.sort };
        s.key = layout.key;
        s.sort = layout.sort ?? '';
      }
    }
    chunkInput.value = layout.chunk ?? 1000;
    keyInput.value = s.key;
    sortInput.value = s.sort;
    info = null;
    return layout;
  }

  let choosing = false;
  let keyBeforeStack = null; // the key a stack's layout replaced, given back for the next dataset that is not a stack
  /** Shows the stack `ds` in this view as its layout says: line by line, or as a section. */
  async function showStack(ds, entry = null) {
    const layout = await applyLayout(ds);
    if (app.state.ds !== ds) {
      choosing = true;
      try { app.choose(ds, entry); } finally { choosing = false; }
    }
    info = null;
    app.show('gathers');
    return layout;
  }

  async function go(e, cause = 'button') {
    if (!info || e < 0 || e >= info.ensembles) return;
    const id = ++request;
    const prefetched = cache.has(cacheKey(e));
    const t0 = performance.now();
    performance.mark(`seisproc-nav-${id}`);
    try {
      const frame = await fetchGather(e);
      if (id !== request) return;
      s.ensemble = e;
      shownFrame = frame;
      view.setData(gatherData(frame), true);
      const m = frame.meta;
      if (m.key === 'section') {
        position.textContent = `traces ${num(m.firstTrace + 1)}–${num(m.firstTrace + m.n2)} of ${num(m.traces)} (chunk ${num(e + 1)} of ${num(m.ensembles)})`;
        keyValues.textContent = 'section in trace order';
      } else {
        position.textContent = `ensemble ${num(e + 1)} of ${num(m.ensembles)}, fold ${m.n2}`;
        keyValues.textContent = `${m.key} = ${m.keyValues.join(', ')}`;
      }
      // Timed when the frame with the new canvas has been produced: after the next animation frame.
      requestAnimationFrame(() => setTimeout(() => {
        const ms = performance.now() - t0;
        performance.measure(`seisproc-nav-${id}`, `seisproc-nav-${id}`);
        app.timings.push({ kind: 'navigate', cause, ms, prefetched, ensemble: e });
        if (!app.timings.some((t) => t.kind === 'first-gather')) {
          app.timings.push({ kind: 'first-gather', ms: performance.now() }); // since the page began to load
        }
      }, 0));
      app.emit('gather', { ensemble: e, frame });
      setTimeout(drawSpectrum, 0); // the spectrum panel follows, off the key-to-paint path
      prefetch(e);
    } catch (err) { app.fail(err); }
  }

  async function goToValue() {
    if (section()) { // a trace number (1-based) in section mode
      const t = Math.round(+goto.value) - 1;
      if (Number.isFinite(t) && t >= 0) await go(Math.floor(t / chunkSize()), 'goto');
      return;
    }
    try {
      const r = await getJson('/api/find', { ds: s.ds, key: s.key, sort: s.sort, value: goto.value });
      await go(r.ensemble, 'goto');
    } catch (e) { app.fail(e); }
  }
  goto.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') goToValue(); });

  document.addEventListener('keydown', (ev) => {
    if (app.current !== 'gathers' || ev.target.matches('input, textarea, select')) return;
    const moves = { ArrowRight: s.ensemble + 1, ArrowLeft: s.ensemble - 1, Home: 0, End: info ? info.ensembles - 1 : 0 };
    if (ev.key in moves) { ev.preventDefault(); go(moves[ev.key], 'key'); }
  });

  // ---- cursor and spectrum
  function showCursor(c) {
    const rows = [['time', `${c.timeMs.toFixed(1)} ms`], ['trace', `${c.trace} (dataset trace ${c.datasetTrace})`],
      ['amplitude', c.amplitude.toPrecision(5)], ['displayed', c.shown.toPrecision(5)],
      ...Object.entries(c.headers).map(([k, v]) => [k, String(v)])];
    readout.replaceChildren(el('h2', { text: 'Cursor' }),
      el('dl.readout-grid', {}, ...rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd.mono', { text: v })])));
  }

  function drawSpectrum() {
    const d = view.data;
    const dpr = window.devicePixelRatio || 1;
    const w = spec.clientWidth - 24, h = spec.clientHeight - 20;
    if (!d || w <= 0 || h <= 0) return;
    specCanvas.width = w * dpr; specCanvas.height = h * dpr;
    specCanvas.style.width = w + 'px'; specCanvas.style.height = h + 'px';
    const g = specCanvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = '#fff'; g.fillRect(0, 0, w, h);
    const sel = view.selection ?? { j0: 0, j1: d.n2, i0: 0, i1: d.n1 };
    const { freqs, amps } = spectrum(d.samples, d.n1, sel.j0, sel.j1, sel.i0, sel.i1, d.dt);
    let max = 0;
    for (const a of amps) max = Math.max(max, a);
    const L = 40, B = 18, T = 14, fmax = freqs[freqs.length - 1];
    g.strokeStyle = '#445'; g.strokeRect(L, T, w - L - 6, h - B - T);
    g.fillStyle = '#223'; g.font = '10px system-ui';
    const fstep = fmax > 300 ? 100 : fmax > 150 ? 50 : 25;
    for (let f = 0; f <= fmax - fstep / 2; f += fstep) g.fillText(String(f), L + f / fmax * (w - L - 6) - 6, h - 5);
    for (const db of [0, -20, -40, -60]) g.fillText(String(db), 8, T + (-db / 60) * (h - B - T) + 4);
    g.beginPath(); g.strokeStyle = '#c0392b'; g.lineWidth = 1.3;
    for (let k = 0; k < amps.length; k++) {
      const db = max > 0 ? Math.max(-60, 20 * Math.log10(amps[k] / max + 1e-12)) : -60;
      const x = L + freqs[k] / fmax * (w - L - 6), y = T + (-db / 60) * (h - B - T);
      if (k === 0) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.stroke();
    g.fillStyle = '#556';
    g.fillText('amplitude spectrum, ' + (view.selection ? `window: traces ${sel.j0 + 1}–${sel.j1}, ${(sel.i0 * d.dt * 1000).toFixed(0)}–${(sel.i1 * d.dt * 1000).toFixed(0)} ms` : 'whole gather (shift + drag a window)'), L, 10);
    g.fillText('Hz', w - 18, h - 5); g.fillText('dB', 8, 10);
  }

  for (const c of [showAs, chunkInput]) c.addEventListener('change', () => { s.ensemble = 0; load(); });
  app.on('dataset', () => {
    info = null;
    cache.clear();
    if (!choosing && !isStack(app.state.dataset) && keyBeforeStack) {
      s.key = keyBeforeStack.key;
      s.sort = keyBeforeStack.sort;
      keyBeforeStack = null;
    }
    keyInput.value = s.key;
    sortInput.value = s.sort;
    if (choosing) return;
    if (showAs.value === 'section' && !isStack(app.state.dataset)) showAs.value = 'gathers';
    if (isStack(app.state.dataset)) {
      const ds = s.ds;
      applyLayout(ds).then(() => { if (app.current === 'gathers' && s.ds === ds) load(); }).catch((e) => app.fail(e));
      return;
    }
    if (app.current === 'gathers') load();
  });
  app.on('show', (name) => { if (name === 'gathers' && s.ds && !info) load(); if (name === 'gathers') view.paint(); });
  return { view, load, go, showStack, get info() { return info; }, get frame() { return shownFrame; }, display, get mode() { return showAs.value; } };
}
