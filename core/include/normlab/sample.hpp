// sample.hpp — seeded samplers for activation-like distributions.
// Every distribution is standardized (mean 0, std 1 before shift/scale, where its variance is finite),
// so `shift` is the mean and `scale` the standard deviation and only the shape differs between them.
// Built on normlab::Rng: one seed gives the same floats natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace normlab {

enum class Distribution { normal, uniform, skewed, bimodal, heavy };

// Parses "normal" | "uniform" | "skewed" | "bimodal" | "heavy"; throws invalid_argument("distribution").
Distribution parse_distribution(std::string_view name);

struct SampleParams {
    std::uint64_t seed = 1;
    double shift = 0.0;       // added last: the mean (or the centre for heavy tails with df <= 2)
    double scale = 1.0;       // multiplies the standardized draw: the std dev; must be >= 0
    double shape = 2.0;       // skewed: Gamma shape k > 0 (skewness 2/sqrt(k))
    double separation = 4.0;  // bimodal: distance between the two modes in component std devs, >= 0
    double weight = 0.5;      // bimodal: probability of the upper mode, in [0, 1]
    double df = 3.0;          // heavy: Student-t degrees of freedom > 0 (variance finite only for df > 2)
};

// Throws invalid_argument naming the first bad parameter (count, seed, scale, shape, separation, weight, df).
void validate(Distribution dist, std::size_t count, const SampleParams& params);

// Fills out with out.size() draws.
void sample_into(Distribution dist, const SampleParams& params, std::span<float> out);

// Allocating convenience.
std::vector<float> sample(Distribution dist, std::size_t count, const SampleParams& params);

}  // namespace normlab
