#!/usr/bin/python3
"""Generates tests/golden/torch-vectors.json: PyTorch reference values for the core's normalize/backward.

Deterministic: every tensor comes from one seeded torch.Generator (CPU, float32), and the cases are
fixed below. Needs only PyTorch (Debian: `apt-get install python3-torch`, 1.13.1). Run from anywhere:

    /usr/bin/python3 tests/golden/generate_torch_vectors.py

(/usr/bin/python3: Debian's interpreter, which sees python3-torch; a pyenv/venv python3 does not.)

Conventions (those of docs/core-api.md): shape [N, C, L]; `mean`/`rstd` hold one statistic per
normalization group — batch [C], layer/rms [N], group [N*G] (sample-major), instance [N*C]. They are
computed in float64 from the float32 inputs from their definitions (biased variance, eps inside the
square root) and rounded to float32, and checked against the float32 statistics torch's own kernels
return (torch.native_batch_norm / native_layer_norm / native_group_norm) where those expose them.
The forward output and gradients are those of the torch.nn modules in float32 (autograd for the
gradients, with a seeded upstream gradient). `output64`, `gradInput64`, ...: the same module run in
float64 on the same (float32) inputs, rounded to float32 — the value the float32 computation
approximates — recorded where torch's float32 result is not within half the test's tolerance of it
(ill-conditioned inputs: on mean 1000 / std 0.01 float32 torch is only accurate to ~1e-2).
Every float is written as the shortest decimal that round-trips to the same float32.
"""
import os

import torch
import torch.nn as nn

from golden_common import f32list, provenance, seeded_generator, write_vectors

SEED = 20241126
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-vectors.json")
GENERATOR = "tests/golden/generate_torch_vectors.py"
# tests/wasm/torch-parity.test.mjs's tolerances (forward: per element, relative to max(1, |v|); gradients:
# relative to the array's largest value): float64 references are recorded where float32 torch misses them.
FORWARD_TOL = 2e-6
GRAD_TOL = 1e-5

gen = seeded_generator(SEED)


def randn(*shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float32)


# ---- the input cases ----------------------------------------------------------------------------
# (name, shape, how the input is made, groups for GroupNorm)
def make_input(name, shape):
    n, c, l = shape
    if name == "mean1000-std0.01":
        return 1000.0 + 0.01 * randn(n, c, l)
    x = randn(n, c, l) * 2.0 + 0.5
    if name == "near-constant-channel":
        # channel 2 varies by ~1e-5 around 0.5: its variance (~1e-10) is far below eps
        x[:, 2, :] = 0.5 + 1e-5 * randn(n, l)
    return x


CASES = [
    ("n4-c6-l5", [4, 6, 5], 3),
    ("n2-c8-l3", [2, 8, 3], 4),
    ("n3-c4-l1", [3, 4, 1], 2),
    ("n5-c3-l7", [5, 3, 7], 1),
    ("mean1000-std0.01", [4, 6, 5], 2),
    ("near-constant-channel", [4, 6, 5], 3),
]

# (eps, affine) variants per kind; each case gets the first two, and the cases marked below also the rest.
VARIANTS = [(1e-5, True), (0.1, False), (0.1, True), (1e-5, False)]
ALL_VARIANTS = {"n4-c6-l5", "n5-c3-l7"}

NOTES = {
    "batch": "torch.nn.BatchNorm1d(C, eps, momentum, affine) in training mode on [N, C, L]; running stats "
             "from runningMeanBefore/runningVarBefore, updated with the unbiased batch variance; mean/rstd "
             "checked against torch.native_batch_norm's save_mean/save_invstd.",
    "batch-eval": "torch.nn.BatchNorm1d(...).eval() with the given running statistics (kind 'batch', "
                  "training false); mean/rstd are runningMean and 1/sqrt(runningVar + eps); gradients are "
                  "autograd's through the eval-mode forward.",
    "layer": "torch.nn.LayerNorm([C, L], eps, elementwise_affine); gamma/beta of length C*L; mean/rstd "
             "checked against torch.native_layer_norm.",
    "rms": "torch 1.13 has no nn.RMSNorm (added in 2.4): composed from torch ops exactly as PyTorch 2.4's "
           "torch.nn.functional.rms_norm defines it over normalized_shape [C, L]: "
           "x * torch.rsqrt(x.pow(2).mean(dim=(1, 2), keepdim=True) + eps), then * weight (length C*L, no "
           "bias); mean is 0, rstd = 1/sqrt(mean(x^2) + eps).",
    "group": "torch.nn.GroupNorm(G, C, eps, affine); mean/rstd [N*G] checked against "
             "torch.native_group_norm.",
    "instance": "torch.nn.InstanceNorm1d(C, eps, affine, track_running_stats=False) in training mode; "
                "mean/rstd [N*C] checked against torch.native_batch_norm on the input viewed as [1, N*C, L] "
                "(how InstanceNorm is implemented).",
}


