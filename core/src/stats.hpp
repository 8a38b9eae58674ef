// stats.hpp (private) — the one place where group statistics are accumulated.
// Shifted sums: d = x - K with K = the group's first value, then mean = K + Σd/M and
// var = (Σd² - (Σd)²/M) / M. With K inside the data's range the sums stay small (no catastrophic
// cancellation even for mean 1000 / std 0.01), so one pass over the input is enough; totals are kept
// in double (docs/derivations.md §2). tests/core/reference.hpp keeps the plain two-pass definition it is
// checked against.
#pragma once

#include <cmath>
#include <cstddef>

namespace normlab::detail {

struct ShiftedSums {
    double sum = 0, sumsq = 0;
};

// Adds the run x[0..len) to s, shifted by k. Deviations are summed in float over short blocks
// (8 lanes, so the compiler emits SIMD) and each block's sums are added to the double totals: with the
// shift inside the data, a block of 256 deviations loses at most ~1e-5 of its own magnitude, far below
// what a float output can show, while the totals stay exact enough for any tensor size.
inline void accumulate_shifted(const float* x, std::size_t len, double k, ShiftedSums& s) {
    constexpr std::size_t kBlock = 256, kLanes = 8;
    const float kf = static_cast<float>(k);  // k is one of the inputs, so exact in float
    std::size_t i = 0;
    while (i < len) {
        const std::size_t end = i + kBlock < len ? i + kBlock : len;
        float a[kLanes] = {}, q[kLanes] = {};
        for (; i + kLanes <= end; i += kLanes)
            for (std::size_t j = 0; j < kLanes; ++j) {
                const float d = x[i + j] - kf;
                a[j] += d;
                q[j] += d * d;
            }
        double sum = 0, sumsq = 0;
        for (; i < end; ++i) {
            const double d = x[i] - k;
            sum += d;
            sumsq += d * d;
        }
        for (std::size_t j = 0; j < kLanes; ++j) {
            sum += a[j];
            sumsq += q[j];
        }
        s.sum += sum;
        s.sumsq += sumsq;
    }
}

// Σ x² over x[0..len) in double (RMSNorm's only statistic), blocked like accumulate_shifted.
inline double sum_squares(const float* x, std::size_t len) {
    constexpr std::size_t kBlock = 256, kLanes = 8;
    double total = 0;
    std::size_t i = 0;
    while (i < len) {
        const std::size_t end = i + kBlock < len ? i + kBlock : len;
        float q[kLanes] = {};
        for (; i + kLanes <= end; i += kLanes)
            for (std::size_t j = 0; j < kLanes; ++j) q[j] += x[i + j] * x[i + j];
        double block = 0;
        for (; i < end; ++i) block += double(x[i]) * x[i];
        for (std::size_t j = 0; j < kLanes; ++j) block += q[j];
        total += block;
    }
    return total;
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
