// describe.hpp — summary statistics and histograms with numpy's semantics, for the figures.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace normlab {

struct Histogram {
    std::vector<double> edges;          // bins + 1 edges, numpy.linspace(lo, hi, bins + 1)
    std::vector<std::uint32_t> counts;  // values in [edge_i, edge_i+1); the last bin also holds hi
};

struct Summary {
    std::size_t count = 0;
    double mean = 0, std = 0;  // population std (numpy's default ddof = 0)
    double min = 0, max = 0, median = 0;
    double skewness = 0;  // Fisher-Pearson g1 = m3 / m2^1.5 (scipy.stats.skew); NaN when std is 0
    Histogram histogram;
};

struct DescribeOptions {
    std::size_t bins = 40;
    bool has_range = false;  // false: the data's [min, max] (widened by 0.5 each way when min == max)
    double lo = 0, hi = 0;   // with has_range: values outside [lo, hi] are left out of the histogram only
    bool median = true;      // false: skip the median (NaN), the one statistic that needs a partial sort
};

// Throws invalid_argument for empty or non-finite values, bins outside [1, 10000], or a bad range.
Summary describe(std::span<const float> values, const DescribeOptions& opts = {});

}  // namespace normlab
