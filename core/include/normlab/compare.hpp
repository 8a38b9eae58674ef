// compare.hpp — the playground's analysis: per-group moments before/after, the "improvement" figures,
// how noisy BatchNorm's batch statistics are for a batch size, and how running statistics converge.
#pragma once

#include <vector>

#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"

namespace normlab {

struct GroupMoments {
    std::vector<double> mean, std, skewness;  // one entry per normalization group (stat_count); skewness NaN if std 0
};
// Moments of values within each normalization group of kind (the groups of group_ids).
GroupMoments group_moments(Kind kind, std::span<const float> values, Shape shape, std::size_t groups = 0);

struct Improvement {
    double mean_pct;  // 100 * (|raw mean| - |norm mean|) / |raw mean|: how much closer to 0 the mean got
    double std_pct;   // 100 * (|raw std - 1| - |norm std - 1|) / |raw std - 1|: how much closer to 1 the std got
};
// NaN for a figure whose raw value is already exactly at its target (nothing to improve).
Improvement improvement(double raw_mean, double raw_std, double norm_mean, double norm_std);

// max |a[i] − b[i]| in double: how far two outputs are apart (e.g. GroupNorm with G = 1 against LayerNorm).
// NaN when any element is NaN; a and b must have the same, non-zero length (errors name "a" or "b").
double max_abs_difference(std::span<const float> a, std::span<const float> b);

struct BatchSpread {
    std::vector<double> mean, var;  // per repeat: the statistics of the group holding element [0, 0, 0]
    double mean_sd, var_sd;         // their standard deviations across repeats (population)
};
// For `repeats` independent batches of shape [batch, features, 1] from dist, the mean and biased variance
// that kind would normalize element [0,0,0] with: batch-size dependent only for batch. Only that group's
// values are drawn (channel 0 over the batch, or sample 0), which is the same in distribution and keeps
// the cost independent of the other dimension.
BatchSpread batch_statistics_spread(Kind kind, Distribution dist, const SampleParams& params, std::size_t batch,
                                    std::size_t features, std::size_t repeats, std::size_t groups = 0);

struct RunningTrace {
    std::vector<double> batch_mean, batch_var;      // channel 0's batch statistics at each training step
    std::vector<double> running_mean, running_var;  // channel 0's running statistics after each step
    double population_mean, population_var;         // what the sampler's distribution has (shift, scale^2)
};
// BatchNorm training for `steps` batches of [batch, features, 1] from dist (running stats start at 0 and 1,
// as in PyTorch), recording channel 0: how running statistics approach the population's with momentum.
RunningTrace running_statistics_trace(Distribution dist, const SampleParams& params, std::size_t batch,
                                      std::size_t features, std::size_t steps, double momentum);

}  // namespace normlab
