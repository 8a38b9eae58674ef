// torch-code.js — the PyTorch code equivalent to a playground state: the torch.nn module with the same
// arguments, γ/β, train/eval mode and input shape. The semantics are those of docs/core-api.md: the
// playground's input is [N, C, L] with L = 1; its "layer" kind is nn.LayerNorm([C, L]) and "rms" is
// nn.RMSNorm([C, L]) (PyTorch ≥ 2.4); BatchNorm's eval mode uses running statistics collected by
// `warmup.steps` training steps on batches of `warmup.batch` with momentum `warmup.momentum`.
// Python literals are not localized (code is code); the comments come from the catalogue.

import { t } from '../../i18n/i18n.js';

export const TORCH_RMSNORM = '2.4'; // nn.RMSNorm first shipped in PyTorch 2.4

/** A Python float literal as repr() writes it: 1e-05, 0.001, 1.5, 2.0. */
export function pyFloat(v) {
  if (v !== 0 && Math.abs(v) < 1e-4) {
    const [mantissa, exponent] = v.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** The module constructor call for state s (shape [n, c, 1]). */
export function moduleCall(s) {
  const eps = `eps=${pyFloat(s.eps)}`;
  const affine = s.gamma !== 1 || (s.kind !== 'rms' && s.beta !== 0);
  switch (s.kind) {
    case 'batch':
      return `nn.BatchNorm1d(${s.c}, ${eps}, momentum=0.1)`;
    case 'layer':
      return `nn.LayerNorm([${s.c}, 1], ${eps})`;
    case 'rms':
      return `nn.RMSNorm([${s.c}, 1], ${eps})`;
    case 'group':
      return `nn.GroupNorm(${s.g}, ${s.c}, ${eps})`;
    case 'instance':
      return `nn.InstanceNorm1d(${s.c}, ${eps}${affine ? ', affine=True' : ''})`;
    default:
      throw new RangeError(`kind: unknown "${s.kind}"`);
  }
}

/** The whole snippet, as lines of Python. */
export function torchCode(s, warmup) {
  const c = (key, params) => `# ${t(`playground.code.${key}`, params)}`;
  const lines = ['import torch', 'from torch import nn', '']; // i18n-exempt: Python source shown as code
  lines.push(c('inputComment', { n: String(s.n), c: String(s.c) }));
  lines.push(`x = torch.as_tensor(values, dtype=torch.float32).reshape(${s.n}, ${s.c}, 1)`, '');
  if (s.kind === 'rms') lines.push(c('rmsVersion', { version: TORCH_RMSNORM }));
  if (s.kind === 'layer') lines.push(c('layerAxes'));
  if (s.kind === 'instance') lines.push(c('instanceL1'));
  lines.push(`norm = ${moduleCall(s)}`);
  const setGamma = s.gamma !== 1;
  const setBeta = s.kind !== 'rms' && s.beta !== 0;
  if (setGamma || setBeta) {
    lines.push('with torch.no_grad():');
    if (setGamma) lines.push(`    norm.weight.fill_(${pyFloat(s.gamma)})  ${c('gamma')}`);
    if (setBeta) lines.push(`    norm.bias.fill_(${pyFloat(s.beta)})  ${c('beta')}`);
  }
  if (s.kind === 'rms' && s.beta !== 0) lines.push(c('rmsNoBeta'));
  if (s.kind === 'batch' && s.mode === 'eval') {
    lines.push('norm.train()');
    const warm = c('warmup', { steps: String(warmup.steps), batch: String(warmup.batch), c: String(s.c) });
    lines.push(`for batch in warmup_batches:  ${warm}`); // i18n-exempt: Python source shown as code
    lines.push(`    norm(batch)  ${c('warmupStep', { momentum: pyFloat(warmup.momentum) })}`);
    lines.push(`norm.eval()  ${c('evalMode')}`);
  } else if (s.kind === 'batch') {
    lines.push(`norm.train()  ${c('trainMode')}`);
  }
  lines.push('y = norm(x)');
  return lines.join('\n');
}
