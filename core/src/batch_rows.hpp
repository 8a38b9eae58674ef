// batch_rows.hpp (private) — BatchNorm on feature vectors ([N, C, 1]), where a channel's values are
// C apart. Walking one channel down the rows would stride by C floats (4 KB at C = 1024: every row in
// the same cache set), so these kernels stream the rows in memory order, four at a time, with the
// per-channel accumulators/constants in small arrays that stay in L1. Four rows per trip divide the
// traffic on those arrays by four, and the inner loops are plain loops over c that compile to SIMD
// (docs/derivations.md §5).
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace normlab::detail {

// sum[c] += Σ_r (x[r][c] - k[c]) and sumsq[c] += Σ_r (x[r][c] - k[c])² over `rows` rows of `channels`.
// Float partial sums over blocks of 64 rows, folded into double (see stats.hpp for why that is accurate).
inline void rows_shifted_sums(const float* x, std::size_t rows, std::size_t channels, const float* k, double* sum,
                              double* sumsq) {
    constexpr std::size_t kBlock = 64;
    std::vector<float> a(channels), q(channels);
    for (std::size_t r0 = 0; r0 < rows; r0 += kBlock) {
        std::fill(a.begin(), a.end(), 0.0f);
        std::fill(q.begin(), q.end(), 0.0f);
        const std::size_t r1 = std::min(rows, r0 + kBlock);
        std::size_t r = r0;
        for (; r + 4 <= r1; r += 4) {
            const float* x0 = x + r * channels;
            const float *x1 = x0 + channels, *x2 = x1 + channels, *x3 = x2 + channels;
            for (std::size_t c = 0; c < channels; ++c) {
                const float d0 = x0[c] - k[c], d1 = x1[c] - k[c], d2 = x2[c] - k[c], d3 = x3[c] - k[c];
                a[c] += (d0 + d1) + (d2 + d3);
                q[c] += (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3);
            }
        }
        for (; r < r1; ++r) {
            const float* xr = x + r * channels;
            for (std::size_t c = 0; c < channels; ++c) {
                const float d = xr[c] - k[c];
                a[c] += d;
                q[c] += d * d;
            }
        }
        for (std::size_t c = 0; c < channels; ++c) {
            sum[c] += a[c];
            sumsq[c] += q[c];
        }
    }
}

// y[r][c] = (x[r][c] - hi[c]) * scale[c] + shift[c].
inline void rows_apply(const float* x, float* y, std::size_t rows, std::size_t channels, const float* hi,
                       const float* scale, const float* shift) {
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float* x0 = x + r * channels;
        float* y0 = y + r * channels;
        for (std::size_t c = 0; c < channels; ++c) {
            const float h = hi[c], s = scale[c], b = shift[c];
            y0[c] = (x0[c] - h) * s + b;
            y0[c + channels] = (x0[c + channels] - h) * s + b;
            y0[c + 2 * channels] = (x0[c + 2 * channels] - h) * s + b;
            y0[c + 3 * channels] = (x0[c + 3 * channels] - h) * s + b;
        }
    }
    for (; r < rows; ++r)
        for (std::size_t c = 0; c < channels; ++c)
            y[r * channels + c] = (x[r * channels + c] - hi[c]) * scale[c] + shift[c];
}

// BatchNorm backward's two reductions: sum_g[c] += Σ_r g[r][c] and sum_gx[c] += Σ_r g[r][c]·x̂[r][c] with
// x̂ = ((x - hi) - lo)·rstd, blocked and folded into double like rows_shifted_sums.
inline void rows_grad_sums(const float* x, const float* g, std::size_t rows, std::size_t channels, const float* hi,
                           const float* lo, const float* rstd, double* sum_g, double* sum_gx) {
    constexpr std::size_t kBlock = 64;
    std::vector<float> sg(channels), sgx(channels);
    for (std::size_t r0 = 0; r0 < rows; r0 += kBlock) {
        std::fill(sg.begin(), sg.end(), 0.0f);
        std::fill(sgx.begin(), sgx.end(), 0.0f);
        const std::size_t r1 = std::min(rows, r0 + kBlock);
        std::size_t r = r0;
        for (; r + 4 <= r1; r += 4) {
            const float *x0 = x + r * channels, *x1 = x0 + channels, *x2 = x1 + channels, *x3 = x2 + channels;
            const float *g0 = g + r * channels, *g1 = g0 + channels, *g2 = g1 + channels, *g3 = g2 + channels;
            for (std::size_t c = 0; c < channels; ++c) {
                const float h = hi[c], l = lo[c], rc = rstd[c];
                const float e0 = ((x0[c] - h) - l) * rc, e1 = ((x1[c] - h) - l) * rc;
                const float e2 = ((x2[c] - h) - l) * rc, e3 = ((x3[c] - h) - l) * rc;
                sg[c] += (g0[c] + g1[c]) + (g2[c] + g3[c]);
                sgx[c] += (g0[c] * e0 + g1[c] * e1) + (g2[c] * e2 + g3[c] * e3);
            }
        }
        for (; r < r1; ++r) {
            const float* xr = x + r * channels;
            const float* gr = g + r * channels;
            for (std::size_t c = 0; c < channels; ++c) {
                sg[c] += gr[c];
                sgx[c] += gr[c] * (((xr[c] - hi[c]) - lo[c]) * rstd[c]);
            }
        }
        for (std::size_t c = 0; c < channels; ++c) {
            sum_g[c] += sg[c];
            sum_gx[c] += sgx[c];
        }
    }
}

// dx[r][c] = a[c]·g[r][c] + b[c]·(x[r][c] - hi[c]) + k[c]: BatchNorm backward with its per-channel
// constants folded to three per element.
inline void rows_grad_apply(const float* x, const float* g, float* dx, std::size_t rows, std::size_t channels,
                            const float* a, const float* b, const float* hi, const float* k) {
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float* x0 = x + r * channels;
        const float* g0 = g + r * channels;
        float* d0 = dx + r * channels;
        for (std::size_t c = 0; c < channels; ++c) {
            const float ac = a[c], bc = b[c], h = hi[c], kc = k[c];
            for (std::size_t j = 0; j < 4; ++j)
                d0[c + j * channels] = ac * g0[c + j * channels] + bc * (x0[c + j * channels] - h) + kc;
        }
    }
    for (; r < rows; ++r)
        for (std::size_t c = 0; c < channels; ++c)
            dx[r * channels + c] = a[c] * g[r * channels + c] + b[c] * (x[r * channels + c] - hi[c]) + k[c];
}

}  // namespace normlab::detail
