// norm_stats.hpp (private) — the per-group mean and rstd that forward and backward share.
#pragma once

#include <vector>

#include "normlab/normalize.hpp"

namespace normlab::detail {

// Statistics in double, one entry per normalization group (stat_count entries).
struct GroupStats {
    std::vector<double> mean, rstd;
};

// Batch statistics for training (or running statistics for BatchNorm eval); for rms, mean is 0.
// When batch_var is non-null and kind is batch in training, it receives the biased batch variance.
GroupStats compute_stats(Kind kind, const float* x, Shape shape, const NormOptions& opts,
                         std::vector<double>* batch_var = nullptr);

// Elements per contiguous group for layer/rms/group/instance (batch groups are strided).
inline std::size_t contiguous_group_size(Kind kind, Shape s, std::size_t groups) {
    switch (kind) {
        case Kind::layer:
        case Kind::rms:
            return s.c * s.l;
        case Kind::group:
            return (s.c / groups) * s.l;
        case Kind::instance:
            return s.l;
        case Kind::batch:
            break;
    }
    return 0;
}

}  // namespace normlab::detail
