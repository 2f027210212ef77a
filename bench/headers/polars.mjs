// Polars peer for bench/headers/run.sh (nodejs-polars, pinned in package.json / package-lock.json).
//   node polars.mjs read FILE col1,col2 REPEATS   -> one line per repeat: "seconds secondsWithTypedArrays": Polars'
//     own read (scan + select + collect: the columns in Polars' native Arrow arrays, its best
//     method), then the same plus handing them to JavaScript as typed arrays (toTypedArray copies
//     through the bindings: ~1 s for 2 x 22.3 M values, a cost of nodejs-polars, not of Polars)
//   node polars.mjs write IN.parquet OUT.parquet   -> "seconds" to write IN's table with zstd, 1M-row groups
import pl from 'nodejs-polars';

const [mode, file, arg, repeats] = process.argv.slice(2);
if (mode === 'read') {
  const cols = arg.split(',');
  for (let r = 0; r < Number(repeats || 1); r++) {
    const t0 = process.hrtime.bigint();
    const df = pl.scanParquet(file).select(...cols).collectSync();
    const read = Number(process.hrtime.bigint() - t0) / 1e9;
    let check = 0;
    for (const c of cols) {
      const a = df.getColumn(c).toTypedArray();   // plain typed arrays, like our int[] columns
      check += a[a.length - 1];
    }
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(read.toFixed(4), s.toFixed(4), 'rows=' + df.height, 'check=' + check);
  }
} else if (mode === 'write') {
  const df = pl.readParquet(file);
  const t0 = process.hrtime.bigint();
  df.writeParquet(arg, { compression: 'zstd', rowGroupSize: 1 << 20 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(s.toFixed(4), 'rows=' + df.height);
} else {
  console.error('usage: node polars.mjs read FILE cols REPEATS | write IN OUT');
  process.exit(2);
}
