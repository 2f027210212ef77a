// Small DOM helpers shared by the views.

/** el('div.panel', {attrs}, children...) */
export function el(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const e = document.createElement(tag || 'div');
  if (classes.length) e.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

export function bytes(n) {
  if (!n) return '0 B';
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  const k = Math.min(u.length - 1, Math.floor(Math.log(n) / Math.log(1024)));
  return `${(n / Math.pow(1024, k)).toFixed(k ? 1 : 0)} ${u[k]}`;
}

export function num(n) {
  return n === undefined || n === null ? '' : Number(n).toLocaleString('en-US');
}

export function field(label, input) {
  return el('label.field', {}, label, input);
}

export function select(options, value, attrs = {}) {
  const s = el('select', attrs);
  for (const o of options) {
    const [v, t] = Array.isArray(o) ? o : [o, o];
    const opt = el('option', { value: v, text: t });
    if (String(v) === String(value)) opt.selected = true;
    s.append(opt);
  }
  return s;
}

export function progressBar(percent) {
  const inner = el('div');
  inner.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return el('div.progress', {}, inner);
}
