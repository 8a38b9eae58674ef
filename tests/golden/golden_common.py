"""Helpers the PyTorch vector generators share: the seeded generator, float32 formatting, the provenance
fields and writing the file."""
import datetime
import json
import os
import platform
import subprocess
import sys

import torch


def f32list(t):
    """float32 tensor -> list of Python floats, each the shortest decimal that round-trips in float32."""
    import numpy as np  # only for float32 repr (shortest round-trip digits)

    return [float(repr(np.float32(v))) for v in t.detach().to(torch.float32).reshape(-1).tolist()]


def debian_package(name):
    """The Debian package version that provided torch (torch.__version__ reads 1.13.0a0 there)."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True)
        return f"{name} {out.stdout.strip()}" if out.returncode == 0 and out.stdout.strip() else None
    except OSError:
        return None


def provenance(generator, seed):
    """The fields every vector file opens with: what made it, with which torch and Python, when, from which seed."""
    return {
        "generator": generator,
        "torch": torch.__version__,
        "torchPackage": debian_package("python3-torch"),
        "python": platform.python_version(),
        "date": datetime.date.today().isoformat(),
        "seed": seed,
    }


def seeded_generator(seed):
    """Deterministic single-threaded torch, and the one generator every tensor of a vector file comes from."""
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    return torch.Generator().manual_seed(seed)


def f32fields(v):
    """A vector's fields with every tensor as f32list, the rest as is."""
    return {k: (f32list(t) if isinstance(t, torch.Tensor) else t) for k, t in v.items()}


def write_vectors(path, doc, what):
    """Writes a vector file (compact JSON, final newline) and reports its size on stderr."""
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}: {what}, {os.path.getsize(path)} bytes, torch {torch.__version__}", file=sys.stderr)
