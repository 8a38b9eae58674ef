// stats.hpp (private) — the one place where group statistics are accumulated.
// Shifted sums: d = x - K with K = the group's first value, then mean = K + Σd/M and
// var = (Σd² - (Σd)²/M) / M. With K inside the data's range the sums stay small (no catastrophic
// cancellation even for mean 1000 / std 0.01), so one pass over the input is enough; totals are kept
// in double (docs/derivations.md §2). tests/core/reference.hpp keeps the plain two-pass definition it is
// checked against.
#pragma once

#include <cmath>
#include <cstddef>

#include "simd.hpp"

namespace normlab::detail {

struct ShiftedSums {
    double sum = 0, sumsq = 0;
};

// total += lanes 0..3 of lo, then lanes 0..3 of hi, in that order (spelled out: a loop over the lanes
// compiles to stores and indexed loads in WASM).
inline void fold_lanes(double& total, f32x4 lo, f32x4 hi) {
    total += lo[0];
    total += lo[1];
    total += lo[2];
    total += lo[3];
    total += hi[0];
    total += hi[1];
    total += hi[2];
    total += hi[3];
}

// Σd and Σd² of one block of deviations d = x - k in 8 float lanes: lane j takes elements j, j+8, j+16, …
// (lanes 0-3 in a, 4-7 in b), the layout the double totals are folded from.
struct LaneSums {
    f32x4 a0{}, a1{}, q0{}, q1{};
    void add8(const float* x, f32x4 k) {
        const f32x4 d0 = load4(x) - k, d1 = load4(x + 4) - k;
        a0 += d0;
        a1 += d1;
        q0 += d0 * d0;
        q1 += d1 * d1;
    }
    // sum += lanes 0..7 in order, and sumsq likewise.
    void fold(double& sum, double& sumsq) const {
        fold_lanes(sum, a0, a1);
        fold_lanes(sumsq, q0, q1);
    }
};

// A block's remaining n % 8 values in double, then its lanes folded after them, and the block's sums added
// to s.
inline void finish_block(const LaneSums& b, const float* x, std::size_t n, double k, ShiftedSums& s) {
    double sum = 0, sumsq = 0;
    for (std::size_t i = n - n % 8; i < n; ++i) {
        const double d = x[i] - k;
        sum += d;
        sumsq += d * d;
    }
    b.fold(sum, sumsq);
    s.sum += sum;
    s.sumsq += sumsq;
}

// Adds one block of n ≤ 256 values, shifted by k, to s: the first multiple of 8 in float lanes, the rest
// in double.
inline void add_block(const float* x, std::size_t n, double k, ShiftedSums& s) {
    const f32x4 kv = splat4(static_cast<float>(k));  // k is one of the inputs, so exact in float
    LaneSums b;
    for (std::size_t i = 0; i + 8 <= n; i += 8) b.add8(x + i, kv);
    finish_block(b, x, n, k, s);
}

// add_block(x0, n, k0, s0) then add_block(x1, n, k1, s1), with the two blocks' lanes summed side by side:
// each block alone is one chain of dependent adds, and two independent chains keep twice the adds in
// flight. s0 and s1 may be the same sums (two blocks of one run, folded in their order).
inline void add_blocks2(const float* x0, const float* x1, std::size_t n, double k0, double k1, ShiftedSums& s0,
                        ShiftedSums& s1) {
    const f32x4 kv0 = splat4(static_cast<float>(k0)), kv1 = splat4(static_cast<float>(k1));
    LaneSums b0, b1;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        b0.add8(x0 + i, kv0);
        b1.add8(x1 + i, kv1);
    }
    finish_block(b0, x0, n, k0, s0);
    finish_block(b1, x1, n, k1, s1);
}

// Blocks of the shifted sums: deviations are summed in float over blocks of 256 and each block's sums
// are added to the double totals. With the shift inside the data, a block loses at most ~1e-5 of its own
// magnitude, far below what a float output can show, while the totals stay exact enough for any size.
constexpr std::size_t kSumBlock = 256;

