// bench/tfjs-transformer.mjs — our Transformer (core/src/train/transformer.hpp) in tfjs-core ops, for the
// steps/s comparison in bench/transformer.bench.mjs (tfjs-layers 4.22 has no attention layer). Same sizes
// and equations: token + position embeddings, per layer a multi-head self-attention sublayer (packed
// W_qkv [d, 3d] with bias, softmax(q·kᵀ/√dh)·v, W_o [d, d] with bias) and an MLP sublayer (W1 [d, 4d],
// ReLU, W2 [4d, d], biases), each wrapped Pre-LN (x + F(Norm(x)), with a final Norm before the head) or
// Post-LN (Norm(x + F(x))), or neither with norm "none"; LayerNorm (γ, β) or RMSNorm (γ only), eps 1e-5
// over the width; a Linear head per position; softmax cross-entropy averaged over every position; Adam
// (β1 0.9, β2 0.999, ε 1e-8). Embeddings N(0, 1), weights Xavier-normal, biases 0, γ 1, β 0.
// One difference of form: the token embedding is a one-hot [rows, vocabulary] × [vocabulary, d] product,
// because tfjs-backend-wasm has no UnsortedSegmentSum kernel, which the gradient of tf.gather needs.
//
//   tfjsTransformer(tf, { norm, placement, depth, width, heads, tokens, vocabulary, learningRate })
//     -> { step(x, y) -> loss (number), dispose() }   x: int32 [batch, tokens] digits, y: int32 targets

const EPS = 1e-5;

export function tfjsTransformer(tf, { norm, placement, depth, width: d, heads, tokens: t, vocabulary, learningRate }) {
  const normed = norm !== 'none';
  const post = normed && placement === 'post';
  const vars = [];
  const variable = (init) => {
    const v = tf.variable(init);
    vars.push(v);
    return v;
  };
  const xavier = (fin, fout) => variable(tf.randomNormal([fin, fout], 0, Math.sqrt(2 / (fin + fout))));
  const zeros = (n) => variable(tf.zeros([n]));
  const linear = (fin, fout) => ({ w: xavier(fin, fout), b: zeros(fout) });
  const normParams = () =>
    normed ? { gamma: variable(tf.ones([d])), beta: norm === 'layer' ? zeros(d) : null } : null;

  const tokEmb = variable(tf.randomNormal([vocabulary, d]));
  const posEmb = variable(tf.randomNormal([t, d]));
  const layers = Array.from({ length: depth }, () => ({
    norm1: normParams(),
    qkv: linear(d, 3 * d),
    wo: linear(d, d),
    norm2: normParams(),
    w1: linear(d, 4 * d),
    w2: linear(4 * d, d),
  }));
  const final = normed && !post ? normParams() : null;
  const head = linear(d, vocabulary);
  const optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-8);

  const dense = (p, x) => tf.add(tf.matMul(x, p.w), p.b);
  function normalize(p, x) {
    if (!p) return x;
    if (norm === 'rms') return tf.mul(tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), -1, true), EPS))), p.gamma);
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, EPS))), p.gamma), p.beta);
  }
  function attention(p, x, n) {
    const dh = d / heads;
    // [n·t, 3d] → [3, n, heads, t, dh]: q, k, v per sequence and head
    const qkv = tf.transpose(tf.reshape(dense(p.qkv, x), [n, t, 3, heads, dh]), [2, 0, 3, 1, 4]);
    const [q, k, v] = tf.unstack(qkv);
    const probs = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)));
    const ctx = tf.reshape(tf.transpose(tf.matMul(probs, v), [0, 2, 1, 3]), [n * t, d]);
    return dense(p.wo, ctx);
  }
  const mlp = (p, x) => dense(p.w2, tf.relu(dense(p.w1, x)));
  // x ← x + F(Norm(x)) (Pre-LN) or Norm(x + F(x)) (Post-LN); without a norm both are x + F(x).
  const sublayer = (np, f, x) => (post ? normalize(np, tf.add(x, f(x))) : tf.add(x, f(normalize(np, x))));

  function loss(x, y) {
    const [n] = x.shape;
    const rows = n * t;
    const tok = tf.matMul(tf.oneHot(tf.reshape(x, [rows]), vocabulary), tokEmb);
    let h = tf.reshape(tf.add(tf.reshape(tok, [n, t, d]), posEmb), [rows, d]);
    for (const l of layers) {
      h = sublayer(l.norm1, (z) => attention(l, z, n), h);
      h = sublayer(l.norm2, (z) => mlp(l, z), h);
    }
    const logits = dense(head, normalize(final, h));
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.reshape(y, [rows]), vocabulary), logits);
  }

  return {
    step(x, y) {
      const cost = optimizer.minimize(() => loss(x, y), true, vars);
      const value = cost.dataSync()[0];
      cost.dispose();
      return value;
    },
    dispose() {
      optimizer.dispose();
      tf.dispose(vars);
    },
  };
}
