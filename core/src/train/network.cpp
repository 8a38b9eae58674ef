// network.cpp — the network's parameters (layout, initialization, snapshots) and the thin wrappers that
// hand its norm layers to normalize_into/backward_into; the passes themselves are in passes.cpp and
// conv_passes.cpp. A conv net's norms see [rows, channels, side²], exactly PyTorch's 2-D norm layout.
#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "layers.hpp"
#include "normlab/normalize.hpp"

namespace normlab::train {

Network::Network(const NetSpec& spec, Rng& rng) : spec_(spec) {
    const std::size_t W = spec.width;
    if (spec.arch == Arch::plain) {
        for (std::size_t l = 0; l < spec.depth; ++l) {
            hidden_.push_back(add_linear(l == 0 ? spec.inputs : W, W));
            norms_.push_back(add_norm());
        }
    } else if (spec.arch == Arch::transformer) {
        add_transformer();
    } else if (spec.arch == Arch::conv) {
        for (std::size_t l = 0; l < spec.depth; ++l) {
            hidden_.push_back(add_linear(9 * in_channels(l), W));  // fan-in 9·Cin, as PyTorch counts it
            norms_.push_back(add_norm());
        }
    } else {
        in_ = add_linear(spec.inputs, W);
        for (std::size_t l = 0; l < spec.depth; ++l) {
            norms_.push_back(add_norm());
            w1_.push_back(add_linear(W, W));
            w2_.push_back(add_linear(W, W));
        }
        final_ = add_norm();
    }
    head_ = add_linear(W, spec.classes);
    params_.assign(size_, 0.0f);
    grads_.assign(size_, 0.0f);
    init(rng);
}

Network::LinearP Network::add_linear(std::size_t in, std::size_t out) {
    LinearP p{size_, size_ + in * out, in, out};
    size_ += in * out + out;
    return p;
}

Network::NormP Network::add_norm() {
    NormP p;
    if (!spec_.normalized) return p;
    p.gamma = size_;
    size_ += spec_.width;
    p.has_beta = spec_.kind != Kind::rms;  // RMSNorm has a scale but no shift
    if (p.has_beta) {
        p.beta = size_;
        size_ += spec_.width;
    }
    if (spec_.kind == Kind::batch) {
        p.running_mean.assign(spec_.width, 0.0f);
        p.running_var.assign(spec_.width, 1.0f);
    }
    return p;
}

// Layers draw their weights in forward order, so one seed gives one network.
void Network::init(Rng& rng) {
    auto weights = [&](const LinearP& p) { init_weights(&params_[p.w], p.in, p.out, spec_.init, rng); };
    auto gamma = [&](const NormP& p) {
        if (spec_.normalized) std::fill_n(&params_[p.gamma], spec_.width, 1.0f);
    };
    if (spec_.arch == Arch::transformer) {
        init_transformer(rng);
        return;
    }
    if (spec_.arch != Arch::residual) {
        for (std::size_t l = 0; l < spec_.depth; ++l) {
            weights(hidden_[l]);
            gamma(norms_[l]);
        }
    } else {
        weights(in_);
        for (std::size_t l = 0; l < spec_.depth; ++l) {
            gamma(norms_[l]);
            weights(w1_[l]);
            weights(w2_[l]);
        }
        gamma(final_);
    }
    weights(head_);
}

std::size_t Network::in_channels(std::size_t l) const { return l == 0 ? spec_.inputs / spec_.spatial() : spec_.width; }

Workspace Network::make_workspace(std::size_t capacity) const {
    Workspace ws;
    ws.capacity = capacity;
    if (spec_.arch == Arch::transformer) {
        make_transformer_workspace(ws);
        return ws;
    }
    const bool conv = spec_.arch == Arch::conv;
    const std::size_t L = spec_.depth, act = capacity * units();
    // Statistics: BatchNorm one per channel, LayerNorm/RMSNorm one per row, GroupNorm one per (row, group),
    // InstanceNorm (conv only) one per (row, channel).
    const std::size_t per_row = conv ? spec_.width : std::max<std::size_t>(spec_.groups, 1);
    const std::size_t stats = std::max(spec_.width, capacity * per_row);
    auto layers = [&](std::vector<std::vector<float>>& v, std::size_t count, std::size_t len) {
        v.assign(count, std::vector<float>(len));
    };
    const std::size_t norm_len = spec_.normalized ? act : 0, stat_len = spec_.normalized ? stats : 0;
    if (spec_.arch != Arch::residual) {
        layers(ws.z, L, act);
    } else {
        layers(ws.h, L + 1, act);
        layers(ws.u, L, act);
        ws.nf.resize(norm_len);
        ws.mean_f.resize(stat_len);
        ws.rstd_f.resize(stat_len);
    }
    layers(ws.n, L, norm_len);
    layers(ws.a, L, act);
    layers(ws.mean, L, stat_len);
    layers(ws.rstd, L, stat_len);
    ws.logits.resize(capacity * spec_.classes);
    ws.dlogits.resize(capacity * spec_.classes);
    for (auto* d : {&ws.d1, &ws.d2, &ws.d3, &ws.d4}) d->resize(act);
    const std::size_t widest = std::max(spec_.inputs, std::max(spec_.width, spec_.classes));
    ws.wt.resize(widest * widest);
    if (conv) {
        ws.pooled.resize(capacity * spec_.width);
        ws.conv = make_conv_scratch(std::max(in_channels(0), spec_.width), spec_.width, spec_.side);
    }
    return ws;
}

void Network::linear(const LinearP& p, float* y, const float* x, std::size_t rows) const {
    linear_forward(y, x, &params_[p.w], &params_[p.b], rows, p.in, p.out);
}

// Parameter gradients of one Linear, and dx = dy·Wᵀ unless dx is null (the input needs none).
void Network::linear_grad(const LinearP& p, float* dx, Workspace& ws, const float* x, const float* dy,
                          std::size_t rows) {
    linear_backward_params(&grads_[p.w], &grads_[p.b], x, dy, rows, p.in, p.out);
    if (dx) linear_backward_input(dx, ws.wt.data(), dy, &params_[p.w], rows, p.in, p.out);
}

namespace {

NormOptions norm_options(const NetSpec& s, const std::vector<float>& params, std::size_t gamma, std::size_t beta,
                         bool has_beta) {
    NormOptions o;
    o.eps = s.eps;
    o.groups = s.groups;
    o.gamma = std::span<const float>(&params[gamma], s.width);
    if (has_beta) o.beta = std::span<const float>(&params[beta], s.width);
    o.momentum = s.bn_momentum;
    return o;
}

}  // namespace

// Returns the normalized activations (out), or `in` itself when the network has no normalization.
const float* Network::norm_forward(NormP& p, float* out, float* mean, float* rstd, const float* in, std::size_t rows,
                                   Pass pass) {
    if (!spec_.normalized) return in;
    NormOptions o = norm_options(spec_, params_, p.gamma, p.beta, p.has_beta);
    const bool batch = spec_.kind == Kind::batch;
    o.training = pass != Pass::infer;
    if (batch && pass != Pass::probe) {
        o.running_mean = p.running_mean;
        o.running_var = p.running_var;
    }
    const Shape shape{rows, spec_.width, spec_.spatial()};
    const std::size_t stats = stat_count(spec_.kind, shape, spec_.groups);
    normalize_into(spec_.kind, std::span<const float>(in, shape.size()), shape, o, std::span<float>(out, shape.size()),
                   std::span<float>(mean, stats), std::span<float>(rstd, stats));
    return out;
}

// dx of a training-mode Norm; gamma/beta gradients go straight into grads_.
void Network::norm_backward(const NormP& p, float* dx, const float* in, const float* dy, std::size_t rows) {
    const NormOptions o = norm_options(spec_, params_, p.gamma, p.beta, p.has_beta);
    const Shape shape{rows, spec_.width, spec_.spatial()};
    std::span<float> dbeta;
    if (p.has_beta) dbeta = std::span<float>(&grads_[p.beta], spec_.width);
    backward_into(spec_.kind, std::span<const float>(in, shape.size()), std::span<const float>(dy, shape.size()), shape,
                  o, std::span<float>(dx, shape.size()), std::span<float>(&grads_[p.gamma], spec_.width), dbeta);
}

double Network::weight_grad_norm(std::size_t l) const {
    double sum = 0;
    auto add = [&](const LinearP& p) {
        for (std::size_t i = 0; i < p.in * p.out; ++i) sum += static_cast<double>(grads_[p.w + i]) * grads_[p.w + i];
    };
    if (spec_.arch == Arch::transformer) {
        add(qkv_[l]);
        add(wo_[l]);
    }
    if (spec_.arch == Arch::plain || spec_.arch == Arch::conv) {
        add(hidden_[l]);
    } else {
        add(w1_[l]);
        add(w2_[l]);
    }
    return std::sqrt(sum);
}

bool Network::finite() const {
    auto all = [](const std::vector<float>& v) {
        for (float f : v)
            if (!std::isfinite(f)) return false;
        return true;
    };
    if (!all(params_)) return false;
    bool ok = true;
    for_each_norm(*this, [&](const NormP& p) { ok = ok && all(p.running_mean) && all(p.running_var); });
    return ok;
}

void Network::save(std::vector<float>& saved) const {
    saved.resize(0);  // keeps the capacity: no allocation after the first call
    saved.insert(saved.end(), params_.begin(), params_.end());
    for_each_norm(*this, [&](const NormP& p) {
        saved.insert(saved.end(), p.running_mean.begin(), p.running_mean.end());
        saved.insert(saved.end(), p.running_var.begin(), p.running_var.end());
    });
}

void Network::restore(const std::vector<float>& saved) {
    auto from = saved.begin();
    auto take = [&](std::vector<float>& v) {
        std::copy(from, from + static_cast<std::ptrdiff_t>(v.size()), v.begin());
        from += static_cast<std::ptrdiff_t>(v.size());
    };
    take(params_);
    for_each_norm(*this, [&](NormP& p) {
        take(p.running_mean);
        take(p.running_var);
    });
}

}  // namespace normlab::train