// Adds the run x[0..len) to s, shifted by k, block by block (two at a time where two remain).
inline void accumulate_shifted(const float* x, std::size_t len, double k, ShiftedSums& s) {
    std::size_t i = 0;
    for (; i + 2 * kSumBlock <= len; i += 2 * kSumBlock) add_blocks2(x + i, x + i + kSumBlock, kSumBlock, k, k, s, s);
    for (; i < len; i += kSumBlock) add_block(x + i, len - i < kSumBlock ? len - i : kSumBlock, k, s);
}

// accumulate_shifted of two runs of the same length, side by side (for runs of one or two blocks, which
// alone would leave one chain of adds).
inline void accumulate_shifted2(const float* x0, const float* x1, std::size_t len, double k0, double k1,
                                ShiftedSums& s0, ShiftedSums& s1) {
    for (std::size_t i = 0; i < len; i += kSumBlock)
        add_blocks2(x0 + i, x1 + i, len - i < kSumBlock ? len - i : kSumBlock, k0, k1, s0, s1);
}

// Σx² of n ≤ 256 values of x0 added to t0, and of x1 to t1, as sum_squares' blocks: the first multiple of 8
// in float lanes, the rest in double, the lanes folded after the rest. The two blocks are summed side by
// side; x1 may be null (one block only), and t0, t1 may be the same total (folded in order).
inline void add_square_blocks(const float* x0, const float* x1, std::size_t n, double& t0, double& t1) {
    f32x4 q0{}, q1{}, r0{}, r1{};
    std::size_t i = 0;
    if (x1) {
        for (; i + 8 <= n; i += 8) {
            const f32x4 u0 = load4(x0 + i), u1 = load4(x0 + i + 4), v0 = load4(x1 + i), v1 = load4(x1 + i + 4);
            q0 += u0 * u0;
            q1 += u1 * u1;
            r0 += v0 * v0;
            r1 += v1 * v1;
        }
    } else {
        for (; i + 8 <= n; i += 8) {
            const f32x4 u0 = load4(x0 + i), u1 = load4(x0 + i + 4);
            q0 += u0 * u0;
            q1 += u1 * u1;
        }
    }
    double block = 0;
    for (std::size_t j = i; j < n; ++j) block += double(x0[j]) * x0[j];
    fold_lanes(block, q0, q1);
    t0 += block;
    if (!x1) return;
    block = 0;
    for (std::size_t j = i; j < n; ++j) block += double(x1[j]) * x1[j];
    fold_lanes(block, r0, r1);
    t1 += block;
}

// Σ x² over x[0..len) in double (RMSNorm's only statistic), blocked like accumulate_shifted.
inline double sum_squares(const float* x, std::size_t len) {
    double total = 0;
    std::size_t i = 0;
    for (; i + 2 * kSumBlock <= len; i += 2 * kSumBlock)
        add_square_blocks(x + i, x + i + kSumBlock, kSumBlock, total, total);
    for (; i < len; i += kSumBlock)
        add_square_blocks(x + i, nullptr, len - i < kSumBlock ? len - i : kSumBlock, total, total);
    return total;
}

// sum_squares of two runs of the same length, side by side.
inline void sum_squares2(const float* x0, const float* x1, std::size_t len, double& t0, double& t1) {
    for (std::size_t i = 0; i < len; i += kSumBlock)
        add_square_blocks(x0 + i, x1 + i, len - i < kSumBlock ? len - i : kSumBlock, t0, t1);
}

struct Moments {
    double mean, var;  // var is biased (1/M), never negative
};

inline Moments moments(const ShiftedSums& s, double k, double count) {
    const double m = s.sum / count;
    const double var = (s.sumsq - s.sum * m) / count;
    return {k + m, var > 0 ? var : 0};
}

inline double rstd_of(double var, double eps) { return 1.0 / std::sqrt(var + eps); }

// The mean split into a float and the float remainder: (x - hi) is exact for x near the mean
// (Sterbenz), so ((x - hi) - lo) * scale keeps full precision when |mean| >> std, in float arithmetic.
struct SplitMean {
    float hi, lo;
    explicit SplitMean(double m) : hi(static_cast<float>(m)), lo(static_cast<float>(m - static_cast<float>(m))) {}
    float center(float x) const { return (x - hi) - lo; }
};

}  // namespace normlab::detail
