// preset-bus.js — one page-wide channel for "load this set-up into the figures": the model map (and the
// teacher panel) publish a preset; the playground and the training figure apply their part of it. A figure
// mounted after the publication (they load lazily) still receives the latest one.
//
//   publishPreset({ id, label, playground?: partial playground state, training?: partial training state })
//   subscribePreset(handler) -> unsubscribe      handler(preset) is called at once with the latest preset, if any

const handlers = new Set();
let latest = null;

/** Send `preset` to every subscriber (figures apply the part named after them). */
export function publishPreset(preset) {
  latest = preset;
  for (const handler of [...handlers]) {
    try { handler(preset); } catch (error) { console.error(error); }
  }
}

/** Receive presets; the latest one (if any) arrives at once. Returns a function that unsubscribes. */
export function subscribePreset(handler) {
  handlers.add(handler);
  if (latest) {
    try { handler(latest); } catch (error) { console.error(error); }
  }
  return () => handlers.delete(handler);
}

/** Forget the latest preset (tests). */
export function resetPresetBus() {
  latest = null;
  handlers.clear();
}
