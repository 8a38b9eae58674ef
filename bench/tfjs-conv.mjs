// bench/tfjs-conv.mjs — our conv net (core/src/train/conv_passes.cpp) as a tfjs-layers model, for the
// steps/s comparison in bench/conv.bench.mjs. Per block: tf.layers.conv2d (3x3, padding "same", bias,
// He-normal) → norm → ReLU; then globalAveragePooling2d and a dense head (He-normal); softmax
// cross-entropy on the logits (tf.losses.softmaxCrossEntropy, fused like ours), SGD with momentum 0.9
// (tf.train.momentum is PyTorch's v = μ·v + g, θ -= lr·v); γ 1, β 0, eps 1e-5. Layout NHWC (tfjs's), ours
// NCHW. A step is optimizer.minimize over model.apply(x, { training: true }): measured 13–45 % faster
// than model.trainOnBatch on this net, so the faster of tfjs's two ways is the one compared.
//
// What tfjs 4.22 lacks, supplied here:
// - tfjs-backend-wasm registers no Conv2DBackpropFilter kernel, so tf.layers.conv2d cannot train on it
//   ("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'"). registerFilterGradient() adds
//   one built from the backend's own kernels: the filter gradient of a stride-1 convolution is itself a
//   convolution (input and gradient with batch and channels swapped), run by tfjs-wasm's Conv2D (XNNPACK).
// - tfjs-layers has no GroupNorm, and its layerNormalization over (H, W, C) would carry a γ per element
//   instead of our per-channel γ. One custom layer with per-channel γ, β serves GroupNorm (G groups),
//   InstanceNorm (G = C) and our conv "layer" norm (G = 1), as the core defines them. BatchNorm is
//   tf.layers.batchNormalization (momentum 0.9 = PyTorch's 0.1; it normalizes with the biased batch
//   variance, as PyTorch does).
//
//   tfjsConvNet(tf, tfl, { norm, depth, width, groups, learningRate })
//     -> { step(x, y) -> loss (number), dispose() }   x: [batch, 8, 8, 1] pixels, y: one-hot [batch, 10]

const EPS = 1e-5;

export function tfjsConvNet(tf, tfl, { norm, depth, width, groups, learningRate, side = 8, classes = 10 }) {
  registerFilterGradient(tf);
  const GroupNorm = groupNormLayer(tf, tfl);
  const model = tfl.sequential();
  for (let l = 0; l < depth; l++) {
    const conv = { filters: width, kernelSize: 3, padding: 'same', kernelInitializer: 'heNormal' };
    if (l === 0) conv.inputShape = [side, side, 1];
    model.add(tfl.layers.conv2d(conv));
    if (norm === 'batch') model.add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: EPS }));
    else if (norm !== 'none') {
      const g = { group: groups, instance: width, layer: 1 }[norm];
      if (!g) throw new Error(`tfjsConvNet: unknown norm ${norm}`);
      model.add(new GroupNorm({ groups: g }));
    }
    model.add(tfl.layers.reLU());
  }
  model.add(tfl.layers.globalAveragePooling2d({}));
  model.add(tfl.layers.dense({ units: classes, kernelInitializer: 'heNormal' }));
  const optimizer = tf.train.momentum(learningRate, 0.9);
  return {
    step(x, y) {
      const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true })), true);
      const value = cost.dataSync()[0];
      cost.dispose();
      return value;
    },
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

/** Registers Conv2DBackpropFilter for tfjs-wasm (stride 1, NHWC, no dilation: what the model uses). */
function registerFilterGradient(tf) {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const conv2d = tf.getKernel('Conv2D', 'wasm').kernelFunc;
  const transpose = tf.getKernel('Transpose', 'wasm').kernelFunc;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc({ inputs: { x, dy }, backend, attrs }) {
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
      const stride = Array.isArray(strides) ? strides : [strides, strides];
      if (stride.some((v) => v !== 1) || (dataFormat && dataFormat !== 'NHWC'))
        throw new Error('Conv2DBackpropFilter (bench): stride 1, NHWC only');
      const { padInfo } = tf.backend_util.computeConv2DInfo(x.shape, filterShape, 1, 1, pad, dimRoundingMode);
      // dW[kh, kw, ci, co] = Σ_n,h,w x[n, h + kh - top, w + kw - left, ci] · dy[n, h, w, co]: a "valid"
      // convolution of x as [ci, H, W, n] with dy as the filter [Ho, Wo, n, co], padded like the forward.
      const xT = transpose({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } });
      const dyT = transpose({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } });
      const explicit = [
        [0, 0],
        [padInfo.top, padInfo.bottom],
        [padInfo.left, padInfo.right],
        [0, 0],
      ];
      const dw = conv2d({
        inputs: { x: xT, filter: dyT },
        backend,
        attrs: { strides: 1, pad: explicit, dataFormat: 'NHWC', dilations: 1, dimRoundingMode },
      });
      const out = transpose({ inputs: { x: dw }, backend, attrs: { perm: [1, 2, 0, 3] } });
      for (const t of [xT, dyT, dw]) backend.disposeData(t.dataId);
      return out;
    },
  });
}

const groupNormClasses = new WeakMap();

/** The GroupNorm layer class, defined once per tfjs-layers instance. */
function groupNormLayer(tf, tfl) {
  if (groupNormClasses.has(tfl)) return groupNormClasses.get(tfl);
  class GroupNorm extends tfl.layers.Layer {
    static className = 'NormlabGroupNorm';
    constructor(config) {
      super(config);
      this.groups = config.groups;
    }
    build(inputShape) {
      const c = inputShape[inputShape.length - 1];
      this.gamma = this.addWeight('gamma', [c], 'float32', tfl.initializers.ones());
      this.beta = this.addWeight('beta', [c], 'float32', tfl.initializers.zeros());
      this.built = true;
    }
    call(inputs) {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        const [n, h, w, c] = x.shape;
        const grouped = tf.reshape(x, [n, h, w, this.groups, c / this.groups]);
        const { mean, variance } = tf.moments(grouped, [1, 2, 4], true); // biased, as PyTorch normalizes
        const normed = tf.mul(tf.sub(grouped, mean), tf.rsqrt(tf.add(variance, EPS)));
        return tf.add(tf.mul(tf.reshape(normed, [n, h, w, c]), this.gamma.read()), this.beta.read());
      });
    }
    getConfig() {
      return { ...super.getConfig(), groups: this.groups };
    }
  }

  groupNormClasses.set(tfl, GroupNorm);
  return GroupNorm;
}
