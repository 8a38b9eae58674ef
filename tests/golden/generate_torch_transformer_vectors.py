#!/usr/bin/python3
"""Generates tests/golden/torch-transformer-vectors.json: PyTorch reference values for the Transformer trainer.

Deterministic: every tensor comes from one seeded torch.Generator (CPU, float32). Needs only PyTorch
(Debian: `apt-get install python3-torch`, 1.13.1). Run from anywhere:

    /usr/bin/python3 tests/golden/generate_torch_transformer_vectors.py

Two kinds of vectors:
- "block" (LayerNorm and RMSNorm, Pre-LN and Post-LN): the attention sublayer of one Transformer layer on
  x [N, T, d], Pre-LN  y = x + MHA(Norm(x))  or Post-LN  y = Norm(x + MHA(x)), MHA being
  nn.MultiheadAttention(d, heads, batch_first=True) (bidirectional, no mask, no dropout), with a seeded
  upstream gradient: the output and autograd's gradients of x, in_proj weight and bias, out_proj weight and
  bias, and the norm's weight (and bias).
- "network" (none, LayerNorm, RMSNorm; Pre-LN and Post-LN, "none" once): the trainer's whole network,
  depth 2: token + position embeddings, per layer the attention sublayer then the MLP sublayer
  (Linear(d, 4d) -> ReLU -> Linear(4d, d)), both wrapped as above, a final norm for Pre-LN, a Linear head
  per position, mean cross-entropy over every position: logits, loss and every parameter's gradient in the
  trainer's flat order.
RMSNorm: torch 1.13 has no nn.RMSNorm (added in 2.4); composed as 2.4 defines it,
x * rsqrt(mean(x^2, last dim) + eps) * weight. LayerNorm is nn.LayerNorm(d). eps 1e-5 everywhere.

Layouts (core/src/train/transformer.cpp): token rows b*T + t, row-major; a Linear weight as [in, out]
(torch's weight transposed), so in_proj (q | k | v stacked) becomes the trainer's [d, 3d] W_qkv. Every
float is the shortest decimal that round-trips to the same float32.
"""
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import f32fields, provenance, seeded_generator, write_vectors

SEED = 20261205
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-transformer-vectors.json")
GENERATOR = "tests/golden/generate_torch_transformer_vectors.py"
EPS = 1e-5

gen = seeded_generator(SEED)


def randn(*shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float32)


class RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * self.weight


def make_norm(norm, d):
    if norm == "layer":
        return nn.LayerNorm(d, eps=EPS)
    if norm == "rms":
        return RMSNorm(d)
    return None


def seed_norm(mod):
    """Norm parameters away from the defaults (gamma 1, beta 0 would hide mistakes)."""
    if mod is None:
        return
    with torch.no_grad():
        mod.weight.copy_(1.0 + 0.3 * randn(*mod.weight.shape))
        if getattr(mod, "bias", None) is not None:
            mod.bias.copy_(0.2 * randn(*mod.bias.shape))


def norm_params(mod):
    if mod is None:
        return []
    return [mod.weight] + ([mod.bias] if getattr(mod, "bias", None) is not None else [])


