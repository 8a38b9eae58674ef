// The playground's analysis: improvement figures on known inputs, batch-statistics spread, running stats.
#include <cmath>

#include "checks.hpp"
#include "normlab/compare.hpp"
#include "normlab/describe.hpp"
#include "normlab/groups.hpp"
#include "normlab/sample.hpp"

using namespace normlab;

TEST_CASE("improvement: percent closer to mean 0 and to std 1") {
    const auto i = improvement(4.0, 3.0, 1.0, 1.5);
    CHECK(i.mean_pct == doctest::Approx(75));  // |4| -> |1|
    CHECK(i.std_pct == doctest::Approx(75));   // |3-1| = 2 -> |1.5-1| = 0.5
    const auto worse = improvement(1.0, 1.2, 2.0, 1.0);
    CHECK(worse.mean_pct == doctest::Approx(-100));
    CHECK(worse.std_pct == doctest::Approx(100));
    CHECK(std::isnan(improvement(0.0, 1.0, 0.0, 1.0).mean_pct));
}

TEST_CASE("batch statistics: noisy for BatchNorm at batch 2, batch-size independent for LayerNorm") {
    SampleParams p;
    p.seed = 5;
    p.shift = 3;
    p.scale = 2;
    const auto bn2 = batch_statistics_spread(Kind::batch, Distribution::normal, p, 2, 16, 200);
    const auto bn256 = batch_statistics_spread(Kind::batch, Distribution::normal, p, 256, 16, 200);
    CHECK(bn2.mean_sd > 5 * bn256.mean_sd);
    CHECK(bn2.mean_sd == doctest::Approx(2 / std::sqrt(2.0)).epsilon(0.2));  // σ/√N
    const auto ln2 = batch_statistics_spread(Kind::layer, Distribution::normal, p, 2, 16, 200);
    const auto ln256 = batch_statistics_spread(Kind::layer, Distribution::normal, p, 256, 16, 200);
    CHECK(ln2.mean_sd == doctest::Approx(ln256.mean_sd).epsilon(0.25));  // depends on C only
    CHECK(ref::thrown_argument([&] { batch_statistics_spread(Kind::batch, Distribution::normal, p, 2, 4, 1); }) ==
          "repeats");
}

TEST_CASE("running statistics approach the population's with momentum 0.1") {
    SampleParams p;
    p.seed = 9;
    p.shift = 5;
    p.scale = 3;
    const auto t = running_statistics_trace(Distribution::normal, p, 64, 4, 60, 0.1);
    CHECK(t.running_mean.size() == 60);
    CHECK(t.running_mean[0] == doctest::Approx(0.1 * t.batch_mean[0]).epsilon(1e-5));
    CHECK(t.running_mean.back() == doctest::Approx(5).epsilon(0.05));  // 1 - 0.9^60 ≈ 0.998
    CHECK(t.running_var.back() == doctest::Approx(9).epsilon(0.15));
    CHECK(t.population_var == 9);
}

TEST_CASE("group moments match describe() of each group, for every kind") {
    SampleParams p;
    p.seed = 12;
    p.shift = 3;
    const Shape s{4, 6, 5};
    const auto x = sample(Distribution::skewed, s.size(), p);
    for (Kind k : {Kind::batch, Kind::layer, Kind::rms, Kind::group, Kind::instance}) {
        CAPTURE(kind_name(k));
        const auto g = group_moments(k, x, s, 3);
        const auto kid = group_ids(k == Kind::rms ? Kind::layer : k, s, 3);
        for (std::size_t grp = 0; grp < g.mean.size(); ++grp) {
            std::vector<float> members;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (kid[i] == static_cast<std::int32_t>(grp)) members.push_back(x[i]);
            const auto d = describe(members);
            CHECK(g.mean[grp] == doctest::Approx(d.mean).epsilon(1e-6));
            CHECK(g.std[grp] == doctest::Approx(d.std).epsilon(1e-5));
            CHECK(g.skewness[grp] == doctest::Approx(d.skewness).epsilon(1e-4));
        }
    }
}

TEST_CASE("running trace validates its shape before allocating (found by fuzzing)") {
    SampleParams p;
    CHECK(ref::thrown_argument(
              [&] { running_statistics_trace(Distribution::normal, p, 0, std::size_t{1} << 40, 5, 0.1); }) == "shape");
}
