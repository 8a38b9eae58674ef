// norm_backward.cpp — gradients of the forward pass, as torch.autograd gives them.
// With x̂ = (x - μ)·r and ĝ = g·γ over one group of M elements (lesson-facts §4.3):
//   BN/LN/GN/IN:  dx = r · (ĝ - mean(ĝ) - x̂ · mean(ĝ·x̂))
//   RMSNorm:      dx = r · (ĝ - x̂ · mean(ĝ·x̂))          (x̂ = x·r, no centring)
//   BN eval:      dx = g · γ · r                           (statistics are constants)
//   dγ = Σ g·x̂ and dβ = Σ g over the elements that use each parameter.
#include <string>
#include <vector>

#include "norm_stats.hpp"
#include "normlab/errors.hpp"

namespace normlab {

namespace {

double param_or(std::span<const float> p, std::size_t i) { return p.empty() ? 1.0 : p[i]; }

struct ParamGrads {
    std::vector<double> gamma, beta;  // accumulated in double, written once at the end
    explicit ParamGrads(std::size_t n) : gamma(n, 0.0), beta(n, 0.0) {}
};

void batch_backward(const float* x, const float* g, Shape s, const detail::GroupStats& st, const NormOptions& o,
                    float* dx, ParamGrads& pg) {
    const double m = static_cast<double>(s.n * s.l);
    // First: two reductions per channel, Σg and Σg·x̂ (they are also dβ and dγ).
    for (std::size_t n = 0; n < s.n; ++n)
        for (std::size_t c = 0; c < s.c; ++c) {
            const std::size_t base = (n * s.c + c) * s.l;
            double sg = 0, sgx = 0;
            for (std::size_t i = 0; i < s.l; ++i) {
                const double xh = (x[base + i] - st.mean[c]) * st.rstd[c];
                sg += g[base + i];
                sgx += g[base + i] * xh;
            }
            pg.beta[c] += sg;
            pg.gamma[c] += sgx;
        }
    for (std::size_t n = 0; n < s.n; ++n)
        for (std::size_t c = 0; c < s.c; ++c) {
            const std::size_t base = (n * s.c + c) * s.l;
            const double gr = param_or(o.gamma, c) * st.rstd[c];
            const double mean_g = pg.beta[c] / m, mean_gx = pg.gamma[c] / m;
            for (std::size_t i = 0; i < s.l; ++i) {
                if (!o.training) {
                    dx[base + i] = static_cast<float>(g[base + i] * gr);
                    continue;
                }
                const double xh = (x[base + i] - st.mean[c]) * st.rstd[c];
                // term 1: the direct path; term 2: through the mean; term 3: through the variance.
                dx[base + i] = static_cast<float>(gr * (g[base + i] - mean_g - xh * mean_gx));
            }
        }
}

void contiguous_backward(Kind kind, const float* x, const float* g, Shape s, const detail::GroupStats& st,
                         const NormOptions& o, float* dx, ParamGrads& pg) {
    const std::size_t m = detail::contiguous_group_size(kind, s, o.groups);
    const bool per_element = kind == Kind::layer || kind == Kind::rms;
    const bool centred = kind != Kind::rms;
    const std::size_t per_sample = s.c * s.l;
    for (std::size_t grp = 0; grp < st.mean.size(); ++grp) {
        const std::size_t base = grp * m;
        const double mu = st.mean[grp], r = st.rstd[grp];
        // The parameter index of element j of this group: position in the sample (layer, rms) or channel.
        auto param_index = [&](std::size_t j) {
            const std::size_t pos = (base + j) % per_sample;
            return per_element ? pos : pos / s.l;
        };
        double sum_gh = 0, sum_ghx = 0;  // Σĝ and Σĝ·x̂
        for (std::size_t j = 0; j < m; ++j) {
            const std::size_t p = param_index(j);
            const double xh = (x[base + j] - mu) * r;
            const double gh = g[base + j] * param_or(o.gamma, p);
            sum_gh += gh;
            sum_ghx += gh * xh;
            pg.gamma[p] += g[base + j] * xh;
            pg.beta[p] += g[base + j];
        }
        const double mean_gh = centred ? sum_gh / static_cast<double>(m) : 0.0;
        const double mean_ghx = sum_ghx / static_cast<double>(m);
        for (std::size_t j = 0; j < m; ++j) {
            const double xh = (x[base + j] - mu) * r;
            const double gh = g[base + j] * param_or(o.gamma, param_index(j));
            dx[base + j] = static_cast<float>(r * (gh - mean_gh - xh * mean_ghx));
        }
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
