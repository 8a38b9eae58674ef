// attention.cpp — self-attention forward and backward (attention.hpp). Per sequence b, head h, query i:
//   s_ij = (q_i · k_j) / √dh,   p_ij = softmax_j(s_ij),   ctx_i = Σ_j p_ij v_j
// and backward (dp_ij = dctx_i · v_j):
//   dv_j += p_ij dctx_i,   ds_ij = p_ij (dp_ij - Σ_j' p_ij' dp_ij'),   dq_i = Σ_j ds_ij k_j / √dh,
//   dk_j += ds_ij q_i / √dh.
#include "attention.hpp"

#include <algorithm>
#include <cmath>

#include "normlab/detmath.hpp"

namespace normlab::train {

namespace {

float dot(const float* a, const float* b, std::size_t n) {
    float s = 0.0f;
    for (std::size_t c = 0; c < n; ++c) s = s + a[c] * b[c];
    return s;
}

// y += s·v over n values
void axpy(float* y, float s, const float* v, std::size_t n) {
    for (std::size_t c = 0; c < n; ++c) y[c] = y[c] + s * v[c];
}

float inv_sqrt(std::size_t dh) { return static_cast<float>(1.0 / std::sqrt(static_cast<double>(dh))); }

}  // namespace

void attention_forward(float* ctx, float* probs, const float* qkv, std::size_t n, std::size_t t, std::size_t d,
                       std::size_t heads) {
    const std::size_t dh = d / heads, row = 3 * d;
    const float scale = inv_sqrt(dh);
    std::fill(ctx, ctx + n * t * d, 0.0f);
    for (std::size_t b = 0; b < n; ++b) {
        const float* seq = qkv + b * t * row;
        for (std::size_t h = 0; h < heads; ++h)
            for (std::size_t i = 0; i < t; ++i) {
                const float* q = seq + i * row + h * dh;
                float s[kMaxTokens];
                float m = -INFINITY;
                for (std::size_t j = 0; j < t; ++j) {
                    s[j] = dot(q, seq + j * row + d + h * dh, dh) * scale;
                    m = std::max(m, s[j]);
                }
                // Softmax in double, shifted by the row maximum so no exponent overflows.
                double e[kMaxTokens], sum = 0;
                for (std::size_t j = 0; j < t; ++j) sum += e[j] = det::exp(static_cast<double>(s[j]) - m);
                float* p = probs + ((b * heads + h) * t + i) * t;
                float* out = ctx + (b * t + i) * d + h * dh;
                for (std::size_t j = 0; j < t; ++j) {
                    p[j] = static_cast<float>(e[j] / sum);
                    axpy(out, p[j], seq + j * row + 2 * d + h * dh, dh);
                }
            }
    }
}

void attention_backward(float* dqkv, const float* dctx, const float* qkv, const float* probs, std::size_t n,
                        std::size_t t, std::size_t d, std::size_t heads) {
    const std::size_t dh = d / heads, row = 3 * d;
    const float scale = inv_sqrt(dh);
    std::fill(dqkv, dqkv + n * t * row, 0.0f);
    for (std::size_t b = 0; b < n; ++b) {
        const float* seq = qkv + b * t * row;
        float* dseq = dqkv + b * t * row;
        for (std::size_t h = 0; h < heads; ++h)
            for (std::size_t i = 0; i < t; ++i) {
                const float* p = probs + ((b * heads + h) * t + i) * t;
                const float* dout = dctx + (b * t + i) * d + h * dh;
                const float* q = seq + i * row + h * dh;
                float dp[kMaxTokens];
                double pdp = 0;  // Σ_j p_ij dp_ij
                for (std::size_t j = 0; j < t; ++j) {
                    dp[j] = dot(dout, seq + j * row + 2 * d + h * dh, dh);
                    pdp += static_cast<double>(p[j]) * dp[j];
                }
                float* dq = dseq + i * row + h * dh;
                for (std::size_t j = 0; j < t; ++j) {
                    const float ds = static_cast<float>(p[j] * (dp[j] - pdp)) * scale;
                    axpy(dq, ds, seq + j * row + d + h * dh, dh);
                    axpy(dseq + j * row + d + h * dh, ds, q, dh);
                    axpy(dseq + j * row + 2 * d + h * dh, p[j], dout, dh);
                }
            }
    }
}

}  // namespace normlab::train