def stats64(kind, x, eps, groups):
    """Definition-based statistics in float64 from the float32 input: (mean, rstd) flat, float64."""
    xd = x.double()
    n, c, l = x.shape
    if kind == "batch":
        v = xd.transpose(0, 1).reshape(c, -1)
    elif kind in ("layer", "rms"):
        v = xd.reshape(n, -1)
    elif kind == "group":
        v = xd.reshape(n * groups, -1)
    else:  # instance
        v = xd.reshape(n * c, -1)
    if kind == "rms":
        mean = torch.zeros(v.shape[0], dtype=torch.float64)
        ms = (v * v).mean(dim=1)
        return mean, 1.0 / torch.sqrt(ms + eps)
    mean = v.mean(dim=1)
    var = ((v - mean[:, None]) ** 2).mean(dim=1)
    return mean, 1.0 / torch.sqrt(var + eps)


def native_stats(kind, x, eps, groups):
    """Statistics from torch's own float32 kernels, where they expose them (None for rms)."""
    n, c, l = x.shape
    with torch.no_grad():
        if kind == "batch":
            _, m, r = torch.native_batch_norm(x, None, None, None, None, True, 0.1, eps)
        elif kind == "layer":
            _, m, r = torch.native_layer_norm(x, [c, l], None, None, eps)
        elif kind == "group":
            _, m, r = torch.native_group_norm(x, None, None, n, c, l, groups, eps)
        elif kind == "instance":
            _, m, r = torch.native_batch_norm(x.reshape(1, n * c, l), None, None, None, None, True, 0.1, eps)
        else:
            return None
    return m.reshape(-1).double(), r.reshape(-1).double()


class RMSNorm24(nn.Module):
    """PyTorch 2.4's nn.RMSNorm(normalized_shape=[C, L], eps, elementwise_affine), from torch ops."""

    def __init__(self, shape, eps, affine, dtype):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(shape, dtype=dtype)) if affine else None

    def forward(self, x):
        y = x * torch.rsqrt(x.pow(2).mean(dim=(1, 2), keepdim=True) + self.eps)
        return y * self.weight if self.weight is not None else y


def build(kind, shape, eps, affine, groups, momentum, dtype):
    n, c, l = shape
    if kind == "batch":
        return nn.BatchNorm1d(c, eps=eps, momentum=momentum, affine=affine, dtype=dtype)
    if kind == "layer":
        return nn.LayerNorm([c, l], eps=eps, elementwise_affine=affine, dtype=dtype)
    if kind == "rms":
        return RMSNorm24([c, l], eps, affine, dtype)
    if kind == "group":
        return nn.GroupNorm(groups, c, eps=eps, affine=affine, dtype=dtype)
    return nn.InstanceNorm1d(c, eps=eps, affine=affine, track_running_stats=False, dtype=dtype)


def run(kind, x, gout, shape, eps, affine, groups, params, training, momentum, running, dtype):
    """Forward + autograd backward of the module; returns a dict of tensors."""
    mod = build(kind, shape, eps, affine, groups, momentum, dtype)
    with torch.no_grad():
        if affine:
            mod.weight.copy_(params["gamma"].reshape(mod.weight.shape))
            if kind != "rms":
                mod.bias.copy_(params["beta"].reshape(mod.bias.shape))
        if kind == "batch":
            mod.running_mean.copy_(running[0])
            mod.running_var.copy_(running[1])
    mod.train(training)
    xi = x.to(dtype).clone().requires_grad_(True)
    y = mod(xi)
    y.backward(gout.to(dtype))
    out = {"output": y.detach(), "gradInput": xi.grad}
    if affine:
        out["gradGamma"] = mod.weight.grad
        if kind != "rms":
            out["gradBeta"] = mod.bias.grad
    if kind == "batch":
        out["runningMean"] = mod.running_mean.detach().clone()
        out["runningVar"] = mod.running_var.detach().clone()
    return out


