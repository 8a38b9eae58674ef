// reading-tracker.js — which sections the learner has read, and the time spent with the page visible.
// A section counts as read after it has stayed in view for READ_AFTER_MS; the section taking up most of
// the screen is the table of contents' current entry.
//
//   trackReading(sectionNodes, store, toc)   store.markSectionRead(id), toc.setCurrent(id)
//   trackTime(store)                         store.addTime(ms) while the page is visible

const READ_AFTER_MS = 1500;
const TIME_TICK_MS = 15000;

export function trackReading(sectionNodes, store, toc) {
  if (typeof IntersectionObserver !== 'function') return;
  const timers = new Map();
  const visibleHeights = new Map();
  const thresholds = Array.from({ length: 41 }, (_, i) => i / 40);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const id = entry.target.id;
        const viewport = entry.rootBounds ? entry.rootBounds.height : window.innerHeight;
        const seen = entry.isIntersecting ? entry.intersectionRect.height : 0;
        visibleHeights.set(id, seen);
        // "In view": a good part of the screen, or most of a short section.
        const inView = seen > 0 && seen >= Math.min(viewport * 0.4, entry.boundingClientRect.height * 0.6);
        if (inView && !timers.has(id)) {
          timers.set(
            id,
            setTimeout(() => {
              timers.delete(id);
              if (document.visibilityState !== 'hidden') store.markSectionRead(id);
            }, READ_AFTER_MS),
          );
        } else if (!inView && timers.has(id)) {
          clearTimeout(timers.get(id));
          timers.delete(id);
        }
      }
      let best = null;
      for (const [id, height] of visibleHeights)
        if (height > 0 && (!best || height > visibleHeights.get(best))) best = id;
      if (best) toc.setCurrent(best);
    },
    { threshold: thresholds },
  );
  for (const node of sectionNodes) observer.observe(node);
}

export function trackTime(store) {
  let since = document.visibilityState === 'visible' ? performance.now() : null;
  const tick = () => {
    const now = performance.now();
    if (since !== null) store.addTime(now - since);
    since = document.visibilityState === 'visible' ? now : null;
  };
  setInterval(tick, TIME_TICK_MS);
  document.addEventListener('visibilitychange', tick);
  window.addEventListener('pagehide', tick);
}
