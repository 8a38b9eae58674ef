// norm_stats.hpp (private) — the per-group mean and rstd that forward and backward share.
#pragma once

#include <vector>

#include "normlab/groups.hpp"

namespace normlab::detail {

// Statistics in double, one entry per normalization group (stat_count entries).
struct GroupStats {
    std::vector<double> mean, rstd;
};

// Batch statistics for training (or running statistics for BatchNorm eval); for rms, mean is 0.
// When batch_var is non-null and kind is batch in training, it receives the biased batch variance.
GroupStats compute_stats(Kind kind, const float* x, Shape shape, const NormOptions& opts,
                         std::vector<double>* batch_var = nullptr);

// The first channel of group g for group/instance, whose channels_per_group channels follow one another
// in memory: the inverse of group_of, which sends (n, c) to n·G + c / (C/G) (instance: G = C).
inline std::size_t first_channel(Shape s, std::size_t channels_per_group, std::size_t g) {
    return (g * channels_per_group) % s.c;
}

}  // namespace normlab::detail
