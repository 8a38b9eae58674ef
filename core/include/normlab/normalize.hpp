// normalize.hpp — forward and backward of BatchNorm, LayerNorm, RMSNorm, GroupNorm and
// InstanceNorm on [N, C, L] tensors, with PyTorch semantics:
// biased variance to normalize, unbiased variance in BatchNorm's running statistics,
// eps inside the square root, running = (1 - momentum) * running + momentum * batch.
// Statistics are accumulated in double (shifted sums), so inputs like mean 1000 / std 0.01 are safe.
// docs/derivations.md derives every formula; groups.hpp defines which elements share statistics.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "normlab/shape.hpp"

namespace normlab {

enum class Kind { batch, layer, rms, group, instance };

// Parses "batch" | "layer" | "rms" | "group" | "instance"; throws invalid_argument("kind") otherwise.
Kind parse_kind(std::string_view name);
// The lower-case name parse_kind accepts.
std::string_view kind_name(Kind kind) noexcept;

struct NormOptions {
    double eps = 1e-5;
    std::size_t groups = 0;         // GroupNorm only: number of groups G (must divide C)
    std::span<const float> gamma;   // empty = 1; length C (batch, group, instance) or C*L (layer, rms)
    std::span<const float> beta;    // empty = 0; same length as gamma; not allowed for rms
    bool training = true;           // BatchNorm only: batch statistics (true) or running ones (false)
    std::span<float> running_mean;  // BatchNorm: length C, or empty; updated in place when training
    std::span<float> running_var;   // BatchNorm: length C, or empty; updated in place when training
    double momentum = 0.1;          // BatchNorm: weight of the new batch in the running update
};

// Number of normalization groups (one mean/rstd each): batch C, layer/rms N, group N*G, instance N*C.
// (Defined with group_of in groups.cpp.)
std::size_t stat_count(Kind kind, Shape shape, std::size_t groups);

// Shape rules alone: every dimension >= 1 and not huge; groups divides C (group); L > 1 (instance).
void validate_layout(Kind kind, Shape shape, std::size_t groups);

// Throws invalid_argument naming the first argument that breaks the contract; touches nothing.
void validate(Kind kind, std::size_t input_size, Shape shape, const NormOptions& opts);

// Forward into caller buffers: output (shape.size()), mean and rstd (stat_count each).
// For rms, mean is 0 and rstd = 1/sqrt(mean(x^2) + eps). Updates running stats (batch, training).
void normalize_into(Kind kind, std::span<const float> input, Shape shape, const NormOptions& opts,
                    std::span<float> output, std::span<float> mean, std::span<float> rstd);

struct NormResult {
    std::vector<float> output, mean, rstd;
};
// Allocating convenience over normalize_into.
NormResult normalize(Kind kind, std::span<const float> input, Shape shape, const NormOptions& opts = {});

// Backward of the forward above (training-mode statistics, or BatchNorm eval with running stats)
// into caller buffers: grad_input (shape.size()); grad_gamma and grad_beta (gamma's length) may be
// empty to skip them. Gradients are written, not accumulated. Running statistics are not touched.
void backward_into(Kind kind, std::span<const float> input, std::span<const float> grad_output, Shape shape,
                   const NormOptions& opts, std::span<float> grad_input, std::span<float> grad_gamma,
                   std::span<float> grad_beta);

struct BackwardResult {
    std::vector<float> grad_input, grad_gamma, grad_beta;  // grad_gamma/beta empty without gamma/beta
};
// Allocating convenience over backward_into; gradGamma/gradBeta only when gamma/beta were given.
BackwardResult backward(Kind kind, std::span<const float> input, std::span<const float> grad_output, Shape shape,
                        const NormOptions& opts = {});

}  // namespace normlab
