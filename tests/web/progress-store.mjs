// What the progress and mastery tests share: a progress store over any Storage-like backend, on a clock that
// moves one second per reading (so that every update is later than the one before).
import { createSafeStorage } from '../../web/src/state/storage.js';
import { createProgressStore } from '../../web/src/state/progress.js';

let clock = Date.parse('2026-11-26T10:00:00.000Z');
export const now = () => new Date((clock += 1000));
export const storeOn = (backend) => createProgressStore({ storage: createSafeStorage(() => backend), now });
