// norm_stats.hpp (private) — the per-group mean and rstd that forward and backward share.
#pragma once

#include <vector>

#include "normlab/groups.hpp"
#include "stats.hpp"

namespace normlab::detail {

// Statistics in double, one entry per normalization group (stat_count entries).
struct GroupStats {
    std::vector<double> mean, rstd;
};

// Batch statistics for training (or running statistics for BatchNorm eval); for rms, mean is 0.
// When batch_var is non-null and kind is batch in training, it receives the biased batch variance.
GroupStats compute_stats(Kind kind, const float* x, Shape shape, const NormOptions& opts,
                         std::vector<double>* batch_var = nullptr);

// Mean and rstd of one contiguous group of m values (layer, rms, group, instance; rms: mean 0): the one
// definition compute_stats and the forward pass (which normalizes each group right after its statistics)
// both use, so that their statistics agree bit for bit.
struct GroupStat {
    double mean, rstd;
};
inline GroupStat contiguous_stat(Kind kind, const float* run, std::size_t m, double eps) {
    if (kind == Kind::rms) return {0.0, rstd_of(sum_squares(run, m) / static_cast<double>(m), eps)};
    ShiftedSums sums;
    accumulate_shifted(run, m, run[0], sums);
    const Moments mo = moments(sums, run[0], static_cast<double>(m));
    return {mo.mean, rstd_of(mo.var, eps)};
}

// contiguous_stat of two groups of m values each, computed side by side (the same arithmetic per group).
inline void contiguous_stat2(Kind kind, const float* run0, const float* run1, std::size_t m, double eps,
                             GroupStat& out0, GroupStat& out1) {
    const double count = static_cast<double>(m);
    if (kind == Kind::rms) {
        double t0 = 0, t1 = 0;
        sum_squares2(run0, run1, m, t0, t1);
        out0 = {0.0, rstd_of(t0 / count, eps)};
        out1 = {0.0, rstd_of(t1 / count, eps)};
        return;
    }
    ShiftedSums s0, s1;
    accumulate_shifted2(run0, run1, m, run0[0], run1[0], s0, s1);
    const Moments m0 = moments(s0, run0[0], count), m1 = moments(s1, run1[0], count);
    out0 = {m0.mean, rstd_of(m0.var, eps)};
    out1 = {m1.mean, rstd_of(m1.var, eps)};
}

// The first channel of group g for group/instance, whose channels_per_group channels follow one another
// in memory: the inverse of group_of, which sends (n, c) to n·G + c / (C/G) (instance: G = C).
inline std::size_t first_channel(Shape s, std::size_t channels_per_group, std::size_t g) {
    return (g * channels_per_group) % s.c;
}

}  // namespace normlab::detail
