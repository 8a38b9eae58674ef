// histogram.cpp — numpy.histogram's counts over millions of floats, exactly numpy's bin of every value:
// candidate bins by one multiplication in SIMD loops, then, only where a candidate can be one off, one
// comparison with each of its edges.
#include "histogram.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace normlab::detail {

namespace {

// The smallest float >= e and the largest float <= e (±infinity beyond float's range): for a float x,
// x >= e exactly when x >= float_at_or_above(e), and x <= e exactly when x <= float_at_or_below(e).
float float_at_or_above(double e) {
    if (e > std::numeric_limits<float>::max()) return std::numeric_limits<float>::infinity();
    if (e < -std::numeric_limits<float>::max()) return -std::numeric_limits<float>::max();
    const float f = static_cast<float>(e);
    return static_cast<double>(f) < e ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}
float float_at_or_below(double e) { return -float_at_or_above(-e); }

// Candidate bins of x[0..len) (len <= kBinBlock) by one multiplication, in loops without branches that
// compile to SIMD. Each returns how many of its candidates can be one off, next to an edge: when none
// is, the candidates are numpy's bins and count_block() skips the comparisons with the edges.
constexpr std::size_t kBinBlock = 256;
[[gnu::noinline]] std::size_t candidate_bins(const float* x, std::size_t len, double lo, double scale, double last,
                                             std::int32_t* bin) {
    for (std::size_t j = 0; j < len; ++j) {
        double t = (static_cast<double>(x[j]) - lo) * scale;
        t = t < 0 ? 0 : t;
        t = t > last ? last : t;
        // floor(t) + 2^52 holds floor(t) in its low mantissa bits: an integer without a float-to-int
        // conversion, which WebAssembly cannot do in SIMD lanes without trapping checks.
        const double shifted = std::floor(t) + 0x1p52;
        std::uint64_t bits;
        std::memcpy(&bits, &shifted, sizeof bits);
        bin[j] = static_cast<std::int32_t>(bits & 0xffffffffu);
    }
    return len;
}

// The same in float (f32x4), where t is within `margin` of the exact (x - lo) * bins / (hi - lo) and each
// edge within `margin` of its integer: a t whose fractional part is 2 * margin or more from 0 and 1 lies
// inside its bin. `top` is the largest float below bins.
[[gnu::noinline]] std::size_t candidate_bins_f32(const float* x, std::size_t len, float lo, float scale, float top,
                                                 float margin, std::int32_t* bin) {
    std::size_t near = 0;
    for (std::size_t j = 0; j < len; ++j) {
        float t = (x[j] - lo) * scale;
        t = t < 0 ? 0 : t;
        t = t > top ? top : t;
        const float whole = std::floor(t);
        const float frac = t - whole;  // exact: whole <= t < 2 * whole, or whole == 0
        const float shifted = whole + 0x1p23f;
        std::uint32_t bits;
        std::memcpy(&bits, &shifted, sizeof bits);
        bin[j] = static_cast<std::int32_t>(bits & 0x7fffffu);
        near += frac < 2 * margin || frac > 1 - 2 * margin;
    }
    return near;
}

// The bound on |t - exact t| for float arithmetic over [lo, hi] in `bins` bins, or 0 where it does not
// apply. Rounding x - lo, the scale and the product moves t <= bins by at most 3 * 2^-24 * bins, rounding
// lo by 2^-24 * |lo| * scale, and the double edges sit within ~2^-50 of the same from their integers:
// 2^-22 * bins * (1 + |lo| / (hi - lo)) covers all three. Beyond 2^100 (the float products could
// overflow) or for a margin over 1/64 (too many values near an edge) the double loop is used.
double float_margin(std::size_t bins, double lo, double hi) {
    const double width = hi - lo, scale = static_cast<double>(bins) / width;
    if (!(std::abs(lo) <= 0x1p100 && std::abs(hi) <= 0x1p100 && scale <= 0x1p100)) return 0;
    const double margin = 0x1p-22 * static_cast<double>(bins) * (1 + std::abs(lo) / width);
    return margin <= 0x1p-6 ? margin : 0;
}

// Counts x[0..len) into four partial histograms (one per element of each group of four: concentrated data
// would otherwise wait on the same counter's previous increment). With `corrected`, above[b] is the float
// form of edge b (above[0] = -inf, above[bins] = +inf): one comparison each way makes each candidate numpy's
// exact bin, the b with edge_b <= x < edge_b+1. With `checked`, values outside [lo, hi] are left out.
template <bool checked, bool corrected>
void count_block(const float* x, std::size_t len, const std::int32_t* bin, const float* above, float lo, float hi,
                 std::size_t bins, std::uint32_t* part) {
    auto exact = [&](float v, std::int32_t c) {
        if constexpr (corrected) return c - (v < above[c]) + (v >= above[c + 1]);
        return c;
    };
    std::size_t j = 0;
    if constexpr (!checked)
        for (; j + 4 <= len; j += 4)
            for (std::size_t p = 0; p < 4; ++p) ++part[p * bins + exact(x[j + p], bin[j + p])];
    for (; j < len; ++j)
        if (!checked || (x[j] >= lo && x[j] <= hi)) ++part[exact(x[j], bin[j])];
}

}  // namespace

Histogram histogram(std::span<const float> v, std::size_t bins, double lo, double hi, double min_value,
                    double max_value) {
    Histogram h;
    h.edges.resize(bins + 1);
    // numpy.linspace: lo + i * step, with the last edge exactly hi.
    const double step = (hi - lo) / static_cast<double>(bins);
    for (std::size_t i = 0; i <= bins; ++i) h.edges[i] = lo + static_cast<double>(i) * step;
    h.edges[bins] = hi;
    h.counts.assign(bins, 0);
    const bool inside = lo <= min_value && max_value <= hi;  // every value is inside: no range check per value
    if (bins == 1 && inside) {
        h.counts[0] = static_cast<std::uint32_t>(v.size());  // one closed bin around all the data holds all of it
        return h;
    }
    std::vector<float> above(bins + 1);
    above[0] = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 1; i < bins; ++i) above[i] = float_at_or_above(h.edges[i]);
    above[bins] = std::numeric_limits<float>::infinity();
    const float lo_f = float_at_or_above(lo), hi_f = float_at_or_below(hi);
    const double scale = static_cast<double>(bins) / (hi - lo);
    const double last = static_cast<double>(bins - 1);
    const double margin = float_margin(bins, lo, hi);
    const float top = std::nextafter(static_cast<float>(bins), 0.0f);
    std::vector<std::uint32_t> part(4 * bins, 0);
    std::int32_t bin[kBinBlock];
    for (std::size_t k = 0; k < v.size(); k += kBinBlock) {
        const std::size_t len = std::min(kBinBlock, v.size() - k);
        const float* x = v.data() + k;
        const std::size_t near = margin > 0
                                     ? candidate_bins_f32(x, len, static_cast<float>(lo), static_cast<float>(scale),
                                                          top, static_cast<float>(margin), bin)
                                     : candidate_bins(x, len, lo, scale, last, bin);
        const auto count = inside ? (near ? count_block<false, true> : count_block<false, false>)
                                  : (near ? count_block<true, true> : count_block<true, false>);
        count(x, len, bin, above.data(), lo_f, hi_f, bins, part.data());
    }
    for (std::size_t p = 0; p < 4; ++p)
        for (std::size_t b = 0; b < bins; ++b) h.counts[b] += part[p * bins + b];
    return h;
}

}  // namespace normlab::detail
