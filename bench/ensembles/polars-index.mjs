// Polars side of the ensemble index benchmark: the same raw LE int32 columns as the Java side,
// timed: a stable arg sort by (cdp, offset) -> permutation (row index sorted along with the keys,
// maintainOrder; pl.argSortBy fails on multiple keys in nodejs-polars 0.26.1), plus
// group_by(cdp) -> fold per ensemble.
// Usage: node polars-index.mjs DIR RUNS
import fs from "node:fs";
import pl from "nodejs-polars";

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const t0 = performance.now();
const col = (name) => {
  const b = fs.readFileSync(`${dir}/${name}.i32`);
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};
const df = pl.DataFrame({ cdp: pl.Series("cdp", col("cdp"), pl.Int32), offset: pl.Series("offset", col("offset"), pl.Int32) });
const load = (performance.now() - t0) / 1e3;
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const perm = df.withRowIndex("perm").sort({ by: ["cdp", "offset"], maintainOrder: true }).getColumn("perm");
  const folds = df.groupBy("cdp").agg(pl.len().alias("fold")).sort("cdp");
  const s = (performance.now() - t) / 1e3;
  const t2 = performance.now();
  df.withRowIndex("perm").sort({ by: ["cdp", "offset"], maintainOrder: true }).getColumn("perm");
  const sortOnly = (performance.now() - t2) / 1e3;
  console.log(`polars-index run=${r} load=${load.toFixed(3)} build=${s.toFixed(3)} argSortOnly=${sortOnly.toFixed(3)} ensembles=${folds.height} foldMax=${folds.getColumn("fold").max()} permRows=${perm.length}`);
}
