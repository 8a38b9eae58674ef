// strings-en.js — the UI string catalogue (English). Every button, label, message and ARIA text of the
// page is here, by feature; lesson content lives in web/content/lesson.json. Placeholders are {name};
// an object { one, other } is a plural chosen by {count}. Keep keys stable: tests check every key used
// in web/src exists here and every entry here is used.

export default {
  format: {
    times: '{value}×',
  },
  // Shared words (page shell, notices, generic controls).
  common: {
  },
  // The lesson page: boot, content problems, notices, table of contents, progress.
  page: {
  },
  quiz: {
  },
  mastery: {
  },
  predict: {
  },
  walkthrough: {
  },
  figures: {
    parityBadge: 'Matches PyTorch',
    parityText: 'The core gives the same outputs, statistics and gradients as PyTorch {torch} on {vectors} test vectors (outputs within {forward} and gradients within {gradient}, relative to the largest value), checked on every build.',
  },
  grouping: {
  },
  distributions: {
  },
  playground: {
    normalization: 'Normalization',
    mode: '{kind} mode',
    training: 'Training',
    eval: 'Eval',
    distribution: 'Input distribution',
    batchSize: 'Batch size',
    features: 'Feature dimension',
    groups: 'Groups',
    eps: 'eps (ε)',
    gamma: 'Scale γ',
    beta: 'Shift β',
    noBeta: '{kind} has no β.',
    resample: 'Resample',
    seed: 'Seed {seed}',
    link: 'Link to this view',
    about: 'About {kind}',
    axes: '{kind}: {axes}.',
    batch1: 'PyTorch stops with “ValueError: Expected more than 1 value per channel when training”: the mean of a single value is that value, so every output would be 0. Use a batch of 2 or more, switch BatchNorm to eval mode (running statistics), or pick a kind that does not depend on the batch.',
    instanceL1: 'These are feature vectors (one position per channel, L = 1), so InstanceNorm would normalize single values. It is meant for images and sequences with many positions.',
    tabs: {
      label: 'Playground results',
      stats: 'Statistics',
      gradient: 'Gradients',
      code: 'PyTorch code',
    },
    stats: {
      caption: 'Statistics comparison (all values of the batch)',
      statistic: 'Statistic',
      raw: 'Raw',
      normalized: 'Normalized',
      improvement: 'Improvement',
      whatImprovement: 'What does improvement mean?',
      mean: 'Mean',
      std: 'Std dev',
      min: 'Min',
      max: 'Max',
      skewness: 'Skewness',
      noTarget: 'No target: normalization does not aim for a particular minimum or maximum.',
      notTarget: 'Not a target: normalization keeps the shape within each group.',
      atTarget: 'Nothing to improve: the raw value is already at its target.',
    },
    groupStats: {
      caption: 'Per-group statistics',
      captionCount: 'Per-group statistics: {count} groups ({kind}: {axes})',
      perGroup: 'Per group',
      before: 'Before (min to max)',
      after: 'After (min to max)',
      mean: 'Group means',
      std: 'Group std devs',
      skewness: 'Group skewness',
      range: '{min} to {max}',
      undefined: 'undefined',
    },
    noise: {
      title: 'How noisy are the statistics?',
      caption: 'Spread (std dev) across {repeats} fresh batches',
      of: 'Statistic of',
      mean: 'group mean',
      variance: 'group variance',
      intro: { one: '{batch} takes channel 0’s mean over the single sample of the batch; {layer} takes sample 0’s mean over its own {c} features, whatever the batch size.', other: '{batch} takes channel 0’s mean over the {count} samples of the batch; {layer} takes sample 0’s mean over its own {c} features, whatever the batch size.' },
      batchRow: '{batch}, batch of {n}',
      layerRow: '{layer} (any batch size)',
      chartName: 'Group mean in the first 50 of the fresh batches, BatchNorm against LayerNorm',
      xLabel: 'fresh batch',
      yLabel: 'group mean',
      batchSeries: '{batch} (channel 0)',
      layerSeries: '{layer} (sample 0)',
      summary: 'Across {repeats} fresh batches the BatchNorm channel mean (batch {n}) has a spread of {batchSd}; the LayerNorm sample mean has {layerSd}.',
      batchError: 'nothing (batch size 1 is an error in training)',
    },
    running: {
      title: 'Eval mode: running statistics',
      intro: 'In eval mode {batch} normalizes with running averages collected during training ({steps} steps on batches of {size}, momentum {momentum}: each step moves them {percent} of the way to the batch statistics), so the result no longer depends on the current batch.',
      summary: 'After {steps} steps: running mean {mean} and running variance {variance}, against the population’s {popMean} and {popVar}.',
      chartName: 'Running mean against batch means of channel 0 during training',
      xLabel: 'training step',
      yLabel: 'channel 0 mean',
      batchMean: 'batch mean',
      runningMean: 'running mean',
      populationMean: 'population mean',
    },
    grad: {
      title: 'Gradients through the normalization',
      intro: 'For a loss L with the upstream gradient ∂L/∂y chosen here, the core’s backward pass gives the gradient ∂L/∂x that reaches the input, with exactly the settings above (as torch.autograd would).',
      upstream: 'Upstream gradient ∂L/∂y',
      upstreams: {
        ones: 'All ones (L = sum of the outputs)',
        random: 'Random (seeded, standard normal)',
        one: 'One output element (L = y[0, 0, 0])',
        output: 'The output itself (L = ½‖y‖²)',
      },
      caption: 'Gradient statistics (all elements)',
      statistic: 'Statistic',
      dy: 'Upstream ∂L/∂y',
      dx: 'Input gradient ∂L/∂x',
      count: 'Count',
      groupMeans: 'Per-group mean of ∂L/∂x',
      groupRange: { one: '{count} group: {min}', other: '{count} groups: {min} to {max}' },
      chartName: 'Histogram of the input gradient ∂L/∂x',
      summary: 'For the upstream gradient “{upstream}”, the input gradient has mean {mean}, standard deviation {std}, minimum {min} and maximum {max}.',
      none: 'No gradient: the forward pass is not defined for these settings.',
      error: 'No gradient for these settings: {message}',
      explain: {
        ones: {
          centred: 'The gradient is zero up to float rounding: every group’s outputs sum to a constant (the centred values sum to 0), so a loss that only sums the outputs cannot be changed by the inputs. Centring removes a constant upstream gradient entirely.',
          rms: 'RMSNorm does not centre, so the sum of its outputs depends on the inputs: a constant upstream gradient comes through (only its component along the normalized output is removed).',
          eval: 'In eval mode BatchNorm is a fixed affine map per channel, so the gradient is just scaled: each channel gets γ/√(running variance + ε), the same for every sample.',
        },
        random: {
          centred: 'The backward pass removes, within every group, the mean of the upstream gradient and its component along the normalized output, then scales by 1/σ: the per-group means of ∂L/∂x are zero up to rounding.',
          rms: 'RMSNorm removes only the component along the normalized output and scales by 1/RMS: the per-group means of ∂L/∂x are not zero, because there is no centring.',
          eval: 'In eval mode BatchNorm only scales the upstream gradient channel by channel (γ/√(running variance + ε)): nothing is removed, and samples do not influence each other.',
        },
        one: {
          centred: 'Only output element [0, 0, 0] counts, yet every input of its group gets a gradient, because all of them enter its mean and variance. With BatchNorm in training that group is channel 0 across the whole batch: the samples are coupled.',
          rms: 'Only output element [0, 0, 0] counts, yet every input of sample 0 gets a gradient through the shared RMS; the other samples get none.',
          eval: 'Only output element [0, 0, 0] counts, and in eval mode only input element [0, 0, 0] gets a gradient: the running statistics do not depend on the batch.',
        },
        output: {
          centred: 'Normalization fixes the size of each group’s output, so L = ½‖y‖² barely depends on the inputs: the gradient is nearly zero (only ε keeps it from vanishing exactly).',
          rms: 'RMSNorm also fixes the size of each sample’s output (its RMS is about |γ|), so L = ½‖y‖² barely depends on the inputs: the gradient is nearly zero, only because of ε.',
          eval: 'In eval mode BatchNorm is a fixed affine map, so the gradient is the output scaled per channel by γ/√(running variance + ε): nothing keeps the output’s size fixed.',
        },
      },
    },
    code: {
      title: 'The same in PyTorch',
      intro: 'The torch.nn module and call equivalent to the settings above; values stands for the playground’s input. nn.RMSNorm needs PyTorch {version} or later.',
      label: 'PyTorch code',
      copy: 'Copy code',
      copied: 'Copied to the clipboard.',
      copyFallback: 'Copying is not allowed here: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      inputComment: 'the playground’s input: {n} samples × {c} features, L = 1 position (shape [N, C, L])',
      rmsVersion: 'nn.RMSNorm needs PyTorch ≥ {version}',
      layerAxes: 'statistics over C and L for each sample, as the playground’s LayerNorm',
      instanceL1: 'with L = 1 PyTorch raises an error here, as the playground does: InstanceNorm needs L > 1',
      gamma: 'γ',
      beta: 'β',
      rmsNoBeta: 'RMSNorm has no β: the playground ignores the β slider for it',
      warmup: '{steps} training batches of shape [{batch}, {c}, 1], drawn as in the playground',
      warmupStep: 'updates running_mean and running_var with momentum {momentum}',
      evalMode: 'normalize with running_mean and running_var',
      trainMode: 'normalize with the batch’s own statistics',
    },
  },
  inspector: {
  },
  everyNorm: {
  },
  training: {
  },
  modelMap: {
    legend: 'Choose a model family',
    hint: 'Choosing one loads a matching set-up into the playground and the training simulation.',
    entryTitle: '{title}: {norm}',
    diagrams: 'Block orders',
    inPlayground: 'In the playground',
    inTraining: 'In the training simulation',
    goPlayground: 'Go to the playground',
    goTraining: 'Go to the training simulation',
    loaded: 'Loaded “{title}” ({norm}) into the playground and the training simulation.',
    noContent: 'The lesson content has no entries for the model map (figureText.modelMap).',
  },
  teacher: {
  },
  completion: {
  },
  embed: {
  },
  lms: {
  },
};
