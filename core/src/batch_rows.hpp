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

#include "simd.hpp"

namespace normlab::detail {

// Four rows' deviations from k added to one accumulator pair: a += (d0 + d1) + (d2 + d3), q likewise with
// d². T is float (one channel) or f32x4 (four neighbouring channels, the same sums lane by lane).
template <class T, class Load>
inline void add_four_rows(Load load, std::size_t stride, T k, T& a, T& q) {
    const T d0 = load(0) - k, d1 = load(stride) - k, d2 = load(2 * stride) - k, d3 = load(3 * stride) - k;
    a += (d0 + d1) + (d2 + d3);
    q += (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3);
}

// sum[c] += Σ_r (x[r][c] - k[c]) and sumsq[c] += Σ_r (x[r][c] - k[c])² over `rows` rows of `channels`.
// Float partial sums over blocks of 64 rows, folded into double (see stats.hpp for why that is accurate).
// Eight rows per trip as two steps of four, so a[c] and q[c] stay in registers in between.
inline void rows_shifted_sums(const float* x, std::size_t rows, std::size_t channels, const float* k, double* sum,
                              double* sumsq) {
    constexpr std::size_t kBlock = 64;
    std::vector<float> a(channels), q(channels);
    for (std::size_t r0 = 0; r0 < rows; r0 += kBlock) {
        std::fill(a.begin(), a.end(), 0.0f);
        std::fill(q.begin(), q.end(), 0.0f);
        const std::size_t r1 = std::min(rows, r0 + kBlock);
        std::size_t r = r0;
        for (; r + 4 <= r1;) {
            const std::size_t steps = r + 8 <= r1 ? 2 : 1;
            const float* xr = x + r * channels;
            std::size_t c = 0;
            for (; c + 4 <= channels; c += 4) {
                const f32x4 kc = load4(k + c);
                f32x4 av = load4(&a[c]), qv = load4(&q[c]);
                for (std::size_t step = 0; step < steps; ++step) {
                    const float* p = xr + step * 4 * channels + c;
                    add_four_rows([p](std::size_t o) { return load4(p + o); }, channels, kc, av, qv);
                }
                store4(&a[c], av);
                store4(&q[c], qv);
            }
            for (; c < channels; ++c)
                for (std::size_t step = 0; step < steps; ++step) {
                    const float* p = xr + step * 4 * channels + c;
                    add_four_rows([p](std::size_t o) { return p[o]; }, channels, k[c], a[c], q[c]);
                }
            r += 4 * steps;
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

// y[r][c] = (x[r][c] - hi[c]) * scale[c] + shift[c], four channels of four rows per step.
inline void rows_apply(const float* x, float* y, std::size_t rows, std::size_t channels, const float* hi,
                       const float* scale, const float* shift) {
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float* x0 = x + r * channels;
        float* y0 = y + r * channels;
        std::size_t c = 0;
        for (; c + 4 <= channels; c += 4) {
            const f32x4 h = load4(hi + c), s = load4(scale + c), b = load4(shift + c);
            for (std::size_t j = 0; j < 4; ++j)
                store4(y0 + c + j * channels, (load4(x0 + c + j * channels) - h) * s + b);
        }
        for (; c < channels; ++c)
            for (std::size_t j = 0; j < 4; ++j)
                y0[c + j * channels] = (x0[c + j * channels] - hi[c]) * scale[c] + shift[c];
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
// constants folded to three per element; four channels of four rows per step.
inline void rows_grad_apply(const float* x, const float* g, float* dx, std::size_t rows, std::size_t channels,
                            const float* a, const float* b, const float* hi, const float* k) {
    std::size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
        const float* x0 = x + r * channels;
        const float* g0 = g + r * channels;
        float* d0 = dx + r * channels;
        std::size_t c = 0;
        for (; c + 4 <= channels; c += 4) {
            const f32x4 ac = load4(a + c), bc = load4(b + c), h = load4(hi + c), kc = load4(k + c);
            for (std::size_t j = 0; j < 4; ++j) {
                const std::size_t i = c + j * channels;
                store4(d0 + i, ac * load4(g0 + i) + bc * (load4(x0 + i) - h) + kc);
            }
        }
        for (; c < channels; ++c) {
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
