// describe.cpp — numpy semantics: mean/std (ddof 0) in double, median = mean of the two middle values
// for an even count, numpy.histogram's edges and its bin assignment (including the edge corrections
// numpy applies after the computed index).
#include "normlab/describe.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "normlab/errors.hpp"

namespace normlab {

namespace {

Histogram histogram(std::span<const float> v, std::size_t bins, double lo, double hi) {
    Histogram h;
    h.edges.resize(bins + 1);
    // numpy.linspace: lo + i * step, with the last edge exactly hi.
    const double step = (hi - lo) / static_cast<double>(bins);
    for (std::size_t i = 0; i <= bins; ++i) h.edges[i] = lo + static_cast<double>(i) * step;
    h.edges[bins] = hi;
    h.counts.assign(bins, 0);
    const double width = hi - lo, nb = static_cast<double>(bins);
    for (float f : v) {
        const double x = f;
        if (x < lo || x > hi) continue;
        auto i = static_cast<std::ptrdiff_t>((x - lo) / width * nb);  // numpy's order of operations
        if (i >= static_cast<std::ptrdiff_t>(bins)) i = static_cast<std::ptrdiff_t>(bins) - 1;
        // The computed index can be off by one next to an edge: compare with the edges themselves.
        if (x < h.edges[i]) --i;
        else if (i + 1 < static_cast<std::ptrdiff_t>(bins) && x >= h.edges[i + 1]) ++i;
        ++h.counts[static_cast<std::size_t>(i)];
    }
    return h;
}

}  // namespace

Summary describe(std::span<const float> values, const DescribeOptions& opts) {
    require(!values.empty(), "values", "must not be empty");
    require(opts.bins >= 1 && opts.bins <= 10000, "bins", "must be an integer in [1, 10000]");
    Summary s;
    s.count = values.size();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, sum = 0;
    for (float f : values) {
        require(std::isfinite(f), "values", "must contain only finite numbers (no NaN or Infinity)");
        lo = std::min(lo, double(f));
        hi = std::max(hi, double(f));
        sum += f;
    }
    const double n = static_cast<double>(s.count);
    s.mean = sum / n;
    s.min = lo;
    s.max = hi;
    double m2 = 0, m3 = 0;
    for (float f : values) {
        const double d = f - s.mean;
        m2 += d * d;
        m3 += d * d * d;
    }
    m2 /= n;
    m3 /= n;
    s.std = std::sqrt(m2);
    s.skewness = m2 > 0 ? m3 / (m2 * std::sqrt(m2)) : std::numeric_limits<double>::quiet_NaN();

    std::vector<float> sorted(values.begin(), values.end());
    const std::size_t mid = s.count / 2;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid), sorted.end());
    const double upper = sorted[mid];
    if (s.count % 2 == 1) {
        s.median = upper;
    } else {
        const double lower = *std::max_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid));
        s.median = (lower + upper) / 2;
    }

    double rlo = lo, rhi = hi;
    if (opts.has_range) {
        require(std::isfinite(opts.lo) && std::isfinite(opts.hi) && opts.lo <= opts.hi, "range",
                "must be two finite numbers [lo, hi] with lo <= hi");
        rlo = opts.lo;
        rhi = opts.hi;
    }
    if (rlo == rhi) {  // numpy widens an empty range by 0.5 on each side
        rlo -= 0.5;
        rhi += 0.5;
    }
    s.histogram = histogram(values, opts.bins, rlo, rhi);
    return s;
}

}  // namespace normlab