def seeded_mha(d, heads):
    mha = nn.MultiheadAttention(d, heads, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(randn(3 * d, d) * (2.0 / (4 * d)) ** 0.5)
        mha.in_proj_bias.copy_(0.1 * randn(3 * d))
        mha.out_proj.weight.copy_(randn(d, d) * (1.0 / d) ** 0.5)
        mha.out_proj.bias.copy_(0.1 * randn(d))
    return mha


def seeded_linear(i, o):
    lin = nn.Linear(i, o)
    with torch.no_grad():
        lin.weight.copy_(randn(o, i) * (2.0 / (i + o)) ** 0.5)
        lin.bias.copy_(0.1 * randn(o))
    return lin


def sublayer(x, f, norm, post):
    """Pre-LN x + f(Norm(x)), Post-LN Norm(x + f(x)); without a norm x + f(x)."""
    if norm is None:
        return x + f(x)
    return norm(x + f(x)) if post else x + f(norm(x))


def attend(mha):
    return lambda h: mha(h, h, h, need_weights=False)[0]


def block_vector(norm_kind, placement, n=2, t=5, d=8, heads=2):
    mha = seeded_mha(d, heads)
    norm = make_norm(norm_kind, d)
    seed_norm(norm)
    x = randn(n, t, d).requires_grad_(True)
    gout = randn(n, t, d)
    y = sublayer(x, attend(mha), norm, placement == "post")
    y.backward(gout)
    v = {"name": f"block-{norm_kind}-{placement}", "kind": "block", "norm": norm_kind, "placement": placement,
         "shape": [n, t, d, heads], "input": x, "gradOutput": gout,
         "qkvWeight": mha.in_proj_weight.t(), "qkvBias": mha.in_proj_bias,
         "outWeight": mha.out_proj.weight.t(), "outBias": mha.out_proj.bias,
         "normWeight": norm.weight, "output": y, "gradInput": x.grad,
         "gradQkvWeight": mha.in_proj_weight.grad.t(), "gradQkvBias": mha.in_proj_bias.grad,
         "gradOutWeight": mha.out_proj.weight.grad.t(), "gradOutBias": mha.out_proj.bias.grad,
         "gradNormWeight": norm.weight.grad}
    if norm_kind == "layer":
        v["normBias"], v["gradNormBias"] = norm.bias, norm.bias.grad
    return v


def network_vector(norm_kind, placement, n=3, t=5, d=8, heads=2, depth=2, vocab=10):
    post = placement == "post"
    tok = nn.Parameter(randn(vocab, d))
    pos = nn.Parameter(randn(t, d))
    layers = []
    for _ in range(depth):
        n1, n2 = make_norm(norm_kind, d), make_norm(norm_kind, d)
        seed_norm(n1)
        mha = seeded_mha(d, heads)
        seed_norm(n2)
        layers.append((n1, mha, n2, seeded_linear(d, 4 * d), seeded_linear(4 * d, d)))
    final = make_norm(norm_kind, d) if not post else None
    seed_norm(final)
    head = seeded_linear(d, vocab)
    tokens = torch.randint(0, vocab, (n, t), generator=gen)
    labels = torch.randint(0, vocab, (n, t), generator=gen)

    h = tok[tokens] + pos.unsqueeze(0)
    for n1, mha, n2, w1, w2 in layers:
        h = sublayer(h, attend(mha), n1, post)
        h = sublayer(h, lambda u, w1=w1, w2=w2: w2(F.relu(w1(u))), n2, post)
    if final is not None:
        h = final(h)
    logits = head(h).reshape(n * t, vocab)
    loss = F.cross_entropy(logits, labels.reshape(-1))
    loss.backward()
    # The trainer's flat order (transformer.cpp): embeddings; per layer Norm1, W_qkv, b_qkv, W_o, b_o, Norm2,
    # W1, b1, W2, b2; the final Norm; the head. Linear weights (marked True) as [in, out], i.e. transposed.
    def linear(lin):
        return [(lin.weight, True), (lin.bias, False)]

    def norms(mod):
        return [(p, False) for p in norm_params(mod)]

    entries = [(tok, False), (pos, False)]
    for n1, mha, n2, w1, w2 in layers:
        entries += norms(n1) + [(mha.in_proj_weight, True), (mha.in_proj_bias, False)] + linear(mha.out_proj)
        entries += norms(n2) + linear(w1) + linear(w2)
    entries += norms(final) + linear(head)

    def flat(get):
        return torch.cat([(get(p).t() if transposed else get(p)).reshape(-1) for p, transposed in entries])

    return {"name": f"network-{norm_kind}-{placement}", "kind": "network", "norm": norm_kind,
            "placement": placement, "shape": [n, t, d, heads, depth, vocab],
            "tokens": tokens.reshape(-1).tolist(), "labels": labels.reshape(-1).tolist(),
            "params": flat(lambda p: p), "logits": logits, "loss": loss.reshape(1),
            "grads": flat(lambda p: p.grad)}


def main():
    vectors = [block_vector(norm, placement) for norm in ("layer", "rms") for placement in ("pre", "post")]
    vectors += [network_vector(norm, placement) for norm, placement in
                (("none", "pre"), ("layer", "pre"), ("layer", "post"), ("rms", "pre"), ("rms", "post"))]
    doc = {
        **provenance(GENERATOR, SEED),
        "layout": "token rows b*T + t; Linear weights as [in, out] (W_qkv = in_proj_weight transposed, "
                  "[d, 3d], q | k | v); block shape [N, T, d, heads]; network shape [N, T, d, heads, depth, "
                  "vocab]; network params/grads in the trainer's flat order",
        "vectors": [f32fields(v) for v in vectors],
    }
    write_vectors(OUT, doc, f"{len(vectors)} vectors")


if __name__ == "__main__":
    main()
