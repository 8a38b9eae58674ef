// describe() against values numpy gives (computed by hand from numpy's documented rules).
#include <cmath>
#include <vector>

#include "checks.hpp"
#include "normlab/describe.hpp"

using namespace normlab;

TEST_CASE("describe: mean, population std, min, max, median, skewness") {
    const std::vector<float> x{4, 1, 3, 2};
    const auto s = describe(x);
    CHECK(s.count == 4);
    CHECK(s.mean == 2.5);
    CHECK(s.std == doctest::Approx(std::sqrt(1.25)));  // ddof = 0
    CHECK(s.min == 1);
    CHECK(s.max == 4);
    CHECK(s.median == 2.5);  // even count: mean of the middle two
    CHECK(describe(std::vector<float>{5, 1, 3}).median == 3);
    // deviations -3,-2,-1,6: m2 = 12.5, m3 = 45
    CHECK(describe(std::vector<float>{1, 2, 3, 10}).skewness == doctest::Approx(45 / std::pow(12.5, 1.5)));
    CHECK(std::isnan(describe(std::vector<float>{2, 2}).skewness));
}

TEST_CASE("histogram: numpy.histogram edges and counts") {
    // np.histogram([1,2,3,4], bins=3) -> edges [1,2,3,4], counts [1,1,2]: the last bin is closed
    DescribeOptions o;
    o.bins = 3;
    auto h = describe(std::vector<float>{1, 2, 3, 4}, o).histogram;
    CHECK(h.edges == std::vector<double>{1, 2, 3, 4});
    CHECK(h.counts == std::vector<std::uint32_t>{1, 1, 2});

    // np.histogram(np.linspace(0, 2, 9), bins=8): every value on an edge
    std::vector<float> grid;
    for (int i = 0; i <= 8; ++i) grid.push_back(0.25f * i);
    o.bins = 8;
    h = describe(grid, o).histogram;
    CHECK(h.counts == std::vector<std::uint32_t>{1, 1, 1, 1, 1, 1, 1, 2});

    // constant data: numpy widens the range by 0.5 on each side
    o.bins = 2;
    h = describe(std::vector<float>{5, 5}, o).histogram;
    CHECK(h.edges == std::vector<double>{4.5, 5, 5.5});
    CHECK(h.counts == std::vector<std::uint32_t>{0, 2});

    // an explicit range drops outside values from the histogram only
    o.has_range = true;
    o.lo = 0.5;
    o.hi = 2.5;
    const auto s = describe(std::vector<float>{0, 1, 2, 3}, o);
    CHECK(s.histogram.counts == std::vector<std::uint32_t>{1, 1});
    CHECK(s.count == 4);
    CHECK(describe(std::vector<float>{1, 2}).histogram.counts.size() == 40);  // default bins
}

TEST_CASE("describe errors") {
    CHECK(ref::thrown_argument([] { describe(std::vector<float>{}); }) == "values");
    CHECK(ref::thrown_argument([] { describe(std::vector<float>{1, std::nanf("")}); }) == "values");
    DescribeOptions o;
    o.bins = 0;
    CHECK(ref::thrown_argument([&] { describe(std::vector<float>{1}, o); }) == "bins");
    o.bins = 4;
    o.has_range = true;
    o.lo = 2;
    o.hi = 1;
    CHECK(ref::thrown_argument([&] { describe(std::vector<float>{1}, o); }) == "range");
}

TEST_CASE("describe without the median, and moments of data far from zero") {
    DescribeOptions o;
    o.median = false;
    const auto s = describe(std::vector<float>{1001, 1002, 1003, 1010}, o);
    CHECK(std::isnan(s.median));
    CHECK(s.mean == doctest::Approx(1004));
    CHECK(s.std == doctest::Approx(std::sqrt(12.5)));
    CHECK(s.skewness == doctest::Approx(45 / std::pow(12.5, 1.5)));
    CHECK(ref::thrown_argument([] { describe(std::vector<float>{1, INFINITY}); }) == "values");
}

TEST_CASE("describe: histograms at the edges of double precision (found by fuzzing)") {
    // Constant values beyond 2^53, where +-0.5 does not widen the range: still one full bin.
    const auto big = describe(std::vector<float>{1e16f, 1e16f});
    std::uint32_t total = 0;
    for (auto c : big.histogram.counts) total += c;
    CHECK(total == 2);
    DescribeOptions o;
    o.has_range = true;
    o.lo = 0;
    o.hi = 2e-308;  // bins of this width are not representable
    CHECK(ref::thrown_argument([&] { describe(std::vector<float>{0}, o); }) == "range");
    o.lo = -1e308;
    o.hi = 1e308;  // hi - lo overflows
    CHECK(ref::thrown_argument([&] { describe(std::vector<float>{0}, o); }) == "range");
}
