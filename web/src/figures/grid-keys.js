// Keyboard movement in a tensor of shape [N, C, L] drawn as a grid: a block per sample, a row per channel, a
// cell per position ("What gets normalized?" and "Paste a tensor"). ←/→ move along positions and on to the
// neighbouring sample, ↑/↓ change channel, PageUp/PageDown change sample, Home/End jump to the first/last
// position (with Ctrl: the first/last element).

const clamp = (v, hi) => Math.min(hi, Math.max(0, v));

// The keys that step through the channels (rows) or the samples (blocks): [Δsample, Δchannel].
const STEPS = { ArrowDown: [0, 1], ArrowUp: [0, -1], PageDown: [1, 0], PageUp: [-1, 0] };

/** The flat index that `key` moves the selection at `index` to, or -1 when the key does not move it. */
export function gridMove(key, index, [N, C, L], ctrl = false) {
  let n = Math.floor(index / (C * L));
  let c = Math.floor(index / L) % C;
  let l = index % L;
  if (Object.hasOwn(STEPS, key)) {
    n = clamp(n + STEPS[key][0], N - 1);
    c = clamp(c + STEPS[key][1], C - 1);
  } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
    // ←/→ walk the positions of all samples in a row, as if the samples' rows were laid end to end.
    const at = clamp(n * L + l + (key === 'ArrowRight' ? 1 : -1), N * L - 1);
    [n, l] = [Math.floor(at / L), at % L];
  } else if (key === 'Home' || key === 'End') {
    const end = key === 'End';
    l = end ? L - 1 : 0;
    if (ctrl) [n, c] = end ? [N - 1, C - 1] : [0, 0];
  } else {
    return -1;
  }
  return (n * C + c) * L + l;
}
