// passes.cpp — forward and backward of the plain and residual MLPs (network.hpp); the conv net's are in
// conv_passes.cpp.
//   plain, per hidden layer l:  z = W_l·a_(l-1) + b_l,  n = Norm(z),  a_l = act(n);  logits = W_out·a_(L-1) + b
//   residual (pre-norm):        h_0 = W_in·x + b_in;  per block l:  n = Norm(h_l),  u = W1·n + b1,  a = act(u),
//                               h_(l+1) = h_l + W2·a + b2;  logits = W_out·Norm_f(h_L) + b
// With norm "none" every Norm is the identity (n aliases its input).
#include "network.hpp"

#include <algorithm>

#include "layers.hpp"

namespace normlab::train {

const float* Network::forward(Workspace& ws, const float* x, std::size_t rows, Pass pass) {
    if (spec_.arch == Arch::plain)
        forward_plain(ws, x, rows, pass);
    else if (spec_.arch == Arch::conv)
        forward_conv(ws, x, rows, pass);
    else if (spec_.arch == Arch::transformer)
        forward_transformer(ws, x, rows, pass);
    else
        forward_residual(ws, x, rows, pass);
    return ws.logits.data();
}

void Network::backward(Workspace& ws, const float* x, std::size_t rows) {
    if (spec_.arch == Arch::plain)
        backward_plain(ws, x, rows);
    else if (spec_.arch == Arch::conv)
        backward_conv(ws, x, rows);
    else if (spec_.arch == Arch::transformer)
        backward_transformer(ws, x, rows);
    else
        backward_residual(ws, x, rows);
}

void Network::forward_plain(Workspace& ws, const float* x, std::size_t rows, Pass pass) {
    const float* in = x;
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        linear(hidden_[l], ws.z[l].data(), in, rows);
        const float* n =
            norm_forward(norms_[l], ws.n[l].data(), ws.mean[l].data(), ws.rstd[l].data(), ws.z[l].data(), rows, pass);
        activation_forward(ws.a[l].data(), n, rows * spec_.width, spec_.activation);
        in = ws.a[l].data();
    }
    linear(head_, ws.logits.data(), in, rows);
}

void Network::backward_plain(Workspace& ws, const float* x, std::size_t rows) {
    const std::size_t L = spec_.depth;
    float* da = ws.d1.data();
    linear_grad(head_, da, ws, ws.a[L - 1].data(), ws.dlogits.data(), rows);
    for (std::size_t l = L; l-- > 0;) {
        const float* dz = act_norm_backward(ws, l, da, rows);
        linear_grad(hidden_[l], l > 0 ? da : nullptr, ws, l > 0 ? ws.a[l - 1].data() : x, dz, rows);
    }
}

const float* Network::act_norm_backward(Workspace& ws, std::size_t l, const float* da, std::size_t rows) {
    const float* pre = spec_.normalized ? ws.n[l].data() : ws.z[l].data();
    float* dn = ws.d2.data();
    activation_backward(dn, da, pre, ws.a[l].data(), rows * units(), spec_.activation);
    if (!spec_.normalized) return dn;
    float* dz = ws.d3.data();
    norm_backward(norms_[l], dz, ws.z[l].data(), dn, rows);
    return dz;
}

void Network::forward_residual(Workspace& ws, const float* x, std::size_t rows, Pass pass) {
    const std::size_t count = rows * spec_.width;
    linear(in_, ws.h[0].data(), x, rows);
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        const float* h = ws.h[l].data();
        const float* n = norm_forward(norms_[l], ws.n[l].data(), ws.mean[l].data(), ws.rstd[l].data(), h, rows, pass);
        linear(w1_[l], ws.u[l].data(), n, rows);
        activation_forward(ws.a[l].data(), ws.u[l].data(), count, spec_.activation);
        float* next = ws.h[l + 1].data();
        linear(w2_[l], next, ws.a[l].data(), rows);
        for (std::size_t i = 0; i < count; ++i) next[i] = h[i] + next[i];  // the skip connection
    }
    const float* nf =
        norm_forward(final_, ws.nf.data(), ws.mean_f.data(), ws.rstd_f.data(), ws.h[spec_.depth].data(), rows, pass);
    linear(head_, ws.logits.data(), nf, rows);
}

void Network::backward_residual(Workspace& ws, const float* x, std::size_t rows) {
    const std::size_t L = spec_.depth, count = rows * spec_.width;
    const bool normed = spec_.normalized;
    float *dh = ws.d2.data(), *t = ws.d1.data(), *du = ws.d3.data(), *dnorm = ws.d4.data();
    // Head and final norm: dh = d logits / d h_L.
    linear_grad(head_, t, ws, normed ? ws.nf.data() : ws.h[L].data(), ws.dlogits.data(), rows);
    if (normed)
        norm_backward(final_, dh, ws.h[L].data(), t, rows);
    else
        std::copy(t, t + count, dh);
    for (std::size_t l = L; l-- > 0;) {
        // h_(l+1) = h_l + W2·act(W1·Norm(h_l)): the skip passes dh on unchanged, the branch adds its part.
        linear_grad(w2_[l], t, ws, ws.a[l].data(), dh, rows);
        activation_backward(du, t, ws.u[l].data(), ws.a[l].data(), count, spec_.activation);
        linear_grad(w1_[l], t, ws, normed ? ws.n[l].data() : ws.h[l].data(), du, rows);
        const float* branch = t;
        if (normed) {
            norm_backward(norms_[l], dnorm, ws.h[l].data(), t, rows);
            branch = dnorm;
        }
        for (std::size_t i = 0; i < count; ++i) dh[i] = dh[i] + branch[i];
    }
    linear_grad(in_, nullptr, ws, x, dh, rows);
}

const float* Network::preactivation(const Workspace& ws, std::size_t l) const {
    if (spec_.arch == Arch::transformer) return ws.tf.u[l].data();
    if (spec_.arch == Arch::residual) return ws.u[l].data();
    return spec_.normalized ? ws.n[l].data() : ws.z[l].data();
}

}  // namespace normlab::train
