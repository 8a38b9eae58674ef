// norm_forward.cpp — statistics and the forward pass of every kind (docs/derivations.md §2, §3).
// Memory layout is [N][C][L]; for layer, rms, group and instance each normalization group is one
// contiguous run of memory, for batch a channel is N runs of L values, C*L apart.
#include <algorithm>

#include "batch_rows.hpp"
#include "norm_stats.hpp"
#include "normlab/errors.hpp"
#include "stats.hpp"

namespace normlab {

namespace detail {

GroupStats compute_stats(Kind kind, const float* x, Shape s, const NormOptions& opts, std::vector<double>* batch_var) {
    const std::size_t count = stat_count(kind, s, opts.groups);
    GroupStats st{std::vector<double>(count), std::vector<double>(count)};

    if (kind == Kind::batch) {
        if (!opts.training) {
            for (std::size_t c = 0; c < s.c; ++c) {
                st.mean[c] = opts.running_mean[c];
                st.rstd[c] = rstd_of(opts.running_var[c], opts.eps);
            }
            return st;
        }
        // One streaming pass in memory order with one accumulator per channel.
        std::vector<ShiftedSums> sums(s.c);
        std::vector<double> shift(s.c);
        for (std::size_t c = 0; c < s.c; ++c) shift[c] = x[c * s.l];
        if (s.l == 1) {
            std::vector<float> k(shift.begin(), shift.end());
            std::vector<double> sum(s.c, 0.0), sumsq(s.c, 0.0);
            rows_shifted_sums(x, s.n, s.c, k.data(), sum.data(), sumsq.data());
            for (std::size_t c = 0; c < s.c; ++c) sums[c] = {sum[c], sumsq[c]};
        } else {
            for (std::size_t n = 0; n < s.n; ++n)
                for (std::size_t c = 0; c < s.c; ++c)
                    accumulate_shifted(x + (n * s.c + c) * s.l, s.l, shift[c], sums[c]);
        }
        const double m = static_cast<double>(s.n * s.l);
        if (batch_var) batch_var->resize(s.c);
        for (std::size_t c = 0; c < s.c; ++c) {
            const Moments mo = moments(sums[c], shift[c], m);
            st.mean[c] = mo.mean;
            st.rstd[c] = rstd_of(mo.var, opts.eps);
            if (batch_var) (*batch_var)[c] = mo.var;
        }
        return st;
    }

    const std::size_t m = group_size(kind, s, opts.groups);
    for (std::size_t g = 0; g < count; ++g) {
        const GroupStat gs = contiguous_stat(kind, x + g * m, m, opts.eps);
        st.mean[g] = gs.mean;
        st.rstd[g] = gs.rstd;
    }
    return st;
}

}  // namespace detail

namespace {

using detail::SplitMean;

float param_or(std::span<const float> p, std::size_t i, float fallback) { return p.empty() ? fallback : p[i]; }

void batch_output(const float* x, Shape s, const detail::GroupStats& st, const NormOptions& o, float* y) {
    // Per-channel constants once: y = (x - hi) * scale + shift, where hi is the mean rounded to float
    // (so x - hi is exact near the mean) and shift = beta - lo * scale carries the rounding remainder lo.
    std::vector<float> hi(s.c), scale(s.c), shift(s.c);
    for (std::size_t c = 0; c < s.c; ++c) {
        const SplitMean sm(st.mean[c]);
        const double sc = static_cast<float>(st.rstd[c] * param_or(o.gamma, c, 1.0f));
        hi[c] = sm.hi;
        scale[c] = static_cast<float>(sc);
        shift[c] = static_cast<float>(param_or(o.beta, c, 0.0f) - double(sm.lo) * sc);
    }
    if (s.l == 1) {
        detail::rows_apply(x, y, s.n, s.c, hi.data(), scale.data(), shift.data());
        return;
    }
    for (std::size_t n = 0; n < s.n; ++n)
        for (std::size_t c = 0; c < s.c; ++c) {
            const float h = hi[c], sc = scale[c], sh = shift[c];
            const float* xc = x + (n * s.c + c) * s.l;
            float* yc = y + (n * s.c + c) * s.l;
            for (std::size_t i = 0; i < s.l; ++i) yc[i] = (xc[i] - h) * sc + sh;
        }
}

// y = ((x - hi) - lo)·(r·γ) + β over one run of n values with γ, β per element (SplitMean::center lane by
// lane); a missing γ is 1 and a missing β 0, with the same arithmetic as when they are given. One loop per
// combination of parameters (no test per element).
void normalize_run(const float* x, float* y, std::size_t n, SplitMean sm, float r, const float* gm, const float* bt) {
    using detail::load_as, detail::splat_as;
    auto centre = [hi = sm.hi, lo = sm.lo](auto v) {
        using T = decltype(v);
        return (v - splat_as<T>(hi)) - splat_as<T>(lo);
    };
    if (!gm && !bt) {
        detail::map4(x, y, n, [=](auto v, std::size_t) { return centre(v) * splat_as<decltype(v)>(r); });
    } else if (gm && bt) {
        detail::map4(x, y, n, [=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * load_as<T>(gm + j)) + load_as<T>(bt + j);
        });
    } else if (gm) {
        detail::map4(x, y, n, [=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * load_as<T>(gm + j)) + splat_as<T>(0.0f);
        });
    } else {
        detail::map4(x, y, n, [=](auto v, std::size_t j) {
            using T = decltype(v);
            return centre(v) * (splat_as<T>(r) * splat_as<T>(1.0f)) + load_as<T>(bt + j);
        });
    }
}