def vector(case, kind, shape, x, gout, eps, affine, groups, training=True, momentum=0.1):
    n, c, l = shape
    plen = c * l if kind in ("layer", "rms") else c
    params = {}
    if affine:
        params["gamma"] = 1.0 + 0.5 * randn(plen)
        if kind != "rms":
            params["beta"] = 0.5 * randn(plen)
    running = None
    if kind == "batch":
        running = (0.3 * randn(c), 0.5 + torch.rand(c, generator=gen, dtype=torch.float32))
        if case == "mean1000-std0.01":
            running = (running[0] + 1000.0, running[1] * 1e-4)

    r32 = run(kind, x, gout, shape, eps, affine, groups, params, training, momentum, running, torch.float32)
    r64 = run(kind, x, gout, shape, eps, affine, groups, params, training, momentum, running, torch.float64)

    nat = None
    if kind == "batch" and not training:
        mean64 = running[0].double()
        rstd64 = 1.0 / torch.sqrt(running[1].double() + eps)
    else:
        mean64, rstd64 = stats64(kind, x, eps, groups)
        nat = native_stats(kind, x, eps, groups)
        if nat is not None:
            # float32 kernels lose ~(mean/std)^2 * 2^-24 in the variance: the mean-1000/std-0.01 case
            # is far less accurate in torch's float32 kernels than in float64 (recorded per vector).
            limit = 1e-2 if case == "mean1000-std0.01" else 1e-5
            native_diff = {}
            for name, ours, theirs in (("mean", mean64, nat[0]), ("rstd", rstd64, nat[1])):
                err = ((ours - theirs).abs() / ours.abs().clamp(min=1.0)).max().item()
                assert err < limit, f"{case} {kind} {name}: definition vs native kernel differ by {err}"
                native_diff[name] = float(f"{err:.3g}")
    # the float64 module's forward is the definition's, up to float64 rounding
    assert (r64["output"] - r32["output"].double()).abs().max().item() < 1e-1

    v = {
        "case": case,
        "kind": kind,
        "shape": list(shape),
        "eps": eps,
        "affine": affine,
        "training": training,
    }
    if kind == "group":
        v["groups"] = groups
    if not (kind == "batch" and not training) and nat is not None:
        # max |definition - torch kernel| / max(1, |definition|) of the float32 kernel's statistics
        v["nativeStatsRelDiff"] = native_diff
    if kind == "batch" and training:
        v["momentum"] = momentum
    if affine:
        v["gamma"] = f32list(params["gamma"])
        if kind != "rms":
            v["beta"] = f32list(params["beta"])
    if kind == "batch":
        v["runningMeanBefore"] = f32list(running[0])
        v["runningVarBefore"] = f32list(running[1])
    v["output"] = f32list(r32["output"])
    v["mean"] = f32list(mean64)
    v["rstd"] = f32list(rstd64)
    for name in ("gradInput", "gradGamma", "gradBeta"):
        if name in r32:
            v[name] = f32list(r32[name])
    # Where torch's float32 result is not within half the test's tolerance of the same module in float64
    # (ill-conditioned inputs: mean 1000/std 0.01, near-constant groups, two-element groups), also record
    # the float64 result rounded to float32 as `<name>64`: the tests compare the core tightly against it
    # and against the float32 result within a looser stated tolerance.
    for name in ("output", "gradInput", "gradGamma", "gradBeta"):
        if name not in r32:
            continue
        a, b = r32[name].double().reshape(-1), r64[name].reshape(-1)
        if name == "output":
            err = ((a - b).abs() / b.abs().clamp(min=1.0)).max().item()
            limit = FORWARD_TOL
        else:
            err = ((a - b).abs().max() / b.abs().max().clamp(min=1e-3)).item()
            limit = GRAD_TOL
        if err > limit / 2:
            v[name + "64"] = f32list(b)
            v.setdefault("float32VsFloat64", {})[name] = float(f"{err:.3g}")
    if kind == "batch" and training:
        v["runningMeanAfter"] = f32list(r32["runningMean"])
        v["runningVarAfter"] = f32list(r32["runningVar"])
    return v


def main():
    cases, vectors = [], []
    for case, shape, groups in CASES:
        x = make_input(case, shape)
        gout = randn(*shape)
        cases.append({"name": case, "shape": shape, "input": f32list(x), "gradOutput": f32list(gout)})
        variants = VARIANTS if case in ALL_VARIANTS else VARIANTS[:2]
        for kind in ("batch", "layer", "rms", "group", "instance"):
            if kind == "instance" and shape[2] == 1:
                continue  # InstanceNorm needs L > 1 (torch raises, so does the core)
            for eps, affine in variants:
                vectors.append(vector(case, kind, shape, x, gout, eps, affine, groups))
        # BatchNorm: another momentum, and eval mode with given running statistics
        vectors.append(vector(case, "batch", shape, x, gout, 1e-5, True, groups, momentum=0.3 if case != "n2-c8-l3" else 1.0))
        vectors.append(vector(case, "batch", shape, x, gout, 1e-5, True, groups, training=False))
        vectors.append(vector(case, "batch", shape, x, gout, 0.1, False, groups, training=False))

    doc = {
        **provenance(GENERATOR, SEED),
        "dtype": "float32; <name>64 (output64, gradInput64, ...): the same module run in float64 on the same "
                 "float32 inputs, rounded to float32, recorded where the float32 result is not within half the "
                 "test tolerance of it (float32VsFloat64 gives that difference)",
        "layout": "shape [N, C, L], row-major; each vector names its case, whose input and gradOutput "
                  "(the seeded upstream gradient) it uses",
        "statistics": "mean/rstd: batch [C], layer/rms [N], group [N*G], instance [N*C]; computed in float64 "
                      "from the definitions (biased variance, eps inside the square root), rounded to float32",
        "notes": NOTES,
        "cases": cases,
        "vectors": vectors,
    }
    write_vectors(OUT, doc, f"{len(cases)} cases, {len(vectors)} vectors")


if __name__ == "__main__":
    main()
