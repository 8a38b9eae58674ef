// attention.hpp (private) — multi-head scaled dot-product self-attention (Vaswani et al. 2017, eq. 1) over
// n sequences of t tokens, bidirectional: every token attends to every token of its sequence, because the
// sequence tasks (datasets.hpp) ask position i for a digit that may sit after it (reverse, sort).
// Layout (row-major, as PyTorch's packed in_proj): qkv[n·t, 3d] holds q | k | v per token; head h uses
// columns h·dh .. h·dh + dh - 1 of each part, dh = d / heads; ctx[n·t, d] puts the heads side by side.
// Sums run in a fixed order and the softmax in double with det::exp, so native and WASM agree bit for bit.
#pragma once

#include <cstddef>

namespace normlab::train {

constexpr std::size_t kMaxTokens = 16;  // tokens per sequence the kernels accept (stack arrays)

// ctx = per head softmax(q·kᵀ / √dh)·v; probs[n, heads, t, t] receives the softmax rows for backward.
void attention_forward(float* ctx, float* probs, const float* qkv, std::size_t n, std::size_t t, std::size_t d,
                       std::size_t heads);

// dqkv[n·t, 3d] (written, not accumulated) from dctx, given the forward's qkv and probs.
void attention_backward(float* dqkv, const float* dctx, const float* qkv, const float* probs, std::size_t n,
                        std::size_t t, std::size_t d, std::size_t heads);

}  // namespace normlab::train
