// conv_passes.cpp — forward and backward of the conv net (network.hpp), per block l:
//   z = Conv3x3_l(a_(l-1)) (padding 1),  n = Norm(z),  a_l = act(n);   logits = W_out·AvgPool(a_(L-1)) + b
// on [rows, channels, side²] activations; a_(-1) is the input image, one channel. With norm "none" every
// Norm is the identity (n aliases z).
#include "conv.hpp"
#include "layers.hpp"
#include "network.hpp"

namespace normlab::train {

void Network::forward_conv(Workspace& ws, const float* x, std::size_t rows, Pass pass) {
    const float* in = x;
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        const LinearP& c = hidden_[l];
        conv3x3_forward(ws.z[l].data(), in, &params_[c.w], &params_[c.b], rows, in_channels(l), spec_.width, spec_.side,
                        ws.conv);
        const float* n =
            norm_forward(norms_[l], ws.n[l].data(), ws.mean[l].data(), ws.rstd[l].data(), ws.z[l].data(), rows, pass);
        activation_forward(ws.a[l].data(), n, rows * units(), spec_.activation);
        in = ws.a[l].data();
    }
    avgpool_forward(ws.pooled.data(), in, rows, spec_.width, spec_.spatial());
    linear(head_, ws.logits.data(), ws.pooled.data(), rows);
}

void Network::backward_conv(Workspace& ws, const float* x, std::size_t rows) {
    float *da = ws.d1.data(), *dpooled = ws.d4.data();
    linear_grad(head_, dpooled, ws, ws.pooled.data(), ws.dlogits.data(), rows);
    avgpool_backward(da, dpooled, rows, spec_.width, spec_.spatial());
    for (std::size_t l = spec_.depth; l-- > 0;) {
        const float* dz = act_norm_backward(ws, l, da, rows);
        const LinearP& c = hidden_[l];
        conv3x3_backward(l > 0 ? da : nullptr, &grads_[c.w], &grads_[c.b], l > 0 ? ws.a[l - 1].data() : x, dz,
                         &params_[c.w], rows, in_channels(l), spec_.width, spec_.side, ws.conv);
    }
}

}  // namespace normlab::train
