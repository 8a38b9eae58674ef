// norm_forward.cpp — statistics of every kind and the forward pass entry; BatchNorm's output here, the other
// kinds' in contiguous_forward.cpp (docs/derivations.md §2, §3). Memory layout is [N][C][L]; for layer, rms,
// group and instance each normalization group is one contiguous run of memory, for batch a channel is N runs
// of L values, C*L apart.
#include <algorithm>

#include "batch_rows.hpp"
#include "contiguous_forward.hpp"
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
        detail::contiguous_forward(kind, input.data(), shape, opts, output.data(), mean.data(), rstd.data());
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
