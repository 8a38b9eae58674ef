// norm_backward.cpp — gradients of the forward pass, as torch.autograd gives them.
// With x̂ = (x - μ)·r and ĝ = g·γ over one group of M elements (lesson-facts §4.3):
//   BN/LN/GN/IN:  dx = r · (ĝ - mean(ĝ) - x̂ · mean(ĝ·x̂))
//   RMSNorm:      dx = r · (ĝ - x̂ · mean(ĝ·x̂))          (x̂ = x·r, no centring)
//   BN eval:      dx = g · γ · r                           (statistics are constants)
//   dγ = Σ g·x̂ and dβ = Σ g over the elements that use each parameter.
// Element-wise work is in float (SIMD); every sum is folded into double, as in stats.hpp.
#include <algorithm>
#include <string>
#include <vector>

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

void batch_backward(const float* x, const float* g, Shape s, const detail::GroupStats& st, const NormOptions& o,
                    float* dx, ParamGrads& pg) {
    const std::size_t stride = s.c * s.l;
    // Per-channel constants as plain arrays, so loops across channels (L = 1) vectorize.
    std::vector<float> hi(s.c), lo(s.c), r(s.c);
    for (std::size_t c = 0; c < s.c; ++c) {
        const Centre k(st.mean[c], st.rstd[c]);
        hi[c] = k.hi;
        lo[c] = k.lo;
        r[c] = k.r;
    }
    // First: two reductions per channel, Σg and Σg·x̂ (they are also dβ and dγ), rows in memory order,
    // float partial sums over blocks of rows folded into double.
    constexpr std::size_t kRows = 64;
    std::vector<float> sg(s.c), sgx(s.c);
    for (std::size_t n0 = 0; n0 < s.n; n0 += kRows) {
        std::fill(sg.begin(), sg.end(), 0.0f);
        std::fill(sgx.begin(), sgx.end(), 0.0f);
        const std::size_t n1 = std::min(s.n, n0 + kRows);
        std::size_t n = n0;
        if (s.l == 1) {
            // Four rows per trip: the per-channel constants and sums are loaded once for four elements.
            for (; n + 4 <= n1; n += 4) {
                const float *x0 = x + n * stride, *x1 = x0 + stride, *x2 = x1 + stride, *x3 = x2 + stride;
                const float *g0 = g + n * stride, *g1 = g0 + stride, *g2 = g1 + stride, *g3 = g2 + stride;
                for (std::size_t c = 0; c < s.c; ++c) {
                    const float h = hi[c], l = lo[c], rc = r[c];
                    const float e0 = ((x0[c] - h) - l) * rc, e1 = ((x1[c] - h) - l) * rc;
                    const float e2 = ((x2[c] - h) - l) * rc, e3 = ((x3[c] - h) - l) * rc;
                    sg[c] += (g0[c] + g1[c]) + (g2[c] + g3[c]);
                    sgx[c] += (g0[c] * e0 + g1[c] * e1) + (g2[c] * e2 + g3[c] * e3);
                }
            }
        }
        for (; n < n1; ++n) {
            const float* xr = x + n * stride;
            const float* gr = g + n * stride;
            if (s.l == 1) {
                for (std::size_t c = 0; c < s.c; ++c) {
                    sg[c] += gr[c];
                    sgx[c] += gr[c] * (((xr[c] - hi[c]) - lo[c]) * r[c]);
                }
                continue;
            }
            for (std::size_t c = 0; c < s.c; ++c) {
                const float h = hi[c], l = lo[c], rc = r[c];
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
            pg.beta[c] += sg[c];
            pg.gamma[c] += sgx[c];
        }
    }
    const double m = static_cast<double>(s.n * s.l);
    std::vector<float> scale(s.c), mean_g(s.c), mean_gx(s.c);
    for (std::size_t c = 0; c < s.c; ++c) {
        scale[c] = static_cast<float>(param_or(o.gamma, c) * st.rstd[c]);
        mean_g[c] = o.training ? static_cast<float>(pg.beta[c] / m) : 0.0f;
        mean_gx[c] = o.training ? static_cast<float>(pg.gamma[c] / m) : 0.0f;
    }
    // Then: term 1 the direct path, term 2 through the mean, term 3 through the variance (eval: term 1).
    if (s.l == 1) {
        // The same sum regrouped per channel as dx = scale·g + k1·(x - hi) + k0, so each element needs
        // three constants; x - hi stays exact near the mean, which keeps inputs like mean 1000 / std 0.01 safe.
        std::vector<float> k1(s.c), k0(s.c);
        for (std::size_t c = 0; c < s.c; ++c) {
            const double rm = double(r[c]) * mean_gx[c];
            k1[c] = static_cast<float>(-double(scale[c]) * rm);
            k0[c] = static_cast<float>(double(scale[c]) * (rm * lo[c] - mean_g[c]));
        }
        std::size_t n = 0;
        for (; n + 4 <= s.n; n += 4) {
            const float* x0 = x + n * stride;
            const float* g0 = g + n * stride;
            float* d0 = dx + n * stride;
            for (std::size_t c = 0; c < s.c; ++c) {
                const float a = scale[c], b = k1[c], h = hi[c], k = k0[c];
                for (std::size_t j = 0; j < 4; ++j)
                    d0[c + j * stride] = a * g0[c + j * stride] + b * (x0[c + j * stride] - h) + k;
            }
        }
        for (; n < s.n; ++n)
            for (std::size_t c = 0; c < s.c; ++c)
                dx[n * stride + c] = scale[c] * g[n * stride + c] + k1[c] * (x[n * stride + c] - hi[c]) + k0[c];
        return;
    }
    for (std::size_t n = 0; n < s.n; ++n) {
        const float* xr = x + n * stride;
        const float* gr = g + n * stride;
        float* dr = dx + n * stride;
        for (std::size_t c = 0; c < s.c; ++c) {
            const float h = hi[c], l = lo[c], rc = r[c], a = scale[c], mg = mean_g[c], mgx = mean_gx[c];
            for (std::size_t i = c * s.l; i < (c + 1) * s.l; ++i)
                dr[i] = a * ((gr[i] - mg) - (((xr[i] - h) - l) * rc) * mgx);
        }
    }
}

// layer, rms, group, instance: group grp is the contiguous run [grp*m, (grp+1)*m).
void contiguous_backward(Kind kind, const float* x, const float* g, Shape s, const detail::GroupStats& st,
                         const NormOptions& o, float* dx, ParamGrads& pg) {
    const std::size_t m = detail::contiguous_group_size(kind, s, o.groups);
    const bool per_element = kind == Kind::layer || kind == Kind::rms;  // γ index = position in the sample
    const bool centred = kind != Kind::rms;
    const std::size_t channels_per_group = m / s.l;
    std::vector<float> gamma_run(m, 1.0f), xh(m);
    for (std::size_t grp = 0; grp < st.mean.size(); ++grp) {
        const float* xg = x + grp * m;
        const float* gg = g + grp * m;
        float* dg = dx + grp * m;
        const Centre k(st.mean[grp], st.rstd[grp]);
        // γ of each element of this group, laid out like the group (per element, or repeated per channel).
        const std::size_t first_channel = (grp * channels_per_group) % s.c;
        if (!o.gamma.empty()) {
            if (per_element) {
                std::copy(o.gamma.begin(), o.gamma.begin() + static_cast<std::ptrdiff_t>(m), gamma_run.begin());
            } else {
                for (std::size_t ch = 0; ch < channels_per_group; ++ch)
                    std::fill_n(gamma_run.begin() + static_cast<std::ptrdiff_t>(ch * s.l), s.l,
                                o.gamma[first_channel + ch]);
            }
        }
        // First: the two reductions Σĝ and Σĝ·x̂, and the parameter gradients.
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
                pg.gamma[first_channel + ch] += a;
                pg.beta[first_channel + ch] += b;
            }
        }
        const float mean_gh = centred ? static_cast<float>(sum_gh / static_cast<double>(m)) : 0.0f;
        const float mean_ghx = static_cast<float>(sum_ghx / static_cast<double>(m));
        for (std::size_t j = 0; j < m; ++j) dg[j] = k.r * ((gg[j] * gamma_run[j] - mean_gh) - xh[j] * mean_ghx);
    }
}

}  // namespace

void backward_into(Kind kind, std::span<const float> input, std::span<const float> grad_output, Shape shape,
                   const NormOptions& opts, std::span<float> grad_input, std::span<float> grad_gamma,
                   std::span<float> grad_beta) {
    validate(kind, input.size(), shape, opts);
    require(grad_output.size() == input.size(), "gradOutput",
            "length " + std::to_string(grad_output.size()) + " must equal the input's length (" +
                std::to_string(input.size()) + ")");
    require(grad_input.size() == input.size(), "gradInput", "buffer length must be N*C*L");
    const std::size_t param_len = (kind == Kind::layer || kind == Kind::rms) ? shape.c * shape.l : shape.c;
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
    const std::size_t param_len = (kind == Kind::layer || kind == Kind::rms) ? shape.c * shape.l : shape.c;
    BackwardResult r;
    r.grad_input.resize(input.size());
    if (!opts.gamma.empty()) r.grad_gamma.resize(param_len);
    if (!opts.beta.empty()) r.grad_beta.resize(param_len);
    backward_into(kind, input, grad_output, shape, opts, r.grad_input, r.grad_gamma, r.grad_beta);
    return r;
}

}  // namespace normlab
