// contiguous_forward.hpp (private) — the forward pass of the kinds whose groups are contiguous runs.
#pragma once

#include "normlab/normalize.hpp"

namespace normlab::detail {

// layer, rms, group, instance (docs/derivations.md §2): y, mean and rstd (stat_count each) of x, options
// already validated. The statistics are contiguous_stat's (norm_stats.hpp), bit for bit.
void contiguous_forward(Kind kind, const float* x, Shape s, const NormOptions& o, float* y, float* mean, float* rstd);

}  // namespace normlab::detail
