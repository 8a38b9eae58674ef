// norm_backward.cpp — gradients of the forward pass, as torch.autograd gives them (docs/derivations.md §4).
// With x̂ = (x - μ)·r and ĝ = g·γ over one group of M elements:
//   BN/LN/GN/IN:  dx = r · (ĝ - mean(ĝ) - x̂ · mean(ĝ·x̂))
//   RMSNorm:      dx = r · (ĝ - x̂ · mean(ĝ·x̂))          (x̂ = x·r, no centring)
//   BN eval:      dx = g · γ · r                           (statistics are constants)
//   dγ = Σ g·x̂ and dβ = Σ g over the elements that use each parameter.
// Every kernel takes the same three steps: the reductions Σĝ and Σĝ·x̂ per group, the constants per group
// from them, then one element-wise pass. Element-wise work is in float (SIMD); every sum is folded into
// double, as in stats.hpp.
#include <algorithm>
#include <string>
#include <vector>

#include "batch_rows.hpp"
#include "norm_stats.hpp"
#include "normlab/errors.hpp"
#include "stats.hpp"

namespace normlab {

namespace {

using detail::SplitMean;

float param_or(std::span<const float> p, std::size_t i) { return p.empty() ? 1.0f : p[i]; }

struct ParamGrads {
    std::vector<double> gamma, beta;  // accumulated in double, written once at the end
    explicit ParamGrads(std::size_t n) : gamma(n, 0.0), beta(n, 0.0) {}
};

// x̂ for one element: the mean split as in the forward pass keeps (x - μ) exact near μ.
struct Centre {
    float hi, lo, r;
    Centre(double mean, double rstd) : hi(SplitMean(mean).hi), lo(SplitMean(mean).lo), r(static_cast<float>(rstd)) {}
    float xhat(float x) const { return ((x - hi) - lo) * r; }
};

// BatchNorm's per-channel constants as plain arrays, so that loops across channels (L = 1) vectorize.
struct ChannelConstants {
    std::vector<float> hi, lo, r;        // x̂ = ((x - hi) - lo)·r, centred as in the forward pass
    std::vector<float> scale;            // γ·r
    std::vector<float> mean_g, mean_gx;  // Σg/M and Σg·x̂/M; 0 in eval, where the statistics are constants
    ChannelConstants(const detail::GroupStats& st, std::size_t channels)
        : hi(channels), lo(channels), r(channels), scale(channels), mean_g(channels), mean_gx(channels) {
        for (std::size_t c = 0; c < channels; ++c) {
            const Centre k(st.mean[c], st.rstd[c]);
            hi[c] = k.hi;
            lo[c] = k.lo;
            r[c] = k.r;
        }
    }
};

// Σg and Σg·x̂ per channel when L > 1, where (n, c) is a run of L values: float sums per block of 64 rows
// folded into double, the blocking of rows_grad_sums.
void runs_grad_sums(const float* x, const float* g, Shape s, const ChannelConstants& k, double* sum_g, double* sum_gx) {
    constexpr std::size_t kRows = 64;
    const std::size_t stride = s.c * s.l;
    std::vector<float> sg(s.c), sgx(s.c);
    for (std::size_t n0 = 0; n0 < s.n; n0 += kRows) {
        std::fill(sg.begin(), sg.end(), 0.0f);
        std::fill(sgx.begin(), sgx.end(), 0.0f);
        const std::size_t n1 = std::min(s.n, n0 + kRows);
        for (std::size_t n = n0; n < n1; ++n) {
            const float* xr = x + n * stride;
            const float* gr = g + n * stride;
            for (std::size_t c = 0; c < s.c; ++c) {
                const float h = k.hi[c], l = k.lo[c], rc = k.r[c];
                float a = 0, b = 0;
                for (std::size_t i = c * s.l; i < (c + 1) * s.l; ++i) {
                    a += gr[i];
                    b += gr[i] * (((xr[i] - h) - l) * rc);
                }
                sg[c] += a;
                sgx[c] += b;
            }
        }
        for (std::size_t c = 0; c < s.c; ++c) {
            sum_g[c] += sg[c];
            sum_gx[c] += sgx[c];
        }
    }
}

// L = 1: the sum regrouped per channel as dx = scale·g + k1·(x - hi) + k0 (docs/derivations.md §4.3), four
// constants per element; x - hi stays exact near the mean, so inputs like mean 1000 / std 0.01 are safe.
void rows_apply(const float* x, const float* g, Shape s, const ChannelConstants& k, float* dx) {
    std::vector<float> k1(s.c), k0(s.c);
    for (std::size_t c = 0; c < s.c; ++c) {
        const double rm = double(k.r[c]) * k.mean_gx[c];
        k1[c] = static_cast<float>(-double(k.scale[c]) * rm);
        k0[c] = static_cast<float>(double(k.scale[c]) * (rm * k.lo[c] - k.mean_g[c]));
    }
    detail::rows_grad_apply(x, g, dx, s.n, s.c, k.scale.data(), k1.data(), k.hi.data(), k0.data());
}

// L > 1: the formula as written, one channel's constants over each run of L values.
void runs_apply(const float* x, const float* g, Shape s, const ChannelConstants& k, float* dx) {
    const std::size_t stride = s.c * s.l;
    for (std::size_t n = 0; n < s.n; ++n) {
        const float* xr = x + n * stride;
        const float* gr = g + n * stride;
        float* dr = dx + n * stride;
        for (std::size_t c = 0; c < s.c; ++c) {
            const float h = k.hi[c], l = k.lo[c], rc = k.r[c], a = k.scale[c], mg = k.mean_g[c], mgx = k.mean_gx[c];
            for (std::size_t i = c * s.l; i < (c + 1) * s.l; ++i)
                dr[i] = a * ((gr[i] - mg) - (((xr[i] - h) - l) * rc) * mgx);
        }
    }
}

// γ is constant over a channel, so the reductions need only Σg and Σg·x̂, which are dβ and dγ themselves.
// Kept out of line (as contiguous_backward): inlined together into backward_into, the two kernels made
// GroupNorm's backward ~15% slower natively (whole bench runs timed side by side, at [256, 1024, 1]).
[[gnu::noinline]] void batch_backward(const float* x, const float* g, Shape s, const detail::GroupStats& st,
                                      const NormOptions& o, float* dx, ParamGrads& pg) {
    ChannelConstants k(st, s.c);
    // 1. Reductions, in memory order: rows of C values (L = 1) or runs of L values.
    if (s.l == 1)
        detail::rows_grad_sums(x, g, s.n, s.c, k.hi.data(), k.lo.data(), k.r.data(), pg.beta.data(), pg.gamma.data());
    else
        runs_grad_sums(x, g, s, k, pg.beta.data(), pg.gamma.data());
    // 2. Constants per channel.
    const double m = static_cast<double>(s.n * s.l);
    for (std::size_t c = 0; c < s.c; ++c) {
        k.scale[c] = static_cast<float>(param_or(o.gamma, c) * st.rstd[c]);
        k.mean_g[c] = o.training ? static_cast<float>(pg.beta[c] / m) : 0.0f;
        k.mean_gx[c] = o.training ? static_cast<float>(pg.gamma[c] / m) : 0.0f;
    }
    // 3. Apply: term 1 the direct path, term 2 through the mean, term 3 through the variance (eval: term 1).
    if (s.l == 1)
        rows_apply(x, g, s, k, dx);
    else
        runs_apply(x, g, s, k, dx);
}

// layer, rms, group, instance: group grp is the contiguous run [grp*m, (grp+1)*m), one at a time.
[[gnu::noinline]] void contiguous_backward(Kind kind, const float* x, const float* g, Shape s,
                                           const detail::GroupStats& st, const NormOptions& o, float* dx,
                                           ParamGrads& pg) {
    const std::size_t m = group_size(kind, s, o.groups);
    const bool per_element = per_element_params(kind);  // γ index = position in the sample
    const std::size_t channels_per_group = m / s.l;
    std::vector<float> gamma_run(m, 1.0f), xh(m);
    for (std::size_t grp = 0; grp < st.mean.size(); ++grp) {
        const float* xg = x + grp * m;
        const float* gg = g + grp * m;
        float* dg = dx + grp * m;
        const Centre k(st.mean[grp], st.rstd[grp]);
        // γ of each element of this group, laid out like the group (per element, or repeated per channel).
        const std::size_t first = detail::first_channel(s, channels_per_group, grp);
        if (!o.gamma.empty()) {
            if (per_element) {
                std::copy(o.gamma.begin(), o.gamma.begin() + static_cast<std::ptrdiff_t>(m), gamma_run.begin());
            } else {
                for (std::size_t ch = 0; ch < channels_per_group; ++ch)
                    std::fill_n(gamma_run.begin() + static_cast<std::ptrdiff_t>(ch * s.l), s.l, o.gamma[first + ch]);
            }
        }
        // 1. Reductions: Σĝ and Σĝ·x̂ (float blocks folded into double), then dγ += Σ g·x̂ and dβ += Σ g.
        double sum_gh = 0, sum_ghx = 0;
        for (std::size_t j0 = 0; j0 < m; j0 += 256) {
            const std::size_t j1 = std::min(m, j0 + 256);
            float a = 0, b = 0;
            for (std::size_t j = j0; j < j1; ++j) {
                xh[j] = k.xhat(xg[j]);
                const float gh = gg[j] * gamma_run[j];
                a += gh;
                b += gh * xh[j];
            }
            sum_gh += a;
            sum_ghx += b;
        }
        if (per_element) {
            for (std::size_t j = 0; j < m; ++j) {
                pg.gamma[j] += gg[j] * xh[j];
                pg.beta[j] += gg[j];
            }
        } else {
            for (std::size_t ch = 0; ch < channels_per_group; ++ch) {
                float a = 0, b = 0;
                for (std::size_t i = ch * s.l; i < (ch + 1) * s.l; ++i) {
                    a += gg[i] * xh[i];
                    b += gg[i];
                }
                pg.gamma[first + ch] += a;
                pg.beta[first + ch] += b;
            }
        }
        // 2. Constants: the two means (RMSNorm does not centre: no mean(ĝ) term).
        const float mean_gh = kind != Kind::rms ? static_cast<float>(sum_gh / static_cast<double>(m)) : 0.0f;
        const float mean_ghx = static_cast<float>(sum_ghx / static_cast<double>(m));
        // 3. Apply.
        for (std::size_t j = 0; j < m; ++j) dg[j] = k.r * ((gg[j] * gamma_run[j] - mean_gh) - xh[j] * mean_ghx);
    }
}

}  // namespace

void backward_into(Kind kind, std::span<const float> input, std::span<const float> grad_output, Shape shape,
                   const NormOptions& opts, std::span<float> grad_input, std::span<float> grad_gamma,
                   std::span<float> grad_beta) {
    validate(kind, input.size(), shape, opts);
    require(grad_output.size() == input.size(), "gradOutput", [&] {
        return "length " + std::to_string(grad_output.size()) + " must equal the input's length (" +
               std::to_string(input.size()) + ")";
    });
    require(grad_input.size() == input.size(), "gradInput", "buffer length must be N*C*L");
    const std::size_t param_len = param_length(kind, shape);
    require(grad_gamma.empty() || grad_gamma.size() == param_len, "gradGamma", "buffer length must match gamma");
    require(grad_beta.empty() || grad_beta.size() == param_len, "gradBeta", "buffer length must match beta");

    const detail::GroupStats st = detail::compute_stats(kind, input.data(), shape, opts);
    ParamGrads pg(param_len);
    if (kind == Kind::batch)
        batch_backward(input.data(), grad_output.data(), shape, st, opts, grad_input.data(), pg);
    else
        contiguous_backward(kind, input.data(), grad_output.data(), shape, st, opts, grad_input.data(), pg);
    for (std::size_t p = 0; p < grad_gamma.size(); ++p) grad_gamma[p] = static_cast<float>(pg.gamma[p]);
    for (std::size_t p = 0; p < grad_beta.size(); ++p) grad_beta[p] = static_cast<float>(pg.beta[p]);
}

BackwardResult backward(Kind kind, std::span<const float> input, std::span<const float> grad_output, Shape shape,
                        const NormOptions& opts) {
    validate(kind, input.size(), shape, opts);
    const std::size_t param_len = param_length(kind, shape);
    BackwardResult r;
    r.grad_input.resize(input.size());
    if (!opts.gamma.empty()) r.grad_gamma.resize(param_len);
    if (!opts.beta.empty()) r.grad_beta.resize(param_len);
    backward_into(kind, input, grad_output, shape, opts, r.grad_input, r.grad_gamma, r.grad_beta);
    return r;
}

}  // namespace normlab
