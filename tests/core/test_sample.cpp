// Samplers: deterministic per seed, standardized moments, and the shapes they promise.
#include <cmath>

#include "checks.hpp"
#include "normlab/describe.hpp"
#include "normlab/random.hpp"
#include "normlab/sample.hpp"

using namespace normlab;

TEST_CASE("same seed, same stream; another seed, another stream") {
    SampleParams a;
    a.seed = 42;
    SampleParams b = a;
    b.seed = 43;
    for (auto d : {Distribution::normal, Distribution::uniform, Distribution::skewed, Distribution::bimodal,
                   Distribution::heavy}) {
        CHECK(sample(d, 500, a) == sample(d, 500, a));
        CHECK(sample(d, 500, a) != sample(d, 500, b));
    }
}

TEST_CASE("every distribution has mean = shift and std = scale (finite variance)") {
    SampleParams p;
    p.seed = 3;
    p.shift = -2;
    p.scale = 0.5;
    p.df = 5;
    for (auto d : {Distribution::normal, Distribution::uniform, Distribution::skewed, Distribution::bimodal,
                   Distribution::heavy}) {
        const auto s = describe(sample(d, 200000, p));
        CHECK(s.mean == doctest::Approx(-2).epsilon(0.01));
        CHECK(s.std == doctest::Approx(0.5).epsilon(0.03));
    }
}

TEST_CASE("shapes: skewed is right-skewed, uniform is bounded, bimodal has two modes") {
    SampleParams p;
    p.seed = 4;
    const auto skew = describe(sample(Distribution::skewed, 100000, p));
    CHECK(skew.skewness == doctest::Approx(2 / std::sqrt(2.0)).epsilon(0.1));  // Gamma(2): 2/√k
    const auto uni = describe(sample(Distribution::uniform, 100000, p));
    CHECK(uni.min >= -std::sqrt(3.0));
    CHECK(uni.max <= std::sqrt(3.0));
    const auto bi = describe(sample(Distribution::bimodal, 100000, p));
    // The centre bin of a well-separated mixture is nearly empty compared with the modes.
    const auto& c = bi.histogram.counts;
    CHECK(c[c.size() / 2] * 2 < *std::max_element(c.begin(), c.end()));  // density ratio ≈ 0.27 at separation 4
}

TEST_CASE("Rng::below is in range and unbiased enough; Rng::normal has unit variance") {
    Rng r(7);
    std::vector<int> hits(3, 0);
    for (int i = 0; i < 30000; ++i) ++hits[r.below(3)];
    for (int h : hits) CHECK(h == doctest::Approx(10000).epsilon(0.05));
    double q = 0;
    for (int i = 0; i < 100000; ++i) {
        const double z = r.normal();
        q += z * z;
    }
    CHECK(q / 100000 == doctest::Approx(1).epsilon(0.02));
}

TEST_CASE("sampler errors name the parameter") {
    SampleParams p;
    CHECK(ref::thrown_argument([] { parse_distribution("gaussian"); }) == "distribution");
    CHECK(ref::thrown_argument([&] { sample(Distribution::normal, 0, p); }) == "count");
    p.scale = -1;
    CHECK(ref::thrown_argument([&] { sample(Distribution::normal, 3, p); }) == "scale");
    p.scale = 1;
    p.df = 0;
    CHECK(ref::thrown_argument([&] { sample(Distribution::heavy, 3, p); }) == "df");
    p.weight = 2;
    CHECK(ref::thrown_argument([&] { sample(Distribution::bimodal, 3, p); }) == "weight");
}
