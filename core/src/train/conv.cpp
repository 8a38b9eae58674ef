// conv.cpp — 3x3 convolution (im2col onto the dense kernels) and global average pooling (see conv.hpp).
#include "conv.hpp"

#include <algorithm>

#include "layers.hpp"

namespace normlab::train {

namespace {

// cols[p, k] for one sample: the input value under kernel tap k = (ci, kh, kw) at position p = (h, w).
void im2col(float* cols, const float* x, std::size_t cin, std::size_t side) {
    const std::size_t k_count = 9 * cin;
    for (std::size_t h = 0; h < side; ++h)
        for (std::size_t w = 0; w < side; ++w) {
            float* row = cols + (h * side + w) * k_count;
            for (std::size_t ci = 0; ci < cin; ++ci)
                for (std::size_t kh = 0; kh < 3; ++kh)
                    for (std::size_t kw = 0; kw < 3; ++kw) {
                        // h + kh - 1 in [0, side) without a signed type: padding 1 on each side
                        const std::size_t hh = h + kh, ww = w + kw;
                        const bool inside = hh >= 1 && hh <= side && ww >= 1 && ww <= side;
                        *row++ = inside ? x[(ci * side + hh - 1) * side + ww - 1] : 0.0f;
                    }
        }
}

// The adjoint of im2col: every tap's gradient goes back to the input position it read, in (p, k) order.
void col2im(float* dx, const float* dcols, std::size_t cin, std::size_t side) {
    std::fill(dx, dx + cin * side * side, 0.0f);
    const std::size_t k_count = 9 * cin;
    for (std::size_t h = 0; h < side; ++h)
        for (std::size_t w = 0; w < side; ++w) {
            const float* row = dcols + (h * side + w) * k_count;
            for (std::size_t ci = 0; ci < cin; ++ci)
                for (std::size_t kh = 0; kh < 3; ++kh)
                    for (std::size_t kw = 0; kw < 3; ++kw) {
                        const std::size_t hh = h + kh, ww = w + kw;
                        const float g = *row++;
                        if (hh >= 1 && hh <= side && ww >= 1 && ww <= side) {
                            float& target = dx[(ci * side + hh - 1) * side + ww - 1];
                            target = target + g;
                        }
                    }
        }
}

// [positions, channels] <-> [channels, positions] for one sample.
void transpose(float* out, const float* in, std::size_t rows, std::size_t cols) {
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) out[c * rows + r] = in[r * cols + c];
}

}  // namespace

ConvScratch make_conv_scratch(std::size_t max_cin, std::size_t cout, std::size_t side) {
    const std::size_t positions = side * side, k_count = 9 * max_cin;
    ConvScratch s;
    s.cols.resize(positions * k_count);
    s.dcols.resize(positions * k_count);
    s.pix.resize(positions * cout);
    s.dpix.resize(positions * cout);
    s.dw.resize(k_count * cout);
    s.db.resize(cout);
    s.wt.resize(k_count * cout);
    return s;
}

void conv3x3_forward(float* y, const float* x, const float* w, const float* b, std::size_t n, std::size_t cin,
                     std::size_t cout, std::size_t side, ConvScratch& s) {
    const std::size_t positions = side * side;
    for (std::size_t i = 0; i < n; ++i) {
        im2col(s.cols.data(), x + i * cin * positions, cin, side);
        linear_forward(s.pix.data(), s.cols.data(), w, b, positions, 9 * cin, cout);
        transpose(y + i * cout * positions, s.pix.data(), positions, cout);
    }
}

void conv3x3_backward(float* dx, float* dw, float* db, const float* x, const float* dy, const float* w, std::size_t n,
                      std::size_t cin, std::size_t cout, std::size_t side, ConvScratch& s) {
    const std::size_t positions = side * side, k_count = 9 * cin;
    std::fill(dw, dw + k_count * cout, 0.0f);
    std::fill(db, db + cout, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        im2col(s.cols.data(), x + i * cin * positions, cin, side);
        transpose(s.dpix.data(), dy + i * cout * positions, cout, positions);
        linear_backward_params(s.dw.data(), s.db.data(), s.cols.data(), s.dpix.data(), positions, k_count, cout);
        for (std::size_t j = 0; j < k_count * cout; ++j) dw[j] = dw[j] + s.dw[j];
        for (std::size_t c = 0; c < cout; ++c) db[c] = db[c] + s.db[c];
        if (dx == nullptr) continue;
        linear_backward_input(s.dcols.data(), s.wt.data(), s.dpix.data(), w, positions, k_count, cout);
        col2im(dx + i * cin * positions, s.dcols.data(), cin, side);
    }
}

void avgpool_forward(float* y, const float* x, std::size_t rows, std::size_t channels, std::size_t spatial) {
    for (std::size_t rc = 0; rc < rows * channels; ++rc) {
        double sum = 0;
        for (std::size_t p = 0; p < spatial; ++p) sum += x[rc * spatial + p];
        y[rc] = static_cast<float>(sum / static_cast<double>(spatial));
    }
}

void avgpool_backward(float* dx, const float* dy, std::size_t rows, std::size_t channels, std::size_t spatial) {
    const float inv = static_cast<float>(1.0 / static_cast<double>(spatial));
    for (std::size_t rc = 0; rc < rows * channels; ++rc) std::fill_n(dx + rc * spatial, spatial, dy[rc] * inv);
}

}  // namespace normlab::train
