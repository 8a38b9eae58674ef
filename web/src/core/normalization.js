// normalization.js — the figures' normalization calls (normalize, backward, explainElement) over the raw
// module. normalize and backward are the hot calls of live figures: they go through the module's plain
// exports (kind as its code, arrays and options as heap addresses, a status back), so a call's fixed cost
// is a WASM call plus the copies; a HeapArray argument is read or written in place without a copy.
import { float32, kindName, number, resultArray, toShape } from './args.js';
import { room } from './heap.js';
import { check, checkStatus, fail } from './module.js';

export function normalizationCalls(M, heap, normOptions) {
  const { withHeap, put, take } = heap;
  // Kind names → the codes the plain exports take, asked of the core once per name (it rejects the others).
  const codes = new Map();
  const kindCode = (kind) => codes.get(kind) ?? codes.set(kind, check(M.kindCode(kindName(kind)))).get(kind);

  return {
    /**
     * Forward pass: { output, mean, rstd } (one mean/rstd per normalization group).
     * opts.output (a Float32Array or a HeapArray of N*C*L) is filled and returned as output instead of a new
     * array: live figures reuse one buffer and skip an allocation per redraw.
     */
    normalize(kind, input, shape, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      const code = kindCode(kind);
      const p = normOptions.prepare(opts, ['output']);
      const into = resultArray(opts?.output, 'output', x.length);
      // Room for the largest statistics count any kind can need; the binding reports the real one.
      const maxCount = Math.max(s.c, s.n * s.c);
      return withHeap(
        [room(x), into ? room(into) : x.length, maxCount, maxCount, ...p.sizes],
        ([xp, yp, mp, rp, ...pp]) => {
          put(xp, x);
          const count = checkStatus(M, M._normlab_normalize(code, xp, x.length, s.n, s.c, s.l, p.fill(pp), yp, mp, rp));
          p.copyBack(pp);
          return { output: take(yp, x.length, into), mean: take(mp, count), rstd: take(rp, count) };
        },
      );
    },

    /**
     * Gradients of the forward pass: { gradInput, gradGamma?, gradBeta? }. opts.gradInput (a Float32Array or
     * a HeapArray of N*C*L) receives ∂L/∂x and is returned as gradInput instead of a new array.
     */
    backward(kind, input, gradOutput, shape, opts = {}) {
      const x = float32(input, 'input');
      const g = float32(gradOutput, 'gradOutput');
      const s = toShape(shape);
      const code = kindCode(kind);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (backward writes opts.gradInput)');
      const p = normOptions.prepare(opts, ['gradInput']);
      const into = resultArray(opts?.gradInput, 'gradInput', x.length);
      const ng = p.values.gamma?.length ?? 0;
      const nb = p.values.beta?.length ?? 0;
      const sizes = [room(x), room(g), into ? room(into) : x.length, ng, nb, ...p.sizes];
      return withHeap(sizes, ([xp, gp, dxp, dgp, dbp, ...pp]) => {
        put(xp, x);
        put(gp, g);
        const args = [xp, gp, x.length, g.length, s.n, s.c, s.l, p.fill(pp), dxp, dgp, dbp];
        checkStatus(M, M._normlab_backward(code, ...args));
        const result = { gradInput: take(dxp, x.length, into) };
        if (ng) result.gradGamma = take(dgp, ng);
        if (nb) result.gradBeta = take(dbp, nb);
        return result;
      });
    },

    /**
     * Element `index` of normalize(kind, input, shape, opts), step by step: { x, group, groupSize, mean, rstd,
     * centered, normalized, param, gamma, beta, output }, with output/mean/rstd exactly normalize()'s.
     * Running statistics are read (BatchNorm eval) but never updated; opts.output is not accepted.
     */
    explainElement(kind, input, shape, index, opts = {}) {
      const x = float32(input, 'input');
      const s = toShape(shape);
      if (opts?.output !== undefined) fail('opts', 'unknown option "output" (explainElement returns one element)');
      const i = number(index, 'index');
      const p = normOptions.prepare(opts);
      return withHeap([room(x), ...p.sizes], ([xp, ...pp]) => {
        put(xp, x);
        return check(M.explainElement(kindName(kind), xp, x.length, s.n, s.c, s.l, i, p.fill(pp)));
      });
    },
  };
}
