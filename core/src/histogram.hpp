// histogram.hpp — private: the histogram pass of describe().
#pragma once

#include <cstddef>
#include <span>

#include "normlab/describe.hpp"

namespace normlab::detail {

// numpy.histogram of v over [lo, hi] in `bins` bins: edges as numpy.linspace, bins half-open except the last,
// which holds hi; values outside [lo, hi] are left out. min_value and max_value are v's extremes.
Histogram histogram(std::span<const float> v, std::size_t bins, double lo, double hi, double min_value,
                    double max_value);

}  // namespace normlab::detail
