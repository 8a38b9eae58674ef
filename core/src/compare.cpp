// compare.cpp — analysis for the playground; all statistics come from the normalization code itself.
#include "normlab/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "norm_stats.hpp"
#include "normlab/errors.hpp"

namespace normlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kMaxRepeats = 10000;

double population_sd(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m += x;
    m /= static_cast<double>(v.size());
    double q = 0;
    for (double x : v) q += (x - m) * (x - m);
    return std::sqrt(q / static_cast<double>(v.size()));
}

double percent_closer(double raw_distance, double norm_distance) {
    if (raw_distance == 0) return kNaN;
    return 100.0 * (raw_distance - norm_distance) / raw_distance;
}

// Per channel of a [N, C, L] batch: rows of 64 samples in memory order with a float accumulator per channel
// (feature vectors: a plain loop over c that compiles to SIMD), folded into double per block.
void add_channel_cubes(const float* x, Shape shape, const std::vector<double>& mean, std::vector<double>& m3) {
    std::vector<float> mean_f(shape.c), acc(shape.c);
    for (std::size_t c = 0; c < shape.c; ++c) mean_f[c] = static_cast<float>(mean[c]);
    for (std::size_t n0 = 0; n0 < shape.n; n0 += 64) {
        std::fill(acc.begin(), acc.end(), 0.0f);
        for (std::size_t n = n0; n < std::min(shape.n, n0 + 64); ++n) {
            if (shape.l == 1) {
                const float* xr = x + n * shape.c;
                for (std::size_t c = 0; c < shape.c; ++c) {
                    const float d = xr[c] - mean_f[c];
                    acc[c] += d * d * d;
                }
                continue;
            }
            for (std::size_t c = 0; c < shape.c; ++c) {
                const float* xc = x + (n * shape.c + c) * shape.l;
                float a = 0;
                for (std::size_t i = 0; i < shape.l; ++i) {
                    const float d = xc[i] - mean_f[c];
                    a += d * d * d;
                }
                acc[c] += a;
            }
        }
        for (std::size_t c = 0; c < shape.c; ++c) m3[c] += acc[c];
    }
}

// Per contiguous group of m values: cubes summed in 8 float lanes (SIMD) over blocks of 256, folded into double.
void add_group_cubes(const float* x, std::size_t m, const std::vector<double>& mean, std::vector<double>& m3) {
    constexpr std::size_t kBlock = 256, kLanes = 8;
    for (std::size_t k = 0; k < mean.size(); ++k) {
        const float mu = static_cast<float>(mean[k]);
        const float* xg = x + k * m;
        for (std::size_t j0 = 0; j0 < m; j0 += kBlock) {
            const std::size_t end = std::min(m, j0 + kBlock);
            float lanes[kLanes] = {};
            std::size_t j = j0;
            for (; j + kLanes <= end; j += kLanes)
                for (std::size_t q = 0; q < kLanes; ++q) {
                    const float d = xg[j + q] - mu;
                    lanes[q] += d * d * d;
                }
            float a = 0;
            for (; j < end; ++j) {
                const float d = xg[j] - mu;
                a += d * d * d;
            }
            for (std::size_t q = 0; q < kLanes; ++q) a += lanes[q];
            m3[k] += a;
        }
    }
}

}  // namespace

double max_abs_difference(std::span<const float> a, std::span<const float> b) {
    require(!a.empty(), "a", "must not be empty");
    require(b.size() == a.size(), "b",
            "length " + std::to_string(b.size()) + " must equal a's (" + std::to_string(a.size()) + ")");
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(double(a[i]) - double(b[i]));
        if (std::isnan(d)) return kNaN;
        if (d > worst) worst = d;
    }
    return worst;
}

