// Colour maps as 256-entry lookup tables of packed RGBA (little-endian ImageData words).

function lut(stops) {
  const out = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const x = i / 255 * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(x));
    const f = x - k;
    const a = stops[k], b = stops[k + 1];
    const r = Math.round(a[0] + (b[0] - a[0]) * f);
    const g = Math.round(a[1] + (b[1] - a[1]) * f);
    const bl = Math.round(a[2] + (b[2] - a[2]) * f);
    out[i] = (255 << 24) | (bl << 16) | (g << 8) | r;
  }
  return out;
}

/** name → { label, table } ; index 0 is the most negative amplitude, 255 the most positive. */
export const COLORMAPS = {
  grey: { label: 'Grey', table: lut([[0, 0, 0], [255, 255, 255]]) },
  seismic: { label: 'Seismic (red-white-blue)', table: lut([[0, 0, 77], [0, 0, 255], [255, 255, 255], [255, 0, 0], [128, 0, 0]]) },
  // Viridis (perceptually uniform), sampled at 9 points of the published map.
  viridis: {
    label: 'Viridis',
    table: lut([[68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
      [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]]),
  },
};

/** CSS colour of entry i of a table. */
export function css(table, i) {
  const v = table[i];
  return `rgb(${v & 255},${(v >> 8) & 255},${(v >> 16) & 255})`;
}
