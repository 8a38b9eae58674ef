// explain_element against normalize() (bit for bit, every kind, random shapes and indices) and the slow
// reference; max_abs_difference on known inputs; G = 1 / G = C against LayerNorm / InstanceNorm.
#include <cmath>
#include <cstring>
#include <limits>

#include "normlab/compare.hpp"
#include "normlab/explain.hpp"
#include "normlab/groups.hpp"
#include "normlab/random.hpp"
#include "normlab/sample.hpp"
#include "reference.hpp"

using namespace normlab;

namespace {

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("explain_element: output, mean and rstd are normalize()'s, bit for bit, for every kind") {
    Rng rng(2024);
    for (int trial = 0; trial < 40; ++trial) {
        const Shape s{1 + rng.below(5), 1 + rng.below(8), 2 + rng.below(6)};
        const auto x =
            ref::draw(Distribution::skewed, s.size(), 100 + trial, trial % 2 ? 1000 : -3, trial % 3 ? 0.5 : 4);
        for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance}) {
            CAPTURE(kind_name(k));
            CAPTURE(s.n);
            CAPTURE(s.c);
            CAPTURE(s.l);
            NormOptions o;
            if (k == Kind::group) o.groups = s.c % 2 == 0 ? 2 : 1;
            const bool per_element = k == Kind::layer || k == Kind::rms;
            const auto gamma = ref::draw(Distribution::skewed, param_length(k, s), 7 + trial, 1, 0.5);
            const auto beta = ref::draw(Distribution::skewed, gamma.size(), 9 + trial, 0, 1);
            if (trial % 2) {
                o.gamma = gamma;
                if (k != Kind::rms) o.beta = beta;
            }
            const NormResult r = normalize(k, x, s, o);
            const auto ids = group_ids(k, s, o.groups);
            for (int probe = 0; probe < 6; ++probe) {
                const std::size_t i = rng.below(s.size());
                const ElementExplanation e = explain_element(k, x, s, i, o);
                CHECK(same_bits(e.output, r.output[i]));
                CHECK(e.group == static_cast<std::size_t>(ids[i]));
                CHECK(same_bits(e.mean, r.mean[e.group]));
                CHECK(same_bits(e.rstd, r.rstd[e.group]));
                CHECK(e.group_size * stat_count(k, s, o.groups) == s.size());
                CHECK(same_bits(e.x, x[i]));
                const std::size_t c = (i / s.l) % s.c, l = i % s.l;
                CHECK(e.param == (per_element ? c * s.l + l : c));
                CHECK(e.gamma == (o.gamma.empty() ? 1.0f : o.gamma[e.param]));
                CHECK(e.beta == (o.beta.empty() ? 0.0f : o.beta[e.param]));
                // The steps shown add up to the output (within float rounding of the folded kernel).
                const double y = double(e.normalized) * e.gamma + e.beta;
                CHECK(std::fabs(y - e.output) <= 1e-5 * std::max(1.0, std::fabs(y)) * 8);
            }
        }
    }
}

TEST_CASE("explain_element: the steps against the double-precision reference") {
    const Shape s{3, 4, 5};
    const auto x = ref::draw(Distribution::skewed, s.size(), 3, 2, 3);
    for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance}) {
        CAPTURE(kind_name(k));
        ref::Params p;
        p.groups = k == Kind::group ? 2 : 0;
        std::vector<double> means, vars;
        const auto y = ref::forward(k, ref::to_double(x), s, p, &means, &vars);
        NormOptions o;
        o.groups = p.groups;
        for (std::size_t i : {std::size_t{0}, std::size_t{17}, s.size() - 1}) {
            const auto e = explain_element(k, x, s, i, o);
            CHECK(e.mean == doctest::Approx(means[e.group]).epsilon(1e-6));
            CHECK(e.rstd == doctest::Approx(1 / std::sqrt(vars[e.group] + 1e-5)).epsilon(1e-6));
            CHECK(e.centered == doctest::Approx(x[i] - means[e.group]).epsilon(1e-5));
            CHECK(e.normalized == doctest::Approx(y[i]).epsilon(1e-5));
            CHECK(e.group_size == (k == Kind::batch ? 15u : k == Kind::group ? 10u : k == Kind::instance ? 5u : 20u));
        }
    }
}

