// contiguous_forward.cpp — layer, rms, group and instance forward: group g is x[g*m .. (g+1)*m), and each
// group is normalized right after its statistics, while it is still in cache, so the input crosses the
// memory bus once instead of twice. Element-wise work is explicit f32x4 (simd.hpp).
#include "contiguous_forward.hpp"

#include <algorithm>

#include "norm_stats.hpp"
#include "simd.hpp"
#include "stats.hpp"

namespace normlab::detail {

namespace {

// Calls use(f) with the element formula of a run with per-element γ, β: f(v, j) = ((v - hi) - lo)·(r·γ[j]) +
// β[j] for T = f32x4 (elements j..j+3) or float (SplitMean::center lane by lane). A missing γ is 1 and a
// missing β 0, with the same arithmetic as when they are given; one formula per combination of parameters,
// so no loop tests per element.
template <class Use>
void with_formula(SplitMean sm, float r, const float* gm, const float* bt, Use use) {
    auto centre = [hi = sm.hi, lo = sm.lo](auto v) {
        using T = decltype(v);
        return (v - splat_as<T>(hi)) - splat_as<T>(lo);
    };
    if (!gm && !bt) {
        use([=](auto v, std::size_t) { return centre(v) * splat_as<decltype(v)>(r); });
    } else if (gm && bt) {
        use([=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * load_as<T>(gm + j)) + load_as<T>(bt + j);
        });
    } else if (gm) {
        use([=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * load_as<T>(gm + j)) + splat_as<T>(0.0f);
        });
    } else {
        use([=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * splat_as<T>(1.0f)) + load_as<T>(bt + j);
        });
    }
}

void normalize_run(const float* x, float* y, std::size_t n, SplitMean sm, float r, const float* gm, const float* bt) {
    with_formula(sm, r, gm, bt, [&](auto f) { map4(x, y, n, f); });
}

float param_or(std::span<const float> p, std::size_t i, float fallback) { return p.empty() ? fallback : p[i]; }

// Normalizes group g (m values) from its statistics.
void normalize_group(Kind kind, const float* x, Shape s, const NormOptions& o, std::size_t m, std::size_t g,
                     GroupStat st, float* y) {
    const float* xg = x + g * m;
    float* yg = y + g * m;
    const SplitMean sm(st.mean);
    const float r = static_cast<float>(st.rstd);
    const float* gm = o.gamma.empty() ? nullptr : o.gamma.data();
    const float* bt = o.beta.empty() ? nullptr : o.beta.data();
    // layer/rms: gamma/beta index = position within the sample, which is the position within the group.
    if (per_element_params(kind) || (!gm && !bt)) return normalize_run(xg, yg, m, sm, r, gm, bt);
    // group/instance: per-channel affine; the group's first channel follows from its index.
    const std::size_t channels_per_group = m / s.l;
    const std::size_t first = first_channel(s, channels_per_group, g);
    // One value per channel: the per-element loop over this group's slice of gamma/beta.
    if (s.l == 1) return normalize_run(xg, yg, m, sm, r, gm ? gm + first : nullptr, bt ? bt + first : nullptr);
    for (std::size_t k = 0; k < channels_per_group; ++k) {
        const std::size_t c = first + k;
        const float sc = r * param_or(o.gamma, c, 1.0f), sh = param_or(o.beta, c, 0.0f);
        const float* xc = xg + k * s.l;
        float* yc = yg + k * s.l;
        for (std::size_t i = 0; i < s.l; ++i) yc[i] = sm.center(xc[i]) * sc + sh;
    }
}

