// bench/js-baseline.mjs — plain JavaScript forward loops, only as the benchmark's "what if we wrote it
// in JS" column. The product never uses these: every number the page shows comes from the core.
export function layerForward(x, n, c, eps, y) {
  for (let i = 0; i < n; i++) {
    const o = i * c;
    let s = 0;
    for (let j = 0; j < c; j++) s += x[o + j];
    const m = s / c;
    let q = 0;
    for (let j = 0; j < c; j++) {
      const d = x[o + j] - m;
      q += d * d;
    }
    const r = 1 / Math.sqrt(q / c + eps);
    for (let j = 0; j < c; j++) y[o + j] = (x[o + j] - m) * r;
  }
}

export function rmsForward(x, n, c, eps, y) {
  for (let i = 0; i < n; i++) {
    const o = i * c;
    let q = 0;
    for (let j = 0; j < c; j++) q += x[o + j] * x[o + j];
    const r = 1 / Math.sqrt(q / c + eps);
    for (let j = 0; j < c; j++) y[o + j] = x[o + j] * r;
  }
}

export function batchForward(x, n, c, eps, y, sum = new Float64Array(c), sq = new Float64Array(c)) {
  sum.fill(0);
  sq.fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) sum[j] += x[i * c + j];
  for (let j = 0; j < c; j++) sum[j] /= n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < c; j++) {
      const d = x[i * c + j] - sum[j];
      sq[j] += d * d;
    }
  for (let j = 0; j < c; j++) sq[j] = 1 / Math.sqrt(sq[j] / n + eps);
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) y[i * c + j] = (x[i * c + j] - sum[j]) * sq[j];
}

export function groupForward(x, n, c, groups, eps, y) {
  // With L = 1 a group is a contiguous run of c / groups values: LayerNorm over each run.
  layerForward(x, n * groups, c / groups, eps, y);
}
