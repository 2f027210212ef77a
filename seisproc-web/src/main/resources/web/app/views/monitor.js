// The migration monitor: a migration's progress live over the jobs' server-sent events —
// overall and per offset class, tiles, traces/s, contributions/s, ETA, the log — with pause /
// continue, cancel, and resume from the last finished tile; and the image as far as it has got
// (an inline or crossline section of the tiles done, painted by the gather display), which
// opens in the gather viewer when the run is done.

import { getJson, getFrame, postJson, watchJob } from '../api.js';
import { GatherView } from '../render.js';
import { el, num, progressBar, field, select } from './dom.js';

const ENDED = ['done', 'failed', 'cancelled'];

export function create(root, app) {
  const list = el('tbody', { id: 'migration-list' });
  const head = el('div', { id: 'migration-head' }, el('p.muted', { text: 'Choose a migration, or run one from the PSTM wizard.' }));
  const classes = el('div', { id: 'migration-classes' });
  const log = el('div.log', { id: 'migration-log', style: 'height:160px' });
  const along = select([['inline', 'inline'], ['crossline', 'crossline']], 'inline', { id: 'migration-along' });
  const number = el('input', { type: 'number', id: 'migration-number', style: 'width:90px' });
  const imageNote = el('span.muted', { id: 'migration-image-note' });
  const plot = el('div.plot', { id: 'migration-image', style: 'height:420px; flex:none' });
  const view = new GatherView(plot, { title: 'stack so far' });
  view.setDisplay({ labelKeys: ['xline'], plotKey: 'done', cmap: 'seismic' });
  let selected = null, watching = null, shownVersion = -1, fetching = false, latest = null, painted = 0;

  root.append(el('div.columns', {},
    el('div', {},
      el('div.panel', {}, el('h2', {}, 'Migrations ', el('button.secondary', { text: 'Refresh', onclick: () => refresh() })),
        el('table.grid', {}, el('thead', {}, el('tr', {}, ...['Id', 'Job file', 'State', 'Progress'].map((h) => el('th', { text: h })))), list)),
      el('div.panel', {}, el('h2', { text: 'Progress' }), head, classes),
      el('div.panel', {}, el('h2', { text: 'Log' }), log)),
    el('div.panel', { style: 'display:flex; flex-direction:column' }, el('h2', { text: 'Image so far' }),
      el('div.row', { style: 'margin-bottom:6px' }, field('Section along', along), field('number', number),
        el('button.secondary', { text: 'Show', onclick: () => image(true) }), imageNote),
      plot)));
  along.addEventListener('change', () => { number.value = ''; image(true); });

  async function refresh() {
    try {
      const tasks = (await getJson('/api/jobs')).filter((t) => t.kind === 'migration');
      list.replaceChildren(...tasks.map((t) => el(`tr${t.id === selected ? '.selected' : ''}`, { 'data-id': t.id, onclick: () => choose(t.id) },
        el('td.mono', { text: t.id }), el('td.mono', { text: t.jobFile }), el('td', {}, el(`span.state.${t.state}`, { text: t.migration?.paused && t.state === 'running' ? 'paused' : t.state })),
        el('td', {}, progressBar(t.percent)))));
      if (!tasks.length) list.append(el('tr', {}, el('td.muted', { colspan: 4, text: 'No migrations yet.' })));
    } catch (e) { app.fail(e); }
  }

  function choose(id) {
    selected = id;
    watching?.close();
    shownVersion = -1;
    latest = null;
    log.replaceChildren();
    for (const tr of list.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.id === id);
    let lastState = null;
    watching = watchJob(id, (s) => {
      latest = s;
      render(s);
      log.append(...s.log.map((l) => l + '\n'));
      log.scrollTop = log.scrollHeight;
      if (s.migration?.imageVersion !== undefined && s.migration.imageVersion !== shownVersion) image(false);
      if (s.state !== lastState) {
        lastState = s.state;
        refresh();
        if (ENDED.includes(s.state)) app.emit('tasks-finished', s);
      }
    });
  }

  function render(s) {
    const m = s.migration ?? {};
    const ended = ENDED.includes(s.state);
    const rate = (x) => (x ? x.toExponential(2) : '—');
    head.replaceChildren(
      el('p', {}, el('strong', { text: s.title })),
      el('div.row', {}, el('span', { class: `state ${s.state}`, id: 'migration-state', text: m.paused && !ended ? 'paused' : s.state }),
        progressBar(s.percent), el('span', { id: 'migration-percent', text: `${s.percent.toFixed(1)} %` })),
      el('dl.facts', { style: 'margin-top:6px' },
        el('dt', { text: 'tiles' }), el('dd', { id: 'migration-tiles', text: m.tilesTotal !== undefined ? `${num(m.tilesDone)} of ${num(m.tilesTotal)}` : '—' }),
        el('dt', { text: 'traces/s' }), el('dd', { text: m.tracesPerSecond ? num(Math.round(m.tracesPerSecond)) : '—' }),
        el('dt', { text: 'contributions/s' }), el('dd', { text: rate(m.contributionsPerSecond) }),
        el('dt', { text: 'trace reads' }), el('dd', { text: num(m.tracesRead ?? 0) }),
        el('dt', { text: 'elapsed' }), el('dd', { text: `${s.seconds.toFixed(1)} s` }),
        el('dt', { text: 'ETA' }), el('dd', { text: !ended && m.etaSeconds != null ? `${m.etaSeconds.toFixed(0)} s` : '—' }),
        s.result?.output ? [el('dt', { text: 'output' }), el('dd.mono', { text: s.result.output })] : null,
        s.result?.checksum ? [el('dt', { text: 'checksum' }), el('dd.mono', { id: 'migration-checksum', text: s.result.checksum })] : null,
        s.error ? [el('dt', { text: 'error' }), el('dd.error-text', { text: s.error })] : null),
      el('div.row', { style: 'margin:6px 0' },
        el('button.secondary', { text: 'Pause', id: 'migration-pause', disabled: ended || m.paused, onclick: () => act(`/api/pstm/runs/${s.id}/pause`) }),
        el('button.secondary', { text: 'Continue', id: 'migration-continue', disabled: ended || !m.paused, onclick: () => act(`/api/pstm/runs/${s.id}/continue`) }),
        el('button.secondary', { text: 'Cancel', id: 'migration-cancel', disabled: ended, onclick: () => act(`/api/jobs/${s.id}/cancel`) }),
        el('button.secondary', { text: 'Resume from checkpoint', id: 'migration-resume', disabled: !['failed', 'cancelled'].includes(s.state), onclick: () => act(`/api/jobs/${s.id}/resume`, true) }),
        s.state === 'done' && s.result?.output ? el('button.primary', { text: 'Open in Gathers', id: 'migration-open', onclick: () => open(s.result.output) }) : null));
    classes.replaceChildren(...(m.classes?.length ? [el('table.grid', {},
      el('thead', {}, el('tr', {}, ...['offset class', 'trace reads', 'expected (est.)', ''].map((h) => el('th', { text: h })))),
      el('tbody', {}, ...m.classes.map((c) => el('tr', {}, el('td', { text: `${c.fromMeters ?? ''}–${c.toMeters ?? '∞'} m` }),
        el('td.num', { text: num(c.tracesRead) }), el('td.num', { text: num(c.tracesExpected) }), el('td', {}, progressBar(c.percent))))))] : []));
  }

  /** Fetches the section shown (again when `force`, else when tiles were painted since). */
  async function image(force) {
    if (!selected || (fetching && !force)) return;
    fetching = true;
    const version = latest?.migration?.imageVersion ?? -1;
    try {
      const params = {};
      if (number.value !== '') params[along.value] = number.value;
      else if (along.value === 'crossline' && latest?.migration?.grid) {
        const g = latest.migration.grid.crosslines;
        params.crossline = g[0] + Math.floor(latest.migration.grid.crosslineCount / 2) * g[2];
      }
      const f = await getFrame(`/api/pstm/runs/${encodeURIComponent(selected)}/image`, params);
      const m = f.meta;
      if (number.value === '') number.value = m.number;
      view.setDisplay({ labelKeys: [m.along === 'inline' ? 'xline' : 'iline'] });
      view.setData({ meta: m, n1: m.n1, n2: m.n2, dt: m.sampleIntervalMicros / 1e6, samples: f.arrays.samples, headers: f.headers, traces: f.headers.xline }, true);
      shownVersion = Math.max(version, m.version);
      painted = f.headers.done.reduce((a, b) => a + b, 0);
      imageNote.textContent = `${m.along} ${m.number}: ${painted} of ${m.n2} bins done${m.whole ? '' : ' (a large image: only the middle inline and crossline are kept)'}`;
    } catch (e) {
      if (e.status !== 409) imageNote.textContent = e.message;
    } finally {
      fetching = false;
    }
    if (latest?.migration && latest.migration.imageVersion !== shownVersion && !force) setTimeout(() => image(false), 400);
  }

  function open(ds) {
    app.state.key = 'iline';
    app.state.sort = 'xline';
    app.choose(ds);
    app.show('gathers');
  }

  async function act(path, follow = false) {
    try {
      const t = await postJson(path);
      await refresh();
      if (follow) choose(t.id);
    } catch (e) { app.fail(e); }
  }

  app.on('migration', (id) => { refresh(); choose(id); });
  app.on('show', (n) => { if (n === 'monitor') { refresh(); view.paint(); } });
  return { refresh, choose, view, get selected() { return selected; }, get painted() { return painted; } };
}
