"""Helpers the PyTorch vector generators share: float32 formatting and the provenance fields."""
import datetime
import platform
import subprocess

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
