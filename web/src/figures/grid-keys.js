// Keyboard movement in a tensor of shape [N, C, L] drawn as a grid: a block per sample, a row per channel, a
// cell per position ("What gets normalized?" and "Paste a tensor"). ←/→ move along positions and on to the
// neighbouring sample, ↑/↓ change channel, PageUp/PageDown change sample, Home/End jump to the first/last
// position (with Ctrl: the first/last element).

const clamp = (v, hi) => Math.min(hi, Math.max(0, v));

/** The flat index that `key` moves the selection at `index` to, or -1 when the key does not move it. */
export function gridMove(key, index, [N, C, L], ctrl = false) {
  let n = Math.floor(index / (C * L));
  let c = Math.floor(index / L) % C;
  let l = index % L;
  // ←/→ walk the positions of all samples in a row, as if the samples' rows were laid end to end.
  const along = (d) => {
    const at = clamp(n * L + l + d, N * L - 1);
    [n, l] = [Math.floor(at / L), at % L];
  };
  switch (key) {
    case 'ArrowRight':
      along(1);
      break;
    case 'ArrowLeft':
      along(-1);
      break;
    case 'ArrowDown':
      c = clamp(c + 1, C - 1);
      break;
    case 'ArrowUp':
      c = clamp(c - 1, C - 1);
      break;
    case 'PageDown':
      n = clamp(n + 1, N - 1);
      break;
    case 'PageUp':
      n = clamp(n - 1, N - 1);
      break;
    case 'Home':
      l = 0;
      if (ctrl) [n, c] = [0, 0];
      break;
    case 'End':
      l = L - 1;
      if (ctrl) [n, c] = [N - 1, C - 1];
      break;
    default:
      return -1;
  }
  return (n * C + c) * L + l;
}