// Normalizes group g of a contiguous kind (x[g*m .. (g+1)*m), m = group size) from its statistics.
void normalize_group(Kind kind, const float* x, Shape s, const NormOptions& o, std::size_t m, std::size_t g,
                     detail::GroupStat st, float* y) {
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
    const std::size_t first = detail::first_channel(s, channels_per_group, g);
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

// layer, rms, group, instance: groups are taken in chunks of at most 16 KB, the statistics of a whole chunk
// and then its output, so the second read comes from L1 and costs no memory traffic. Statistics are taken
// two groups at a time: a short group alone is one chain of dependent adds.
void contiguous_forward(Kind kind, const float* x, Shape s, const NormOptions& o, float* y, float* mean, float* rstd) {
    constexpr std::size_t kChunkFloats = 4096, kMaxChunk = 64;
    const std::size_t m = group_size(kind, s, o.groups);
    const std::size_t count = stat_count(kind, s, o.groups);
    const std::size_t chunk = std::clamp<std::size_t>(kChunkFloats / m, 2, kMaxChunk);
    detail::GroupStat st[kMaxChunk];
    for (std::size_t g0 = 0; g0 < count; g0 += chunk) {
        const std::size_t g1 = std::min(count, g0 + chunk);
        std::size_t g = g0;
        for (; g + 2 <= g1; g += 2)
            detail::contiguous_stat2(kind, x + g * m, x + (g + 1) * m, m, o.eps, st[g - g0], st[g + 1 - g0]);
        if (g < g1) st[g - g0] = detail::contiguous_stat(kind, x + g * m, m, o.eps);
        for (g = g0; g < g1; ++g) {
            mean[g] = static_cast<float>(st[g - g0].mean);
            rstd[g] = static_cast<float>(st[g - g0].rstd);
            normalize_group(kind, x, s, o, m, g, st[g - g0], y);
        }
    }
}

void update_running(Shape s, const detail::GroupStats& st, const std::vector<double>& batch_var, const NormOptions& o) {
    const double m = static_cast<double>(s.n * s.l);
    const double unbias = m / (m - 1);  // PyTorch stores the unbiased variance (derivations §3)
    for (std::size_t c = 0; c < s.c; ++c) {
        o.running_mean[c] = static_cast<float>((1 - o.momentum) * o.running_mean[c] + o.momentum * st.mean[c]);
        o.running_var[c] = static_cast<float>((1 - o.momentum) * o.running_var[c] + o.momentum * batch_var[c] * unbias);
    }
}

}  // namespace

void normalize_into(Kind kind, std::span<const float> input, Shape shape, const NormOptions& opts,
                    std::span<float> output, std::span<float> mean, std::span<float> rstd) {
    validate(kind, input.size(), shape, opts);
    const std::size_t count = stat_count(kind, shape, opts.groups);
    require(output.size() == shape.size(), "output", "buffer length must be N*C*L");
    require(mean.size() == count && rstd.size() == count, "mean", "buffer length must be the statistics count");

    if (kind != Kind::batch) {
        contiguous_forward(kind, input.data(), shape, opts, output.data(), mean.data(), rstd.data());
        return;
    }
    std::vector<double> batch_var;
    const bool track = opts.training && !opts.running_mean.empty();
    const detail::GroupStats st = detail::compute_stats(kind, input.data(), shape, opts, track ? &batch_var : nullptr);
    batch_output(input.data(), shape, st, opts, output.data());
    for (std::size_t g = 0; g < count; ++g) {
        mean[g] = static_cast<float>(st.mean[g]);
        rstd[g] = static_cast<float>(st.rstd[g]);
    }
    if (track) update_running(shape, st, batch_var, opts);
}

NormResult normalize(Kind kind, std::span<const float> input, Shape shape, const NormOptions& opts) {
    validate(kind, input.size(), shape, opts);
    const std::size_t count = stat_count(kind, shape, opts.groups);
    NormResult r{std::vector<float>(shape.size()), std::vector<float>(count), std::vector<float>(count)};
    normalize_into(kind, input, shape, opts, r.output, r.mean, r.rstd);
    return r;
}

}  // namespace normlab
