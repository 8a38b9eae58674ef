// bench/raw-options.mjs — writes the options block of the raw normalize/backward bindings by name, for
// benchmarks that call the raw module on data already in its heap. The layout is the module's own
// (normOptionFields(), from the field table in core/bindings/core_options.hpp); web/src/core/norm-options.js
// does the same for the public API, copying arrays in as well.

/** Bytes of one options block of module raw. */
export const optionBytes = (raw) => raw.normOptionFields().slots * 8;

/**
 * Writes the block at ptr (8-byte aligned): numbers and flags by name (defaults otherwise), arrays as
 * [heap address, length] pairs already in the heap (absent otherwise).
 */
export function writeRawOptions(raw, ptr, values = {}) {
  const at = ptr >> 3;
  for (const f of raw.normOptionFields().fields) {
    const v = values[f.name];
    if (f.type === 'number' || f.type === 'flag') raw.HEAPF64[at + f.slot] = Number(v ?? f.default);
    else raw.HEAPF64.set(v ?? [0, 0], at + f.slot);
  }
}