// Short groups: chunks of at most 16 KB, the statistics of the whole chunk (two groups side by side: a
// short group alone is one chain of dependent adds) and then its output, read again from L1.
void chunked_forward(Kind kind, const float* x, Shape s, const NormOptions& o, std::size_t m, std::size_t count,
                     float* y, float* mean, float* rstd) {
    constexpr std::size_t kChunkFloats = 4096, kMaxChunk = 64;
    const std::size_t chunk = std::clamp<std::size_t>(kChunkFloats / m, 2, kMaxChunk);
    GroupStat st[kMaxChunk];
    for (std::size_t g0 = 0; g0 < count; g0 += chunk) {
        const std::size_t g1 = std::min(count, g0 + chunk);
        std::size_t g = g0;
        for (; g + 2 <= g1; g += 2)
            contiguous_stat2(kind, x + g * m, x + (g + 1) * m, m, o.eps, st[g - g0], st[g + 1 - g0]);
        if (g < g1) st[g - g0] = contiguous_stat(kind, x + g * m, m, o.eps);
        for (g = g0; g < g1; ++g) {
            mean[g] = static_cast<float>(st[g - g0].mean);
            rstd[g] = static_cast<float>(st[g - g0].rstd);
            normalize_group(kind, x, s, o, m, g, st[g - g0], y);
        }
    }
}

// accumulate_shifted(xs, m, k, s) for m a multiple of 8 (block by block, no remainder), while writing
// ya[j] = f(xa[j], j) for j < m, eight elements per step of the sums.
template <class F>
void accumulate_shifted_writing(const float* xs, std::size_t m, double k, ShiftedSums& s, const float* xa, float* ya,
                                F f) {
    const f32x4 kv = splat4(static_cast<float>(k));
    for (std::size_t b = 0; b < m; b += kSumBlock) {
        const std::size_t n = std::min(kSumBlock, m - b);
        LaneSums lanes;
        for (std::size_t i = b; i < b + n; i += 8) {
            lanes.add8(xs + i, kv);
            store4(ya + i, f(load4(xa + i), i));
            store4(ya + i + 4, f(load4(xa + i + 4), i + 4));
        }
        finish_block(lanes, xs + b, n, k, s);
    }
}

// Long groups (layer, or group/instance without γ, β; m ≥ 256, a multiple of 8; not rms): one loop sums
// group g and writes group g - 1's output. In two phases the sums' adds wait on nothing but the adder and
// the output's loads and stores wait on memory; together, each fills the other's idle time.
void pipelined_forward(Kind kind, const float* x, std::size_t m, std::size_t count, const NormOptions& o, float* y,
                       float* mean, float* rstd) {
    const float* gm = o.gamma.empty() ? nullptr : o.gamma.data();
    const float* bt = o.beta.empty() ? nullptr : o.beta.data();
    GroupStat prev = contiguous_stat(kind, x, m, o.eps);
    for (std::size_t g = 1;; ++g) {
        mean[g - 1] = static_cast<float>(prev.mean);
        rstd[g - 1] = static_cast<float>(prev.rstd);
        const SplitMean sm(prev.mean);
        const float r = static_cast<float>(prev.rstd);
        const float* xa = x + (g - 1) * m;
        float* ya = y + (g - 1) * m;
        if (g == count) return normalize_run(xa, ya, m, sm, r, gm, bt);
        const float* xs = x + g * m;
        ShiftedSums sums;
        with_formula(sm, r, gm, bt, [&](auto f) { accumulate_shifted_writing(xs, m, xs[0], sums, xa, ya, f); });
        const Moments mo = moments(sums, xs[0], static_cast<double>(m));
        prev = {mo.mean, rstd_of(mo.var, o.eps)};
    }
}

}  // namespace

void contiguous_forward(Kind kind, const float* x, Shape s, const NormOptions& o, float* y, float* mean, float* rstd) {
    const std::size_t m = group_size(kind, s, o.groups);
    const std::size_t count = stat_count(kind, s, o.groups);
    const bool per_element_or_none = per_element_params(kind) || (o.gamma.empty() && o.beta.empty());
    if (kind != Kind::rms && m >= kSumBlock && m % 8 == 0 && per_element_or_none)
        pipelined_forward(kind, x, m, count, o, y, mean, rstd);
    else
        chunked_forward(kind, x, s, o, m, count, y, mean, rstd);
}

}  // namespace normlab::detail
