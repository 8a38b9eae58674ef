// groups.hpp — which elements share one mean and variance, and which γ/β each element uses: the one
// definition of the layout that the kernels, explain_element, group_ids and validation all follow
// (docs/derivations.md §1). The picture behind "What gets normalized?". The small rules are inline so
// that the kernels lose nothing by calling them (out of line, GroupNorm's backward measured ~7% slower).
#pragma once

#include <cstdint>
#include <vector>

#include "normlab/normalize.hpp"

namespace normlab {

// The normalization group of element (n, c, ·), an index into normalize()'s mean/rstd: batch c, layer/rms n,
// group n·G + c / (C/G), instance n·C + c. Unchecked: group needs groups >= 1 dividing C.
inline std::size_t group_of(Kind kind, Shape shape, std::size_t groups, std::size_t n, std::size_t c) noexcept {
    switch (kind) {
        case Kind::batch:
            return c;
        case Kind::layer:
        case Kind::rms:
            return n;
        case Kind::group:
            return n * groups + c / (shape.c / groups);
        case Kind::instance:
            return n * shape.c + c;
    }
    return 0;
}

// Elements in each group, the M of its mean: N·L batch, C·L layer/rms, (C/G)·L group, L instance.
inline std::size_t group_size(Kind kind, Shape shape, std::size_t groups) noexcept {
    switch (kind) {
        case Kind::batch:
            return shape.n * shape.l;
        case Kind::layer:
        case Kind::rms:
            return shape.c * shape.l;
        case Kind::group:
            return (shape.c / groups) * shape.l;
        case Kind::instance:
            return shape.l;
    }
    return 0;
}

// True when γ and β hold one value per element of a sample (layer, rms), false when one per channel.
inline bool per_element_params(Kind kind) noexcept { return kind == Kind::layer || kind == Kind::rms; }

// The length gamma and beta must have: C·L for layer/rms, C for batch/group/instance.
inline std::size_t param_length(Kind kind, Shape shape) noexcept {
    return per_element_params(kind) ? shape.c * shape.l : shape.c;
}

// The index into gamma/beta that element (·, c, l) uses: c·L + l for layer/rms, c otherwise.
inline std::size_t param_index(Kind kind, Shape shape, std::size_t c, std::size_t l) noexcept {
    return per_element_params(kind) ? c * shape.l + l : c;
}

// For every element of an [N, C, L] tensor (row-major), group_of it (so ids run 0 .. stat_count - 1).
// Validates like normalize (groups must divide C for group; L > 1 for instance); BatchNorm's N*L = 1
// rule is not applied here.
std::vector<std::int32_t> group_ids(Kind kind, Shape shape, std::size_t groups = 0);

}  // namespace normlab
