// Browser test: a live run of the conv preset's default (3 variants × 3000 steps at batch 1, about 45 s of CPU
// natively) reproduces the shipped comparison bit for bit (see training-shipped.test.mjs; a file of its own so
// that it has its own 5-minute limit on a loaded machine).
import { test } from 'node:test';
import { onTraining, reproduces, useShippedSite } from './training-shipped.mjs';

useShippedSite();

test("a live run of the conv preset's default (batch 1, 3000 steps) reproduces the shipped runs bit for bit", () =>
  onTraining(({ page, host }) => reproduces(page, host, 'Conv net, batch 1', 'conv', 240000)));
