// sample.cpp — the activation-like distributions of sample.hpp, each standardized before shift/scale.
#include <array>
#include <cmath>
#include <string>

#include "normlab/errors.hpp"
#include "normlab/random.hpp"
#include "normlab/sample.hpp"

namespace normlab {

namespace {

constexpr std::array<std::string_view, 5> kNames{"normal", "uniform", "skewed", "bimodal", "heavy"};
// More draws than any figure needs; keeps a typo from allocating gigabytes.
constexpr std::size_t kMaxCount = std::size_t{1} << 26;

bool finite(double x) { return std::isfinite(x); }

}  // namespace

Distribution parse_distribution(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<Distribution>(i);
    throw invalid_argument("distribution", "unknown distribution \"" + std::string(name) +
                                               "\" (expected normal, uniform, skewed, bimodal or heavy)");
}

void validate(Distribution dist, std::size_t count, const SampleParams& p) {
    require(count >= 1 && count <= kMaxCount, "count", "must be an integer in [1, " + std::to_string(kMaxCount) + "]");
    require(finite(p.shift), "shift", "must be a finite number");
    require(finite(p.scale) && p.scale >= 0, "scale", "must be a finite number >= 0");
    switch (dist) {
        case Distribution::skewed:
            require(finite(p.shape) && p.shape > 0, "shape", "must be a finite number > 0");
            break;
        case Distribution::bimodal:
            require(finite(p.separation) && p.separation >= 0, "separation", "must be a finite number >= 0");
            require(finite(p.weight) && p.weight >= 0 && p.weight <= 1, "weight", "must be a number in [0, 1]");
            break;
        case Distribution::heavy:
            require(finite(p.df) && p.df > 0, "df", "must be a finite number > 0");
            break;
        case Distribution::normal:
        case Distribution::uniform:
            break;
    }
}

void sample_into(Distribution dist, const SampleParams& p, std::span<float> out) {
    validate(dist, out.size(), p);
    Rng rng(p.seed);
    // Per-distribution constants that make the standardized draw have mean 0 and variance 1.
    const double sqrt3 = std::sqrt(3.0);
    const double k = p.shape, sqrt_k = std::sqrt(p.shape);
    // Bimodal: modes at ±a·s with component std s; choose s so that the mixture's variance is 1.
    const double half = p.separation / 2.0;
    const double w = p.weight;
    const double mix_mean = (2 * w - 1) * half;  // in units of s
    const double s = 1.0 / std::sqrt(1.0 + half * half - mix_mean * mix_mean);
    const double t_scale = p.df > 2 ? std::sqrt((p.df - 2) / p.df) : 1.0;

    for (float& v : out) {
        double z = 0;
        switch (dist) {
            case Distribution::normal:
                z = rng.normal();
                break;
            case Distribution::uniform:
                z = (2.0 * rng.uniform() - 1.0) * sqrt3;
                break;
            case Distribution::skewed:
                z = (rng.gamma(k) - k) / sqrt_k;
                break;
            case Distribution::bimodal: {
                const double centre = rng.uniform() < w ? half : -half;
                z = (centre + rng.normal() - mix_mean) * s;
                break;
            }
            case Distribution::heavy:
                z = rng.student_t(p.df) * t_scale;
                break;
        }
        v = static_cast<float>(p.shift + p.scale * z);
    }
}

std::vector<float> sample(Distribution dist, std::size_t count, const SampleParams& params) {
    validate(dist, count, params);
    std::vector<float> out(count);
    sample_into(dist, params, out);
    return out;
}

}  // namespace normlab
