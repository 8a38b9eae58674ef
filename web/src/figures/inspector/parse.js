// Reads what the learner pasted: numbers separated by commas, spaces, semicolons or new lines, or a nested
// JSON array (whose rectangular shape then sets [N, C, L]). Only parsing and counting happen here; every
// statistic comes from the core. A problem throws an InputError whose code names a catalogue message.

export const MAX_VALUES = 1024;

/** A learner-input problem: `code` is a key under inspector.errors, `params` fill its placeholders. */
export class InputError extends Error {
  constructor(code, params = {}) {
    super(code);
    this.name = 'InputError';
    this.code = code;
    this.params = params;
  }
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const NON_FINITE_RE = /^[+-]?(?:nan|inf|infinity)$/i;

function toNumber(token, position) {
  const clean = token.replace(/\u2212/g, '-');
  if (NON_FINITE_RE.test(clean)) throw new InputError('nonFinite', { token, position });
  if (!NUMBER_RE.test(clean)) throw new InputError('notNumber', { token, position });
  const value = Number(clean);
  if (!Number.isFinite(value) || Math.abs(value) > 3.4e38) throw new InputError('nonFinite', { token, position });
  return value;
}

/** Numbers from free text (commas, whitespace, semicolons); `what` names the field in messages. */
export function parseList(text) {
  const tokens = String(text)
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (tokens.length > MAX_VALUES) throw new InputError('tooMany', { count: tokens.length, max: MAX_VALUES });
  return tokens.map((token, i) => toNumber(token, i + 1));
}

// The shape of a rectangular nested array, or an InputError when it is ragged or holds non-numbers.
function jsonShape(value, depth = 0) {
  if (!Array.isArray(value)) return [];
  if (value.length === 0) throw new InputError('emptyArray');
  const inner = jsonShape(value[0], depth + 1);
  for (const item of value) {
    const s = jsonShape(item, depth + 1);
    if (s.length !== inner.length || s.some((d, i) => d !== inner[i])) throw new InputError('ragged');
  }
  return [value.length, ...inner];
}

/**
 * Parses the pasted text. Returns { values: number[], shape: [N, C, L] | null }: a JSON array of depth 3 gives
 * [N, C, L], depth 2 gives [N, C, 1]; free text and flat arrays leave the shape to the N, C, L inputs.
 */
export function parseTensor(text) {
  const trimmed = String(text).trim();
  if (!trimmed) throw new InputError('empty');
  if (!trimmed.startsWith('[')) return { values: parseList(trimmed), shape: null };
  let data;
  try {
    data = JSON.parse(trimmed.replace(/\u2212/g, '-'));
  } catch {
    throw new InputError('json');
  }
  const dims = jsonShape(data);
  if (dims.length > 3) throw new InputError('depth', { depth: dims.length });
  const flat = data.flat(2);
  if (flat.length > MAX_VALUES) throw new InputError('tooMany', { count: flat.length, max: MAX_VALUES });
  const values = flat.map((v, i) => {
    if (typeof v !== 'number') throw new InputError('notNumber', { token: JSON.stringify(v), position: i + 1 });
    return v;
  });
  let shape = null;
  if (dims.length === 3) shape = dims;
  else if (dims.length === 2) shape = [dims[0], dims[1], 1];
  return { values, shape };
}

/** A dimension from a number input: an integer from 1 to MAX_VALUES. */
export function parseDim(text, name) {
  const value = Number(String(text).trim());
  if (!String(text).trim() || !Number.isInteger(value) || value < 1 || value > MAX_VALUES) {
    throw new InputError('dim', { name, value: String(text).trim() || '—', max: MAX_VALUES });
  }
  return value;
}

/** ε from a text input ("1e-5"); the core checks that it is > 0. */
export function parseEps(text) {
  const clean = String(text)
    .trim()
    .replace(/\u2212/g, '-');
  if (!NUMBER_RE.test(clean)) throw new InputError('epsNotNumber', { value: String(text).trim() || '—' });
  return Number(clean);
}
