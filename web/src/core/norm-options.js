// norm-options.js — the options of normalize, backward and explainElement, written by name into the
// block of doubles the binding reads. The block's layout is the bindings' field table
// (NORMLAB_NORM_OPTIONS in core/bindings/core_options.hpp), read once at load with normOptionFields():
// { slots, fields: [{ name, type, slot, default? }] }. A number or flag fills one slot, an array two
// (its heap address and length). Defaults come from the core's NormOptions.
import { checkKeys, float32 } from './args.js';
import { room } from './heap.js';
import { fail } from './module.js';

// JS type of each field type; the core checks the values.
const CONVERT = {
  number: (v, name) => (typeof v === 'number' ? v : fail(name, 'must be a number')),
  flag: (v, name) => (typeof v === 'boolean' ? v : fail(name, 'must be true or false')),
  floats: (v, name) => float32(v, name),
  floatsInOut: (v, name) =>
    v instanceof Float32Array ? v : fail(name, 'must be a Float32Array (it is updated in place)'),
};

/** The options block of module M: prepare(opts, extra) → { values, sizes, fill(addresses), copyBack(addresses) }. */
export function createNormOptions(M, heap, layout = M.normOptionFields()) {
  const fields = layout.fields;
  const names = fields.map((f) => f.name);
  const arrays = fields.filter((f) => f.type === 'floats' || f.type === 'floatsInOut');
  const blockFloats = layout.slots * 2;

  /**
   * Checks opts (keys in the table, and the call's own `extra` keys, e.g. `output`) and returns what one call
   * needs: sizes (floats, or a HeapArray in place) of the arrays' heap slots then of the block;
   * fill(addresses) copies them in and returns the block's address; copyBack(addresses) copies the in-out
   * arrays back after a successful call.
   */
  function prepare(opts, extra = []) {
    const o = checkKeys(opts, extra.length ? [...names, ...extra] : names);
    const values = {};
    for (const f of fields) {
      const v = o[f.name];
      values[f.name] = v === undefined ? (f.default ?? null) : CONVERT[f.type](v, f.name);
    }
    const sizes = arrays.map((f) => (values[f.name] ? room(values[f.name]) : 0));
    sizes.push(blockFloats);
    return {
      values,
      sizes,
      fill(addresses) {
        const block = addresses[arrays.length];
        const f64 = M.HEAPF64;
        const at = block >> 3;
        for (const f of fields) {
          const v = values[f.name];
          if (f.type === 'number') f64[at + f.slot] = v;
          else if (f.type === 'flag') f64[at + f.slot] = v ? 1 : 0;
        }
        arrays.forEach((f, i) => {
          const v = values[f.name];
          if (v) heap.put(addresses[i], v);
          f64[at + f.slot] = v ? addresses[i] : 0;
          f64[at + f.slot + 1] = v ? v.length : 0;
        });
        return block;
      },
      copyBack(addresses) {
        arrays.forEach((f, i) => {
          const v = values[f.name];
          if (f.type === 'floatsInOut' && v) heap.take(addresses[i], v.length, v);
        });
      },
    };
  }
  return { prepare };
}
