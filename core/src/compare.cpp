// compare.cpp — analysis for the playground; all statistics come from the normalization code itself.
#include "normlab/compare.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "normlab/errors.hpp"
#include "normlab/groups.hpp"

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

}  // namespace

GroupMoments group_moments(Kind kind, std::span<const float> values, Shape shape, std::size_t groups) {
    const std::vector<std::int32_t> ids = group_ids(kind, shape, groups);
    require(values.size() == ids.size(), "values",
            "length " + std::to_string(values.size()) + " does not match the shape (" + std::to_string(ids.size()) + ")");
    const std::size_t count = stat_count(kind, shape, groups);
    GroupMoments g{std::vector<double>(count, 0), std::vector<double>(count, 0), std::vector<double>(count, 0)};
    std::vector<double> n(count, 0), m2(count, 0), m3(count, 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        g.mean[ids[i]] += values[i];
        n[ids[i]] += 1;
    }
    for (std::size_t k = 0; k < count; ++k) g.mean[k] /= n[k];
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double d = values[i] - g.mean[ids[i]];
        m2[ids[i]] += d * d;
        m3[ids[i]] += d * d * d;
    }
    for (std::size_t k = 0; k < count; ++k) {
        const double var = m2[k] / n[k];
        g.std[k] = std::sqrt(var);
        g.skewness[k] = var > 0 ? (m3[k] / n[k]) / (var * g.std[k]) : kNaN;
    }
    return g;
}

Improvement improvement(double raw_mean, double raw_std, double norm_mean, double norm_std) {
    return {percent_closer(std::abs(raw_mean), std::abs(norm_mean)),
            percent_closer(std::abs(raw_std - 1), std::abs(norm_std - 1))};
}

BatchSpread batch_statistics_spread(Kind kind, Distribution dist, const SampleParams& params, std::size_t batch,
                                    std::size_t features, std::size_t repeats, std::size_t groups) {
    require(repeats >= 2 && repeats <= kMaxRepeats, "repeats", "must be an integer in [2, 10000]");
    const Shape shape{batch, features, 1};
    NormOptions opts;
    opts.groups = groups;
    validate(kind, shape.size(), shape, opts);
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
    std::vector<float> running_mean(features, 0.0f), running_var(features, 1.0f);
    NormOptions opts;
    opts.momentum = momentum;
    opts.running_mean = running_mean;
    opts.running_var = running_var;
    validate(Kind::batch, shape.size(), shape, opts);
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
