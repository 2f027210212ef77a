// The gather display: variable density with a colour map, wiggle, wiggle + variable area;
// clip by percentile or value; display-only gain; zoom and pan; axes (ms, trace numbers),
// header labels and a header plot along the top; a colour bar; cursor read-out; a dragged
// window (shift + drag) for the spectrum. Repaints from the samples it holds: display changes
// never ask the server.

import { COLORMAPS, css } from './colormaps.js';
import { gain, percentile } from './dsp.js';

const LEFT = 58, RIGHT = 70, BOTTOM = 10, PLOT_H = 44, LABEL_H = 13, AXIS_H = 18;
export const MIN_WIGGLE_PX = 8;

export const DEFAULT_DISPLAY = {
  cmap: 'grey', mode: 'vd', clipMode: 'percentile', percentile: 99, clipValue: 1,
  agcMs: 0, tpow: 0, labelKeys: ['offset'], plotKey: 'offset', fixedClip: null,
};

export class GatherView {
  constructor(container, { title = '', onCursor = null, onSelection = null, onPaint = null } = {}) {
    this.container = container;
    this.title = title;
    this.onCursor = onCursor;
    this.onSelection = onSelection;
    this.onPaint = onPaint;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'gather-canvas';
    this.canvas.tabIndex = -1;
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d');
    this.display = { ...DEFAULT_DISPLAY };
    this.data = null;
    this.shown = null;
    this.clip = 1;
    this.view = null;
    this.selection = null;
    this.notice = '';
    this.lastPaintMs = 0;
    this.#wire();
    new ResizeObserver(() => this.paint()).observe(container);
  }

  /** data: { n1, n2, dt (s), samples: Float32Array, headers: {name: Float64Array}, traces: Float64Array } */
  setData(data, keepView = false) {
    const same = this.data && data && this.data.n1 === data.n1 && this.data.n2 === data.n2;
    this.data = data;
    if (!keepView || !same || !this.view) this.view = data ? { t0: 0, t1: data.n2, s0: 0, s1: data.n1 } : null;
    this.selection = null;
    this.#regain();
    this.paint();
  }

  setDisplay(changes) {
    const before = this.display;
    this.display = { ...before, ...changes };
    const d = this.display;
    if (before.agcMs !== d.agcMs || before.tpow !== d.tpow) this.#regain();
    else if (before.clipMode !== d.clipMode || before.percentile !== d.percentile || before.clipValue !== d.clipValue
      || before.fixedClip !== d.fixedClip) this.#reclip();
    this.paint();
  }

  resetZoom() {
    if (this.data) this.view = { t0: 0, t1: this.data.n2, s0: 0, s1: this.data.n1 };
    this.paint();
  }

