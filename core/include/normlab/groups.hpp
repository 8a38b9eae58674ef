// groups.hpp — which elements share one mean and variance: the picture behind "What gets normalized?".
#pragma once

#include <cstdint>
#include <vector>

#include "normlab/normalize.hpp"

namespace normlab {

// For every element of an [N, C, L] tensor (row-major), the index of its normalization group, in the
// same order as normalize()'s mean/rstd (so ids run 0 .. stat_count - 1). Validates like normalize
// (groups must divide C for group; L > 1 for instance); BatchNorm's N*L = 1 rule is not applied here.
std::vector<std::int32_t> group_ids(Kind kind, Shape shape, std::size_t groups = 0);

}  // namespace normlab
