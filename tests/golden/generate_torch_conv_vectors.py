#!/usr/bin/python3
"""Generates tests/golden/torch-conv-vectors.json: PyTorch reference values for the conv trainer.

Deterministic: every tensor comes from one seeded torch.Generator (CPU, float32). Needs only PyTorch
(Debian: `apt-get install python3-torch`, 1.13.1). Run from anywhere:

    /usr/bin/python3 tests/golden/generate_torch_conv_vectors.py

Two kinds of vectors, one per norm (none, batch, group, instance, layer):
- "block": x [N, Cin, 8, 8] -> nn.Conv2d(Cin, C, 3, padding=1) -> norm -> ReLU, with a seeded upstream
  gradient: the output, and autograd's gradients of the input, the conv weight and bias, and the norm's
  weight and bias. BatchNorm also records its running statistics after the step (momentum 0.1, unbiased
  variance) and the eval-mode output with them.
- "network": the conv trainer's network, depth 2: [Conv2d(1, C, 3, padding=1) -> norm -> ReLU] x 2 ->
  global average pooling -> nn.Linear(C, 10), mean softmax cross-entropy over the batch: the logits, the
  loss, and every parameter's gradient, in the trainer's flat parameter order; BatchNorm also its running
  statistics after the step and the eval-mode logits with them.
Norms: nn.BatchNorm2d(C), nn.GroupNorm(G, C), nn.InstanceNorm2d(C, affine=True), and "layer" as
nn.GroupNorm(1, C) (normalized over C, H, W with one weight and bias per channel, as Wu & He define
LayerNorm for conv nets). eps 1e-5 everywhere.

Layouts (those of core/src/train/conv.hpp): tensors row-major NCHW; a conv weight is stored as the
trainer's [9*Cin, Cout] matrix, i.e. torch's weight[co, ci, kh, kw] at index ((ci*3 + kh)*3 + kw)*Cout + co;
a Linear weight as [in, out] (torch's weight transposed). Every float is the shortest decimal that
round-trips to the same float32.
"""
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from golden_common import f32fields, provenance, seeded_generator, write_vectors

SEED = 20261204
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-conv-vectors.json")
GENERATOR = "tests/golden/generate_torch_conv_vectors.py"
NORMS = ("none", "batch", "group", "instance", "layer")
GROUPS = 2

gen = seeded_generator(SEED)


def randn(*shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float32)


def conv_matrix(weight):
    """torch Conv2d weight [Cout, Cin, 3, 3] -> the trainer's [9*Cin, Cout] layout."""
    return weight.permute(1, 2, 3, 0).reshape(-1, weight.shape[0])


def make_norm(norm, c):
    if norm == "batch":
        return nn.BatchNorm2d(c, eps=1e-5, momentum=0.1)
    if norm == "group":
        return nn.GroupNorm(GROUPS, c, eps=1e-5)
    if norm == "instance":
        return nn.InstanceNorm2d(c, eps=1e-5, affine=True, track_running_stats=False)
    if norm == "layer":
        return nn.GroupNorm(1, c, eps=1e-5)
    return nn.Identity()


def seeded_block(cin, c, norm):
    """Conv2d + norm with seeded parameters away from the defaults (gamma 1, beta 0 would hide mistakes)."""
    conv = nn.Conv2d(cin, c, 3, padding=1)
    mod = make_norm(norm, c)
    with torch.no_grad():
        conv.weight.copy_(randn(c, cin, 3, 3) * (2.0 / (9 * cin)) ** 0.5)
        conv.bias.copy_(0.1 * randn(c))
        if norm != "none":
            mod.weight.copy_(1.0 + 0.3 * randn(c))
            mod.bias.copy_(0.2 * randn(c))
    return conv, mod


def block_params(conv, mod, norm):
    out = {"convWeight": conv_matrix(conv.weight), "convBias": conv.bias}
    if norm != "none":
        out["normWeight"] = mod.weight
        out["normBias"] = mod.bias
    return out


def block_vector(norm, n=3, cin=2, c=4):
    conv, mod = seeded_block(cin, c, norm)
    x = randn(n, cin, 8, 8).requires_grad_(True)
    gout = randn(n, c, 8, 8)
    y = F.relu(mod(conv(x)))
    y.backward(gout)
    params = block_params(conv, mod, norm)
    v = {"name": f"block-{norm}", "kind": "block", "norm": norm, "shape": [n, cin, c, 8],
         "input": x, "gradOutput": gout, **params, "output": y, "gradInput": x.grad,
         "gradConvWeight": conv_matrix(conv.weight.grad), "gradConvBias": conv.bias.grad}
    if norm != "none":
        v["gradNormWeight"], v["gradNormBias"] = mod.weight.grad, mod.bias.grad
    if norm == "batch":
        v["runningMean"], v["runningVar"] = mod.running_mean.clone(), mod.running_var.clone()
        mod.eval()
        with torch.no_grad():
            v["evalOutput"] = F.relu(mod(conv(x)))
    if norm == "group":
        v["groups"] = GROUPS
    return v


def network_vector(norm, n=4, c=4, depth=2, classes=10):
    blocks = [seeded_block(1 if i == 0 else c, c, norm) for i in range(depth)]
    head = nn.Linear(c, classes)
    with torch.no_grad():
        head.weight.copy_(randn(classes, c) * 0.5)
        head.bias.copy_(0.1 * randn(classes))
    x = torch.rand(n, 1, 8, 8, generator=gen, dtype=torch.float32)  # pixels in [0, 1) like the digits
    labels = torch.randint(0, classes, (n,), generator=gen)

    def forward(inp):
        h = inp
        for conv, mod in blocks:
            h = F.relu(mod(conv(h)))
        return head(h.mean(dim=(2, 3)))

    logits = forward(x)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    # The trainer's flat order: per block conv weight, conv bias, norm weight, norm bias; then the head.
    params, grads = [], []
    for conv, mod in blocks:
        params += [conv_matrix(conv.weight), conv.bias]
        grads += [conv_matrix(conv.weight.grad), conv.bias.grad]
        if norm != "none":
            params += [mod.weight, mod.bias]
            grads += [mod.weight.grad, mod.bias.grad]
    params += [head.weight.t(), head.bias]
    grads += [head.weight.grad.t(), head.bias.grad]
    v = {"name": f"network-{norm}", "kind": "network", "norm": norm, "shape": [n, depth, c, classes],
         "input": x, "labels": labels.tolist(), "params": torch.cat([p.reshape(-1) for p in params]),
         "logits": logits, "loss": loss.reshape(1), "grads": torch.cat([g.reshape(-1) for g in grads])}
    if norm == "group":
        v["groups"] = GROUPS
    if norm == "batch":
        v["runningMean"] = torch.cat([mod.running_mean for _, mod in blocks])
        v["runningVar"] = torch.cat([mod.running_var for _, mod in blocks])
        for _, mod in blocks:
            mod.eval()
        with torch.no_grad():
            v["evalLogits"] = forward(x)
    return v


def main():
    vectors = [block_vector(norm) for norm in NORMS] + [network_vector(norm) for norm in NORMS]
    doc = {
        **provenance(GENERATOR, SEED),
        "layout": "NCHW row-major; conv weights as [9*Cin, Cout] (index ((ci*3 + kh)*3 + kw)*Cout + co), "
                  "Linear weights as [in, out]; block shape [N, Cin, C, side], network shape "
                  "[N, depth, C, classes]; network params/grads in the trainer's flat order",
        "vectors": [f32fields(v) for v in vectors],
    }
    write_vectors(OUT, doc, f"{len(vectors)} vectors")


if __name__ == "__main__":
    main()
