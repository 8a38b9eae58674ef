// bench/rounds.mjs — what the trainer benches share: steps/s of several trainers measured in interleaved
// rounds by the process's CPU time (a shared machine's load then hits every variant alike and idle time
// does not count), the machine's load average, and the native tools' path.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * variants: [{ steps, run(n) }] (run may be async); each runs `warmup` rounds first, then `rounds` rounds of
 * its own `steps`, in turn. Returns per variant { median, min, max } steps per CPU second.
 */
export async function interleavedRates(variants, { rounds = 5, warmup = 1 } = {}) {
  const rates = variants.map(() => []);
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) {
      const { steps, run } = variants[i];
      const c0 = process.cpuUsage();
      await run(steps);
      const { user, system } = process.cpuUsage(c0);
      if (r >= 0) rates[i].push(steps / ((user + system) / 1e6));
    }
  }
  return rates.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
  });
}

/**
 * Our trainer (its run(n)) against a tfjs model (its step(x, y)) on the fixed batch { x, y }, interleaved, 2
 * warm-up rounds: [ours, tfjs] as interleavedRates gives them; steps = { ours, tfjs } per round.
 */
export const oursVsTfjs = (trainer, model, { x, y }, steps, rounds) =>
  interleavedRates(
    [
      { steps: steps.ours, run: (n) => trainer.run(n) },
      {
        steps: steps.tfjs,
        run: (n) => {
          for (let i = 0; i < n; i++) model.step(x, y);
        },
      },
    ],
    { rounds, warmup: 2 },
  );

/** "load average 3.1 2.9 2.5 (1, 5, 15 min) on 2 cores" */
export const loadAverage = () =>
  `load average ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (1, 5, 15 min) on ${availableParallelism()} cores`;

/** The native tool `name`: npm run bench's -march=native build, else build/native's; null when neither exists. */
export const nativeTool = (name) =>
  [`../build/bench-native/${name}`, `../build/native/${name}`]
    .map((p) => fileURLToPath(new URL(p, import.meta.url)))
    .find(existsSync) ?? null;
