// The server's API: JSON requests, state-changing requests with the page's token, and binary
// frames ("SPF1": JSON metadata + little-endian typed arrays) decoded without copying.

const token = document.querySelector('meta[name="seisproc-token"]')?.content ?? '';

/** An error from the server: `{ error, parameter }`. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.parameter = body?.parameter ?? null;
  }
}

async function check(res) {
  if (res.ok) return res;
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  throw new ApiError(res.status, body);
}

/** GET `path` with query `params` as JSON. */
export async function getJson(path, params = {}) {
  const res = await fetch(url(path, params), { headers: { 'X-SeisProc-Token': token } });
  return (await check(res)).json();
}

/** POST a JSON body; the answer as JSON. */
export async function postJson(path, body = {}) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SeisProc-Token': token },
    body: JSON.stringify(body),
  });
  return (await check(res)).json();
}

/** GET a binary frame. */
export async function getFrame(path, params = {}) {
  const res = await fetch(url(path, params), { headers: { 'X-SeisProc-Token': token } });
  return decodeFrame(await (await check(res)).arrayBuffer());
}

/** POST JSON, answer a binary frame. */
export async function postFrame(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SeisProc-Token': token },
    body: JSON.stringify(body),
  });
  return decodeFrame(await (await check(res)).arrayBuffer());
}

export function url(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Decodes "SPF1" | uint32 metaLength | meta JSON | arrays (views onto the buffer). */
export function decodeFrame(buffer) {
  const magic = new TextDecoder().decode(new Uint8Array(buffer, 0, 4));
  if (magic !== 'SPF1') throw new Error('not a SeisProc frame');
  const metaLength = new DataView(buffer).getUint32(4, true);
  const meta = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, metaLength)));
  const arrays = {};
  for (const a of meta.arrays) {
    arrays[a.name] = a.type === 'f32'
      ? new Float32Array(buffer, a.offset, a.length)
      : new Float64Array(buffer, a.offset, a.length);
  }
  const headers = {};
  for (const name of meta.headerNames ?? []) headers[name] = arrays['h:' + name];
  return { meta, arrays, headers, bytes: buffer.byteLength };
}

/** Server-sent events of a job: calls `onProgress(snapshot)` until the job ends. */
export function watchJob(id, onProgress) {
  const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
  source.addEventListener('progress', (e) => {
    const s = JSON.parse(e.data);
    onProgress(s);
    if (['done', 'failed', 'cancelled'].includes(s.state)) source.close();
  });
  source.addEventListener('error', () => source.close());
  return source;
}
