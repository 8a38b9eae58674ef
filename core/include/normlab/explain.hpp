// explain.hpp — one element's arithmetic, for the "paste a tensor" figure: which group it belongs to, the
// mean and rstd normalize() used for that group, and each step of y = (x − μ) · rstd · γ + β, so the page
// shows the core's own numbers instead of recomputing any of them.
#pragma once

#include <cstddef>
#include <span>

#include "normlab/normalize.hpp"

namespace normlab {

struct ElementExplanation {
    float x;                 // the input element
    std::size_t group;       // its normalization group (an index into normalize()'s mean/rstd; see group_ids)
    std::size_t group_size;  // elements in that group (the M of the mean)
    float mean, rstd;        // exactly normalize()'s mean[group] and rstd[group] (mean is 0 for rms)
    float centered;          // x − μ, as the kernel centres it (x for rms)
    float normalized;        // centered · rstd: x̂ before the affine step
    std::size_t param;       // the index into gamma/beta this element uses (channel, or c·L + l for layer/rms)
    float gamma, beta;       // the affine parameters it uses (1 and 0 when not given; beta 0 for rms)
    float output;            // exactly normalize()'s output[index] (the kernel folds rstd·γ, so γ·x̂ + β may
                             // differ from it in the last bit)
};

// Explains element `index` (row-major in [N, C, L]) of normalize(kind, input, shape, opts). Validates like
// normalize, plus index < N·C·L ("index"). Running statistics are read (BatchNorm eval) but never updated.
ElementExplanation explain_element(Kind kind, std::span<const float> input, Shape shape, std::size_t index,
                                   const NormOptions& opts = {});

}  // namespace normlab
