// stats.hpp (private) — the one place where group statistics are accumulated.
// Shifted sums in double: d = x - K with K = the group's first value, then mean = K + Σd/M and
// var = (Σd² - (Σd)²/M) / M. With K inside the data's range the sums stay small, so this single pass
// is as accurate as two-pass in double (mean 1000 / std 0.01 in float gives ~1e-9 relative error),
// while reading the input once. tests/core/reference.hpp keeps the plain two-pass loop it is checked against.
#pragma once

#include <cmath>
#include <cstddef>

namespace normlab::detail {

struct ShiftedSums {
    double sum = 0, sumsq = 0;
};

// Adds the run x[0..len) to s, shifted by k. Four partial sums break the add dependency chain.
inline void accumulate_shifted(const float* x, std::size_t len, double k, ShiftedSums& s) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    std::size_t i = 0;
    for (; i + 4 <= len; i += 4) {
        const double d0 = x[i] - k, d1 = x[i + 1] - k, d2 = x[i + 2] - k, d3 = x[i + 3] - k;
        a0 += d0; a1 += d1; a2 += d2; a3 += d3;
        q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
    }
    for (; i < len; ++i) {
        const double d = x[i] - k;
        a0 += d;
        q0 += d * d;
    }
    s.sum += (a0 + a1) + (a2 + a3);
    s.sumsq += (q0 + q1) + (q2 + q3);
}

// Σ x² over x[0..len) in double (RMSNorm's only statistic).
inline double sum_squares(const float* x, std::size_t len) {
    double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    std::size_t i = 0;
    for (; i + 4 <= len; i += 4) {
        const double d0 = x[i], d1 = x[i + 1], d2 = x[i + 2], d3 = x[i + 3];
        q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3;
    }
    for (; i < len; ++i) q0 += double(x[i]) * x[i];
    return (q0 + q1) + (q2 + q3);
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
