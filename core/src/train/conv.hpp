// conv.hpp (private) — the conv net's own layers on [N, C, side, side] float arrays (row-major NCHW, as
// PyTorch): 3x3 convolution with padding 1 and stride 1, and global average pooling.
// The convolution is lowered onto the dense kernels of layers.hpp ("im2col"): per sample, the 3x3
// neighbourhoods of the side² positions become the rows of a [side², 9·Cin] matrix, so y = cols·W + b is
// linear_forward and the gradients are linear_backward_params/_input — the same fixed-order axpy loops,
// hence the same bits natively and in WebAssembly.
// Weights: W[k, co] with k = (ci·3 + kh)·3 + kw, i.e. torch's Conv2d weight[co, ci, kh, kw] as a
// [9·Cin, Cout] matrix; bias b[co].
#pragma once

#include <cstddef>
#include <vector>

namespace normlab::train {

// Per-sample buffers of one convolution pass (no allocation inside the step loop).
struct ConvScratch {
    std::vector<float> cols, dcols;  // [side², 9·Cin]: the neighbourhoods and their gradient
    std::vector<float> pix, dpix;    // [side², Cout]: one sample's output, positions-major
    std::vector<float> dw, db;       // one sample's weight and bias gradient
    std::vector<float> wt;           // Wᵀ for linear_backward_input
};

// Buffers for convolutions with at most max_cin input and exactly cout output channels.
ConvScratch make_conv_scratch(std::size_t max_cin, std::size_t cout, std::size_t side);

// y[n, co, :, :] = b[co] + Σ_ci,kh,kw W[(ci, kh, kw), co] · x[n, ci, h + kh - 1, w + kw - 1] (zero outside).
void conv3x3_forward(float* y, const float* x, const float* w, const float* b, std::size_t n, std::size_t cin,
                     std::size_t cout, std::size_t side, ConvScratch& s);

// dW and db summed over the batch in sample order (written, not accumulated); dx likewise unless null.
void conv3x3_backward(float* dx, float* dw, float* db, const float* x, const float* dy, const float* w, std::size_t n,
                      std::size_t cin, std::size_t cout, std::size_t side, ConvScratch& s);

// y[r, c] = mean over the `spatial` positions of x[r, c, :] (summed in double).
void avgpool_forward(float* y, const float* x, std::size_t rows, std::size_t channels, std::size_t spatial);

// dx[r, c, p] = dy[r, c] / spatial.
void avgpool_backward(float* dx, const float* dy, std::size_t rows, std::size_t channels, std::size_t spatial);

}  // namespace normlab::train