  #regain() {
    const d = this.data;
    this.shown = d ? gain(d.samples, d.n1, d.n2, d.dt, this.display) : null;
    this.#reclip();
  }

  #reclip() {
    const d = this.data;
    if (!d) return;
    if (this.display.fixedClip) this.clip = this.display.fixedClip;
    else if (this.display.clipMode === 'value') this.clip = Math.max(1e-30, Math.abs(+this.display.clipValue) || 1);
    else this.clip = percentile(this.shown, d.n1 * d.n2, +this.display.percentile || 99);
  }

  /** The plot area in CSS pixels. */
  plotRect() {
    const labels = this.display.labelKeys.filter((k) => this.data?.headers[k]).length;
    const top = (this.title ? 16 : 0) + PLOT_H + labels * LABEL_H + AXIS_H;
    const w = this.canvas.clientWidth, h = this.canvas.clientHeight;
    return { x: LEFT, y: top, w: Math.max(10, w - LEFT - RIGHT), h: Math.max(10, h - top - BOTTOM) };
  }

  paint() {
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const cw = this.container.clientWidth, ch = this.container.clientHeight;
    if (cw === 0 || ch === 0) return;
    if (this.canvas.width !== Math.round(cw * dpr) || this.canvas.height !== Math.round(ch * dpr)) {
      this.canvas.width = Math.round(cw * dpr);
      this.canvas.height = Math.round(ch * dpr);
      this.canvas.style.width = cw + 'px';
      this.canvas.style.height = ch + 'px';
    }
    const g = this.ctx;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.fillStyle = '#fff';
    g.fillRect(0, 0, this.canvas.width, this.canvas.height);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.font = '11px system-ui, sans-serif';
    if (this.title) {
      g.fillStyle = '#223';
      g.font = '600 12px system-ui, sans-serif';
      g.fillText(this.title, LEFT, 12);
      g.font = '11px system-ui, sans-serif';
    }
    if (!this.data) {
      g.fillStyle = '#667';
      g.fillText('No gather', LEFT + 10, 40);
      return;
    }
    const r = this.plotRect();
    const spacing = r.w / (this.view.t1 - this.view.t0);
    let mode = this.display.mode;
    this.notice = '';
    if (mode !== 'vd' && spacing < MIN_WIGGLE_PX) {
      this.notice = `wiggles hidden: traces are ${spacing.toFixed(1)} px apart (need ${MIN_WIGGLE_PX}); zoom in`;
      mode = 'vd';
    }
    if (mode === 'vd') this.#paintDensity(r, dpr);
    else this.#paintWiggles(r, mode === 'wiggle-va');
    this.#paintAxes(r);
    this.#paintHeaderPlot(r);
    this.#paintColorBar(r);
    if (this.selection) {
      const s = this.selection;
      const x0 = this.#xOf(s.j0, r), x1 = this.#xOf(s.j1, r), y0 = this.#yOf(s.i0, r), y1 = this.#yOf(s.i1, r);
      g.strokeStyle = '#f90';
      g.lineWidth = 1.5;
      g.strokeRect(x0, y0, x1 - x0, y1 - y0);
    }
    this.lastPaintMs = performance.now() - t0;
    this.onPaint?.(this.lastPaintMs, this);
  }

  #xOf(trace, r) { return r.x + (trace - this.view.t0) / (this.view.t1 - this.view.t0) * r.w; }
  #yOf(sample, r) { return r.y + (sample - this.view.s0) / (this.view.s1 - this.view.s0) * r.h; }

  #paintDensity(r, dpr) {
    const d = this.data;
    const { t0, t1, s0, s1 } = this.view;
    const H = Math.max(1, Math.round(r.h * dpr));
    const W = Math.max(1, Math.round(r.w * dpr));
    // Fewer traces than pixel columns (the usual case): one image column per trace, stretched by
    // drawImage without smoothing; otherwise one image column per pixel column.
    const tFrom = Math.max(0, Math.floor(t0)), tTo = Math.min(d.n2, Math.ceil(t1));
    const perTrace = tTo - tFrom < W;
    const cw = perTrace ? Math.max(1, tTo - tFrom) : W;
    if (!this.image || this.image.width !== cw || this.image.height !== H) this.image = this.ctx.createImageData(cw, H);
    const img = this.image;
    const out = new Uint32Array(img.data.buffer);
    const table = COLORMAPS[this.display.cmap]?.table ?? COLORMAPS.grey.table;
    const cols = new Int32Array(cw);
    for (let x = 0; x < cw; x++) {
      const j = perTrace ? tFrom + x : Math.floor(t0 + (x + 0.5) / W * (t1 - t0));
      cols[x] = j >= 0 && j < d.n2 ? j * d.n1 : -1;
    }
    const scale = 127.5 / this.clip;
    const s = this.shown;
    const white = 0xffffffff;
    for (let y = 0; y < H; y++) {
      const i = Math.floor(s0 + (y + 0.5) / H * (s1 - s0));
      const row = y * cw;
      if (i < 0 || i >= d.n1) { out.fill(white, row, row + cw); continue; }
      for (let x = 0; x < cw; x++) {
        const c = cols[x];
        if (c < 0) { out[row + x] = white; continue; }
        let k = (s[c + i] * scale + 127.5) | 0;
        k = k < 0 ? 0 : k > 255 ? 255 : k;
        out[row + x] = table[k];
      }
    }
    if (!perTrace) {
      this.ctx.putImageData(img, Math.round(r.x * dpr), Math.round(r.y * dpr));
      return;
    }
    if (!this.offscreen) this.offscreen = document.createElement('canvas');
    const off = this.offscreen;
    if (off.width !== cw || off.height !== H) { off.width = cw; off.height = H; }
    off.getContext('2d').putImageData(img, 0, 0);
    const g = this.ctx;
    g.save();
    g.beginPath();
    g.rect(r.x, r.y, r.w, r.h);
    g.clip();
    g.imageSmoothingEnabled = false;
    g.drawImage(off, this.#xOf(tFrom, r), r.y, (tTo - tFrom) / (t1 - t0) * r.w, r.h);
    g.restore();
  }

  #paintWiggles(r, fill) {
    const d = this.data, g = this.ctx, s = this.shown;
    const { t0, t1, s0, s1 } = this.view;
    const spacing = r.w / (t1 - t0);
    const amp = spacing / this.clip;
    const iFrom = Math.max(0, Math.floor(s0)), iTo = Math.min(d.n1, Math.ceil(s1) + 1);
    const step = Math.max(1, Math.floor((iTo - iFrom) / (r.h * 2)));
    g.save();
    g.beginPath();
    g.rect(r.x, r.y, r.w, r.h);
    g.clip();
    for (let j = Math.max(0, Math.floor(t0)); j < Math.min(d.n2, Math.ceil(t1)); j++) {
      const xc = this.#xOf(j + 0.5, r);
      const o = j * d.n1;
      const val = (i) => Math.max(-spacing, Math.min(spacing, s[o + i] * amp));
      if (fill) {
        g.beginPath();
        g.moveTo(xc, this.#yOf(iFrom, r));
        for (let i = iFrom; i < iTo; i += step) g.lineTo(xc + Math.max(0, val(i)), this.#yOf(i + 0.5, r));
        g.lineTo(xc, this.#yOf(iTo, r));
        g.closePath();
        g.fillStyle = '#000';
        g.fill();
      }
      g.beginPath();
      for (let i = iFrom; i < iTo; i += step) {
        const x = xc + val(i), y = this.#yOf(i + 0.5, r);
        if (i === iFrom) g.moveTo(x, y); else g.lineTo(x, y);
      }
      g.strokeStyle = '#000';
      g.lineWidth = 0.8;
      g.stroke();
    }
    g.restore();
  }

  #paintAxes(r) {
    const d = this.data, g = this.ctx;
    const { t0, t1, s0, s1 } = this.view;
    g.strokeStyle = '#445';
    g.lineWidth = 1;
    g.strokeRect(r.x - 0.5, r.y - 0.5, r.w + 1, r.h + 1);
    g.fillStyle = '#223';
    // time axis (ms)
    const msPerSample = d.dt * 1000;
    const tickMs = niceStep((s1 - s0) * msPerSample / Math.max(2, r.h / 45));
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (let t = Math.ceil(s0 * msPerSample / tickMs) * tickMs; t <= s1 * msPerSample; t += tickMs) {
      const y = this.#yOf(t / msPerSample, r);
      g.fillRect(r.x - 5, y, 5, 1);
      g.fillText(String(Math.round(t)), r.x - 7, y);
    }
    g.save();
    g.translate(12, r.y + r.h / 2);
    g.rotate(-Math.PI / 2);
    g.textAlign = 'center';
    g.fillText('time (ms)', 0, 0);
    g.restore();
    // trace numbers (1-based position in the gather) and header labels
    const labelKeys = this.display.labelKeys.filter((k) => d.headers[k]);
    const traceStep = niceStep((t1 - t0) / Math.max(2, r.w / 60), true);
    g.textAlign = 'center';
    g.textBaseline = 'bottom';
    const axisY = r.y - 3;
    // labels centred on their trace, kept inside the plot's width (clear of the row names on the left)
    const place = (text, x) => {
      const half = g.measureText(text).width / 2;
      return Math.min(r.x + r.w - half, Math.max(r.x + half, x));
    };
    for (let j = Math.max(0, Math.ceil(t0 / traceStep) * traceStep); j < Math.min(d.n2, t1); j += traceStep) {
      const x = this.#xOf(j + 0.5, r);
      g.fillRect(x, r.y - 3, 1, 3);
      g.fillText(String(j + 1), place(String(j + 1), x), axisY);
      labelKeys.forEach((k, n) => {
        g.fillStyle = '#556';
        const text = fmt(d.headers[k][j]);
        g.fillText(text, place(text, x), axisY - AXIS_H + 4 - (labelKeys.length - 1 - n) * LABEL_H);
        g.fillStyle = '#223';
      });
    }
    g.textAlign = 'right';
    g.fillText('trace', r.x - 7, axisY);
    labelKeys.forEach((k, n) => {
      g.fillStyle = '#556';
      g.fillText(k, r.x - 7, axisY - AXIS_H + 4 - (labelKeys.length - 1 - n) * LABEL_H);
    });
    g.textAlign = 'start';
    g.textBaseline = 'alphabetic';
  }

  #paintHeaderPlot(r) {
    const d = this.data, g = this.ctx, key = this.display.plotKey;
    const v = d.headers[key];
    const labels = this.display.labelKeys.filter((k) => d.headers[k]).length;
    const top = (this.title ? 16 : 0) + 4, h = PLOT_H - 10;
    const bottom = r.y - AXIS_H - labels * LABEL_H - 4;
    if (!v) return;
    const { t0, t1 } = this.view;
    let lo = Infinity, hi = -Infinity;
    for (let j = Math.max(0, Math.floor(t0)); j < Math.min(d.n2, Math.ceil(t1)); j++) { lo = Math.min(lo, v[j]); hi = Math.max(hi, v[j]); }
    if (!isFinite(lo)) return;
    if (hi === lo) { hi += 1; lo -= 1; }
    g.fillStyle = '#f4f6fa';
    g.fillRect(r.x, top, r.w, bottom - top);
    g.fillStyle = '#556';
    g.textAlign = 'right';
    g.fillText(key, r.x - 7, top + 10);
    g.fillText(fmt(hi), r.x - 7, top + 22);
    g.fillText(fmt(lo), r.x - 7, bottom);
    g.textAlign = 'start';
    g.beginPath();
    g.strokeStyle = '#1f6fd1';
    g.lineWidth = 1.2;
    const ys = (x) => bottom - 2 - (x - lo) / (hi - lo) * (bottom - top - 4);
    let first = true;
    for (let j = Math.max(0, Math.floor(t0)); j < Math.min(d.n2, Math.ceil(t1)); j++) {
      const x = this.#xOf(j + 0.5, r), y = ys(v[j]);
      if (first) { g.moveTo(x, y); first = false; } else g.lineTo(x, y);
    }
    g.stroke();
    void h;
  }

  #paintColorBar(r) {
    const g = this.ctx, table = COLORMAPS[this.display.cmap]?.table ?? COLORMAPS.grey.table;
    const x = r.x + r.w + 10, w = 12;
    for (let y = 0; y < r.h; y++) {
      g.fillStyle = css(table, 255 - Math.round(y / Math.max(1, r.h - 1) * 255));
      g.fillRect(x, r.y + y, w, 1);
    }
    g.strokeStyle = '#445';
    g.strokeRect(x - 0.5, r.y - 0.5, w + 1, r.h + 1);
    g.fillStyle = '#223';
    g.fillText(fmt(this.clip), x + w + 3, r.y + 8);
    g.fillText('0', x + w + 3, r.y + r.h / 2 + 4);
    g.fillText(fmt(-this.clip), x + w + 3, r.y + r.h);
  }

  /** Trace, sample at a mouse event (null outside the plot). */
  pick(ev) {
    if (!this.data) return null;
    const b = this.canvas.getBoundingClientRect();
    const r = this.plotRect();
    const x = ev.clientX - b.left, y = ev.clientY - b.top;
    if (x < r.x || x > r.x + r.w || y < r.y || y > r.y + r.h) return null;
    const t = this.view.t0 + (x - r.x) / r.w * (this.view.t1 - this.view.t0);
    const s = this.view.s0 + (y - r.y) / r.h * (this.view.s1 - this.view.s0);
    return { trace: Math.min(this.data.n2 - 1, Math.max(0, Math.floor(t))), sample: Math.min(this.data.n1 - 1, Math.max(0, Math.floor(s))), t, s };
  }

  #wire() {
    let drag = null;
    this.canvas.addEventListener('wheel', (ev) => {
      const p = this.pick(ev);
      if (!p) return;
      ev.preventDefault();
      const f = ev.deltaY > 0 ? 1.25 : 0.8;
      const v = this.view;
      const zoomTraces = !ev.altKey, zoomTime = !ev.ctrlKey;
      if (zoomTraces) { v.t0 = p.t - (p.t - v.t0) * f; v.t1 = p.t + (v.t1 - p.t) * f; }
      if (zoomTime) { v.s0 = p.s - (p.s - v.s0) * f; v.s1 = p.s + (v.s1 - p.s) * f; }
      this.#bound();
      this.paint();
    }, { passive: false });
    this.canvas.addEventListener('mousedown', (ev) => {
      const p = this.pick(ev);
      if (!p) return;
      drag = { x: ev.clientX, y: ev.clientY, view: { ...this.view }, select: ev.shiftKey, p };
    });
    window.addEventListener('mousemove', (ev) => {
      if (drag && !drag.select) {
        const r = this.plotRect(), v = drag.view;
        const dt = (ev.clientX - drag.x) / r.w * (v.t1 - v.t0), ds = (ev.clientY - drag.y) / r.h * (v.s1 - v.s0);
        this.view = { t0: v.t0 - dt, t1: v.t1 - dt, s0: v.s0 - ds, s1: v.s1 - ds };
        this.#bound();
        this.paint();
      } else if (drag && drag.select) {
        const q = this.pick(ev) ?? drag.p;
        this.selection = {
          j0: Math.min(drag.p.trace, q.trace), j1: Math.max(drag.p.trace, q.trace) + 1,
          i0: Math.min(drag.p.sample, q.sample), i1: Math.max(drag.p.sample, q.sample) + 1,
        };
        this.paint();
      }
    });
    window.addEventListener('mouseup', () => {
      if (drag?.select && this.selection) this.onSelection?.(this.selection);
      drag = null;
    });
    this.canvas.addEventListener('mousemove', (ev) => {
      const p = this.pick(ev);
      if (!p || !this.onCursor) return;
      const d = this.data;
      const headers = {};
      for (const [k, v] of Object.entries(d.headers)) headers[k] = v[p.trace];
      this.onCursor({
        timeMs: p.sample * d.dt * 1000, trace: p.trace + 1, datasetTrace: d.traces?.[p.trace],
        amplitude: d.samples[p.trace * d.n1 + p.sample], shown: this.shown[p.trace * d.n1 + p.sample], headers,
      });
    });
    this.canvas.addEventListener('dblclick', () => { this.selection = null; this.onSelection?.(null); this.resetZoom(); });
  }

  #bound() {
    const d = this.data, v = this.view;
    const tw = Math.min(d.n2, Math.max(2, v.t1 - v.t0)), sw = Math.min(d.n1, Math.max(8, v.s1 - v.s0));
    v.t0 = Math.max(0, Math.min(d.n2 - tw, v.t0)); v.t1 = v.t0 + tw;
    v.s0 = Math.max(0, Math.min(d.n1 - sw, v.s0)); v.s1 = v.s0 + sw;
  }

  /** Statistics of the painted plot area's pixels (for tests and benchmarks). */
  pixelStats() {
    const dpr = window.devicePixelRatio || 1, r = this.plotRect();
    const img = this.ctx.getImageData(Math.round(r.x * dpr) + 1, Math.round(r.y * dpr) + 1,
      Math.max(1, Math.round(r.w * dpr) - 2), Math.max(1, Math.round(r.h * dpr) - 2));
    const px = new Uint32Array(img.data.buffer);
    let sum = 0, sq = 0;
    const colours = new Set();
    for (let k = 0; k < px.length; k += 7) {
      const v = px[k], lum = ((v & 255) + ((v >> 8) & 255) + ((v >> 16) & 255)) / 3;
      sum += lum; sq += lum * lum;
      if (colours.size < 4096) colours.add(v);
    }
    const n = Math.ceil(px.length / 7), mean = sum / n;
    let hash = 0;
    for (let k = 0; k < px.length; k += 13) hash = (hash * 31 + px[k]) | 0;
    return { mean, std: Math.sqrt(Math.max(0, sq / n - mean * mean)), colours: colours.size, hash, width: img.width, height: img.height };
  }
}

function niceStep(raw, integer = false) {
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
  const m = raw / p;
  const s = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  return integer ? Math.max(1, Math.round(s)) : s;
}

function fmt(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return '';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-2)) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : v.toFixed(a < 10 ? 3 : 1);
}