GroupMoments group_moments(Kind kind, std::span<const float> values, Shape shape, std::size_t groups) {
    validate_layout(kind, shape, groups);
    require(
        values.size() == shape.size(), "values",
        "length " + std::to_string(values.size()) + " does not match the shape (" + std::to_string(shape.size()) + ")");
    // Mean and variance from the normalization code's own statistics (in double; eps as small as it
    // gets so that var = 1/rstd² - eps is exact); RMSNorm pools like LayerNorm.
    const Kind layout = kind == Kind::rms ? Kind::layer : kind;
    NormOptions opts;
    opts.groups = groups;
    opts.eps = std::numeric_limits<double>::min();
    const detail::GroupStats st = detail::compute_stats(layout, values.data(), shape, opts);
    const std::size_t count = st.mean.size();
    GroupMoments g{st.mean, std::vector<double>(count), std::vector<double>(count)};
    std::vector<double> var(count), m3(count, 0.0);
    for (std::size_t k = 0; k < count; ++k) {
        var[k] = std::max(0.0, 1.0 / (st.rstd[k] * st.rstd[k]) - opts.eps);
        g.std[k] = std::sqrt(var[k]);
    }
    // Third central moment: one more pass, cubes of centred values summed in float blocks, folded into double.
    if (layout == Kind::batch)
        add_channel_cubes(values.data(), shape, st.mean, m3);
    else
        add_group_cubes(values.data(), group_size(layout, shape, groups), st.mean, m3);
    const double per_group = static_cast<double>(group_size(layout, shape, groups));
    for (std::size_t k = 0; k < count; ++k)
        g.skewness[k] = var[k] > 0 ? (m3[k] / per_group) / (var[k] * g.std[k]) : kNaN;
    return g;
}

Improvement improvement(double raw_mean, double raw_std, double norm_mean, double norm_std) {
    return {percent_closer(std::abs(raw_mean), std::abs(norm_mean)),
            percent_closer(std::abs(raw_std - 1), std::abs(norm_std - 1))};
}

BatchSpread batch_statistics_spread(Kind kind, Distribution dist, const SampleParams& params, std::size_t batch,
                                    std::size_t features, std::size_t repeats, std::size_t groups) {
    require(repeats >= 2 && repeats <= kMaxRepeats, "repeats", "must be an integer in [2, 10000]");
    NormOptions opts;
    opts.groups = groups;
    validate(kind, batch * features, Shape{batch, features, 1}, opts);
    // Element [0,0,0]'s group only depends on the values in that group, and the draws are i.i.d., so
    // each repeat samples just that group: channel 0 over the batch (batch), or sample 0 (the others).
    const Shape shape = kind == Kind::batch ? Shape{batch, 1, 1} : Shape{1, features, 1};
    BatchSpread out;
    std::vector<float> x(shape.size()), y(shape.size());
    std::vector<float> mean(stat_count(kind, shape, groups)), rstd(mean.size());
    SampleParams p = params;
    for (std::size_t r = 0; r < repeats; ++r) {
        p.seed = params.seed + r;  // a fresh, reproducible batch per repeat
        sample_into(dist, p, x);
        normalize_into(kind, x, shape, opts, y, mean, rstd);
        out.mean.push_back(mean[0]);
        // Recover the variance from rstd: var = 1/rstd^2 - eps (rms reports the mean square instead).
        out.var.push_back(1.0 / (double(rstd[0]) * rstd[0]) - opts.eps);
    }
    out.mean_sd = population_sd(out.mean);
    out.var_sd = population_sd(out.var);
    return out;
}

RunningTrace running_statistics_trace(Distribution dist, const SampleParams& params, std::size_t batch,
                                      std::size_t features, std::size_t steps, double momentum) {
    require(steps >= 1 && steps <= kMaxRepeats, "steps", "must be an integer in [1, 10000]");
    const Shape shape{batch, features, 1};
    NormOptions opts;
    opts.momentum = momentum;
    // Validate the shape and momentum before allocating anything sized by them.
    validate(Kind::batch, shape.size(), shape, opts);
    std::vector<float> running_mean(features, 0.0f), running_var(features, 1.0f);
    opts.running_mean = running_mean;
    opts.running_var = running_var;
    RunningTrace t;
    std::vector<float> x(shape.size()), y(shape.size()), mean(features), rstd(features);
    SampleParams p = params;
    for (std::size_t s = 0; s < steps; ++s) {
        p.seed = params.seed + s;
        sample_into(dist, p, x);
        normalize_into(Kind::batch, x, shape, opts, y, mean, rstd);
        t.batch_mean.push_back(mean[0]);
        t.batch_var.push_back(1.0 / (double(rstd[0]) * rstd[0]) - opts.eps);
        t.running_mean.push_back(running_mean[0]);
        t.running_var.push_back(running_var[0]);
    }
    // Heavy tails with df <= 2 have no finite variance: say so rather than report scale^2.
    t.population_mean = params.shift;
    t.population_var = (dist == Distribution::heavy && params.df <= 2) ? std::numeric_limits<double>::infinity()
                                                                       : params.scale * params.scale;
    return t;
}

}  // namespace normlab