TEST_CASE("explain_element: BatchNorm eval reads the running statistics and never updates them") {
    const Shape s{2, 3, 1};
    const std::vector<float> x{1, 2, 3, 4, 5, 6};
    std::vector<float> rm{1, 2, 3}, rv{4, 1, 0.25f};
    NormOptions o;
    o.training = false;
    o.running_mean = rm;
    o.running_var = rv;
    const auto e = explain_element(Kind::batch, x, s, 4, o);  // n = 1, c = 1: x = 5
    CHECK(e.mean == 2);
    CHECK(e.rstd == doctest::Approx(1 / std::sqrt(1 + 1e-5)));
    CHECK(same_bits(e.output, normalize(Kind::batch, x, s, o).output[4]));
    o.training = true;
    explain_element(Kind::batch, x, s, 0, o);
    CHECK(rm == std::vector<float>{1, 2, 3});  // training: nothing is updated either
    CHECK(rv == std::vector<float>{4, 1, 0.25f});
}

TEST_CASE("explain_element: errors name the argument") {
    const Shape s{2, 4, 3};
    const auto x = ref::draw(Distribution::skewed, s.size(), 1, 2, 3);
    NormOptions o;
    CHECK(ref::thrown_argument([&] { explain_element(Kind::layer, x, s, 24, o); }) == "index");
    CHECK(ref::thrown_argument([&] { explain_element(Kind::layer, std::span(x).first(5), s, 0, o); }) == "input");
    o.groups = 3;
    CHECK(ref::thrown_argument([&] { explain_element(Kind::group, x, s, 0, o); }) == "groups");
    o.groups = 0;
    o.eps = 0;
    CHECK(ref::thrown_argument([&] { explain_element(Kind::batch, x, s, 0, o); }) == "eps");
    o.eps = 1e-5;
    CHECK(ref::thrown_argument([&] { explain_element(Kind::instance, x, Shape{6, 4, 1}, 0, o); }) == "shape");
    CHECK(ref::thrown_argument([&] {
              explain_element(Kind::batch, std::span(x).first(4), Shape{1, 4, 1}, 0, o);
          }) == "shape");
}

TEST_CASE("max_abs_difference, and GroupNorm at G = 1 and G = C against LayerNorm and InstanceNorm") {
    const std::vector<float> a{1, 2, 3}, b{1, 2.5f, 1};
    CHECK(max_abs_difference(a, b) == 2);
    CHECK(max_abs_difference(a, a) == 0);
    const std::vector<float> nan{1, std::numeric_limits<float>::quiet_NaN(), 3};
    CHECK(std::isnan(max_abs_difference(a, nan)));
    CHECK(ref::thrown_argument([&] { max_abs_difference({}, {}); }) == "a");
    CHECK(ref::thrown_argument([&] { max_abs_difference(a, std::span(b).first(2)); }) == "b");

    const Shape s{8, 16, 16};
    const auto x = ref::draw(Distribution::skewed, s.size(), 5, 4, 2);
    NormOptions g1, gc;
    g1.groups = 1;
    gc.groups = s.c;
    CHECK(max_abs_difference(normalize(Kind::group, x, s, g1).output, normalize(Kind::layer, x, s).output) == 0);
    CHECK(max_abs_difference(normalize(Kind::group, x, s, gc).output, normalize(Kind::instance, x, s).output) == 0);
    NormOptions g4;
    g4.groups = 4;
    CHECK(max_abs_difference(normalize(Kind::group, x, s, g4).output, normalize(Kind::layer, x, s).output) > 0.01);
}
