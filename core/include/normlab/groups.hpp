// groups.hpp — which elements share one mean and variance, and which γ/β each element uses: the one
// definition of the layout that the kernels, explain_element, group_ids and validation all follow
// (docs/derivations.md §1). The picture behind "What gets normalized?".
#pragma once

#include <cstdint>
#include <vector>

#include "normlab/normalize.hpp"

namespace normlab {

// The normalization group of element (n, c, ·), an index into normalize()'s mean/rstd: batch c, layer/rms n,
// group n·G + c / (C/G), instance n·C + c. Unchecked: group needs groups >= 1 dividing C.
std::size_t group_of(Kind kind, Shape shape, std::size_t groups, std::size_t n, std::size_t c) noexcept;

// Elements in each group, the M of its mean: N·L batch, C·L layer/rms, (C/G)·L group, L instance.
std::size_t group_size(Kind kind, Shape shape, std::size_t groups) noexcept;

// True when γ and β hold one value per element of a sample (layer, rms), false when one per channel.
bool per_element_params(Kind kind) noexcept;

// The length gamma and beta must have: C·L for layer/rms, C for batch/group/instance.
std::size_t param_length(Kind kind, Shape shape) noexcept;

// The index into gamma/beta that element (·, c, l) uses: c·L + l for layer/rms, c otherwise.
std::size_t param_index(Kind kind, Shape shape, std::size_t c, std::size_t l) noexcept;

// For every element of an [N, C, L] tensor (row-major), group_of it (so ids run 0 .. stat_count - 1).
// Validates like normalize (groups must divide C for group; L > 1 for instance); BatchNorm's N*L = 1
// rule is not applied here.
std::vector<std::int32_t> group_ids(Kind kind, Shape shape, std::size_t groups = 0);

}  // namespace normlab
