// describe() against values numpy gives (computed by hand from numpy's documented rules).
#include <cmath>
#include <limits>
#include <vector>

#include "checks.hpp"
#include "normlab/describe.hpp"

using namespace normlab;

namespace {

// The slow truth for numpy.histogram's counts: every value compared, in double, with every edge of
// describe's own edges (values outside [edges[0], edges[bins]] are left out; the last bin holds its hi).
std::vector<std::uint32_t> slow_counts(const std::vector<float>& x, const std::vector<double>& edges) {
    const std::size_t bins = edges.size() - 1;
    std::vector<std::uint32_t> counts(bins, 0);
    for (const float f : x) {
        const double v = f;
        if (v < edges[0] || v > edges[bins]) continue;
        std::size_t b = 0;
        while (b + 1 < bins && v >= edges[b + 1]) ++b;
        ++counts[b];
    }
    return counts;
}

// describe's histogram of x with `bins` bins (and [lo, hi] when lo < hi), checked against slow_counts.
void check_histogram(const std::vector<float>& x, std::size_t bins, double lo = 0, double hi = 0) {
    DescribeOptions o;
    o.bins = bins;
    o.median = false;
    o.has_range = lo < hi;
    o.lo = lo;
    o.hi = hi;
    const Histogram h = describe(x, o).histogram;
    REQUIRE(h.edges.size() == bins + 1);
    CHECK(h.counts == slow_counts(x, h.edges));
}

}  // namespace

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

TEST_CASE("histogram: the exact bin of every value, against a comparison with every edge") {
    // Sizes that leave partial blocks of 256 and groups of 4; data near zero, far from zero, and skewed.
    for (const std::size_t n : {1u, 3u, 255u, 257u, 1000u, 70001u})
        for (const std::size_t bins : {1u, 2u, 7u, 30u, 40u, 1000u}) {
            check_histogram(ref::draw(Distribution::normal, n, n + bins, 0, 1), bins);
            check_histogram(ref::draw(Distribution::skewed, n, n * 3 + bins, 1000, 0.01), bins);
            check_histogram(ref::draw(Distribution::heavy, n, n * 7 + bins, -5, 1e-6), bins);
            check_histogram(ref::draw(Distribution::bimodal, n, n * 5 + bins, 0, 1), bins, -0.5, 0.75);
        }
}

TEST_CASE("histogram edge cases: values on edges, the maximum, constant data, ranges beyond float") {
    // Every value on an edge, with bin widths that are not exact in binary (0.1) and that are (0.25).
    std::vector<float> grid;
    for (int i = 0; i <= 300; ++i) grid.push_back(static_cast<float>(i * 0.1));
    for (const std::size_t bins : {3u, 10u, 30u, 300u}) check_histogram(grid, bins);
    grid.clear();
    for (int i = -64; i <= 64; ++i) grid.push_back(0.25f * static_cast<float>(i));
    for (const std::size_t bins : {1u, 2u, 8u, 128u}) check_histogram(grid, bins);
    // Values one float either side of every edge of [0, 3] in 30 bins.
    std::vector<float> near;
    for (int i = 0; i <= 30; ++i) {
        const float e = static_cast<float>(i * 0.1);
        near.insert(near.end(), {std::nextafter(e, -1.0f), e, std::nextafter(e, 4.0f)});
    }
    check_histogram(near, 30, 0, 3);
    check_histogram(near, 30);
    // The maximum is counted in the last bin, also when it repeats; a range that ends at a value keeps it.
    const std::vector<float> top{0, 1, 1, 1};
    DescribeOptions o;
    o.bins = 4;
    CHECK(describe(top, o).histogram.counts == std::vector<std::uint32_t>{1, 0, 0, 3});
    check_histogram({-1, 0, 0.5f, 1, 2}, 4, 0, 1);
    // Constant data (numpy widens the range by 0.5 each way), near zero, negative and far from zero.
    for (const float c : {0.0f, -3.0f, 1e-30f, 7e6f, 1e16f, -1e36f}) {
        const std::vector<float> same(513, c);
        for (const std::size_t bins : {1u, 2u, 30u}) check_histogram(same, bins);
    }
    // Edges beyond the range of float: every finite value is in or out as double comparisons say.
    const std::vector<float> extreme{-std::numeric_limits<float>::max(), -1, 0, 1, std::numeric_limits<float>::max()};
    check_histogram(extreme, 5, -1e300, 1e300);
    check_histogram(extreme, 3, -1e39, 0);
    check_histogram(extreme, 7, 0, 3.4028235e38);
    check_histogram(extreme, 2);
    // Denormal floats and tiny ranges.
    check_histogram({1e-45f, 2e-45f, 3e-45f, 1e-40f, 0}, 30);
    check_histogram({1.0f, std::nextafter(1.0f, 2.0f), std::nextafter(std::nextafter(1.0f, 2.0f), 2.0f)}, 30);
}

TEST_CASE("histogram: every float of ranges far from zero, either side of the float candidates' bound") {
    // Bins are found in float arithmetic while 2^-22 * bins * (1 + |lo| / width) <= 1/64, else in double
    // (histogram.cpp): 1000 + 0.47 in 30 bins is inside that bound, 1000 + 0.45 outside. Every float of
    // each range, and a few beyond it, lands in numpy's bin.
    for (const double lo : {1000.0, -1000.47})
        for (const double width : {0.45, 0.47, 3.0})
            for (const std::size_t bins : {7u, 30u, 1000u}) {
                std::vector<float> every;
                float f = std::nextafter(static_cast<float>(lo), -INFINITY);
                for (int i = 0; i < 16; ++i) f = std::nextafter(f, -INFINITY);
                const float end = static_cast<float>(lo + width);
                for (; f <= end; f = std::nextafter(f, INFINITY)) every.push_back(f);
                for (int i = 0; i < 16; ++i) every.push_back(f = std::nextafter(f, INFINITY));
                check_histogram(every, bins, lo, lo + width);
                check_histogram(every, bins);
            }
}
