// describe.cpp — numpy semantics: mean/std (ddof 0) in double, median = mean of the two middle values
// for an even count, numpy.histogram's edges and its bin assignment (including the edge corrections
// numpy applies after the computed index).
#include "normlab/describe.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

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
    // A candidate bin by one multiplication; the edge comparisons below make the result numpy's exactly.
    const double scale = static_cast<double>(bins) / (hi - lo);
    for (float f : v) {
        const double x = f;
        if (x < lo || x > hi) continue;
        auto i = static_cast<std::ptrdiff_t>((x - lo) * scale);
        if (i >= static_cast<std::ptrdiff_t>(bins)) i = static_cast<std::ptrdiff_t>(bins) - 1;
        // The computed index can be off by one next to an edge: compare with the edges themselves.
        if (x < h.edges[i])
            --i;
        else if (i + 1 < static_cast<std::ptrdiff_t>(bins) && x >= h.edges[i + 1])
            ++i;
        ++h.counts[static_cast<std::size_t>(i)];
    }
    return h;
}

struct Extent {
    double lo, hi, sum;
};

// Pass 1: min, max and the sum, with no branch per element so the loop vectorizes; a NaN or an
// infinity anywhere makes the double sum non-finite, which is how it is detected.
Extent extent(std::span<const float> values) {
    float lo_f = values[0], hi_f = values[0];
    double sum = 0;
    for (std::size_t i0 = 0; i0 < values.size(); i0 += 256) {
        float block = 0;
        for (std::size_t i = i0; i < std::min(values.size(), i0 + 256); ++i) {
            const float f = values[i];
            lo_f = f < lo_f ? f : lo_f;
            hi_f = f > hi_f ? f : hi_f;
            block += f;
        }
        sum += block;
        require(std::isfinite(sum), "values", "must contain only finite numbers (no NaN or Infinity)");
    }
    require(std::isfinite(lo_f) && std::isfinite(hi_f), "values",
            "must contain only finite numbers (no NaN or Infinity)");
    return {lo_f, hi_f, sum};
}

struct CentralMoments {
    double mean, m2, m3;  // m2, m3: the mean squared and cubed deviations from the mean
};

// Pass 2: moments about the first estimate sum / n, in float over runs of 16 values (SIMD) folded into
// double: each partial sum carries ~1e-6 relative error, well below what the figures show.
CentralMoments central_moments(std::span<const float> values, double sum) {
    const double n = static_cast<double>(values.size());
    double s1 = 0, m2 = 0, m3 = 0;
    const double guess = sum / n;
    const float guess_f = static_cast<float>(guess);
    constexpr std::size_t kRun = 16;
    std::size_t i = 0;
    for (; i + kRun <= values.size(); i += kRun) {
        float a[kRun], b[kRun], c[kRun];
        for (std::size_t j = 0; j < kRun; ++j) {
            const float d = values[i + j] - guess_f;
            a[j] = d;
            b[j] = d * d;
            c[j] = d * d * d;
        }
        float sa = 0, sb = 0, sc = 0;
        for (std::size_t j = 0; j < kRun; ++j) {
            sa += a[j];
            sb += b[j];
            sc += c[j];
        }
        s1 += sa;
        m2 += sb;
        m3 += sc;
    }
    for (; i < values.size(); ++i) {
        const double d = values[i] - double(guess_f);
        s1 += d;
        m2 += d * d;
        m3 += d * d * d;
    }
    // Correct for the guess's error: exact central moments about the true mean from moments about guess.
    const double delta = s1 / n;
    m2 = m2 / n - delta * delta;
    m3 = m3 / n - 3 * delta * (m2 + delta * delta) + 2 * delta * delta * delta;
    return {double(guess_f) + delta, m2, m3};
}

// numpy.median: the middle value, or the mean of the two middle values for an even count.
double median(std::span<const float> values) {
    std::vector<float> sorted(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid), sorted.end());
    const double upper = sorted[mid];
    if (values.size() % 2 == 1) return upper;
    const double lower = *std::max_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

// The histogram's [lo, hi]: opts' range or the data's, widened like numpy's when it is empty.
std::pair<double, double> histogram_range(double lo, double hi, const DescribeOptions& opts) {
    double rlo = lo, rhi = hi;
    if (opts.has_range) {
        require(std::isfinite(opts.lo) && std::isfinite(opts.hi) && opts.lo <= opts.hi, "range",
                "must be two finite numbers [lo, hi] with lo <= hi");
        rlo = opts.lo;
        rhi = opts.hi;
    }
    if (rlo == rhi) {
        // numpy widens an empty range by 0.5 on each side; far from zero (beyond ~1e13 for 40 bins) a half
        // is too small for doubles to tell the bins apart, so widen by enough ulps for every bin.
        const double half = std::max(0.5, std::abs(rlo) * 0x1p-50 * static_cast<double>(opts.bins));
        rlo -= half;
        rhi += half;
    }
    // Every bin needs a positive, finite width that a double can resolve.
    const double width = rhi - rlo;
    require(std::isfinite(width) && width > 0 && std::isfinite(static_cast<double>(opts.bins) / width) &&
                rlo + width / static_cast<double>(opts.bins) > rlo,
            "range", "is too narrow or too wide to split into " + std::to_string(opts.bins) + " bins");
    return {rlo, rhi};
}

}  // namespace

Summary describe(std::span<const float> values, const DescribeOptions& opts) {
    require(!values.empty(), "values", "must not be empty");
    require(opts.bins >= 1 && opts.bins <= 10000, "bins", "must be an integer in [1, 10000]");
    Summary s;
    s.count = values.size();
    const Extent e = extent(values);
    const CentralMoments m = central_moments(values, e.sum);
    s.mean = m.mean;
    s.min = e.lo;
    s.max = e.hi;
    s.std = std::sqrt(std::max(0.0, m.m2));
    s.skewness = m.m2 > 0 ? m.m3 / (m.m2 * std::sqrt(m.m2)) : std::numeric_limits<double>::quiet_NaN();
    s.median = opts.median ? median(values) : std::numeric_limits<double>::quiet_NaN();
    const auto [rlo, rhi] = histogram_range(e.lo, e.hi, opts);
    s.histogram = histogram(values, opts.bins, rlo, rhi);
    return s;
}

}  // namespace normlab
