// network.hpp (private) — the networks: parameters in one flat float array (so the optimizer and the gradient
// check see a single vector), forward and backward for the plain and the residual pre-norm MLP, the
// conv net (3x3 conv → Norm → act blocks, global average pooling, linear head; conv_passes.cpp) and the
// Transformer (transformer.hpp; transformer.cpp, transformer_passes.cpp).
// Normalization layers call normalize_into/backward_into: the same kernels as the lesson's figures.
//
// Why float: normalize_into works on float, the lesson's figures use float, and float halves the memory
// traffic; every sum that float would spoil (statistics, the loss) is accumulated in double.
#pragma once

#include <cstddef>
#include <vector>

#include "conv.hpp"
#include "normlab/random.hpp"
#include "spec.hpp"
#include "transformer.hpp"

namespace normlab::train {

// How a forward pass normalizes. train: batch statistics and BatchNorm running statistics updated;
// probe: batch statistics, nothing updated (gradient check); infer: BatchNorm uses running statistics.
enum class Pass { train, probe, infer };

// Activations of one forward pass for up to `capacity` rows, kept for the backward pass.
struct Workspace {
    std::size_t capacity = 0;
    // plain: z = linear out, n = normalized z, a = act(n).  residual: h[0..depth], n = Norm(h), u = W1·n,
    // a = act(u), nf = Norm(h[depth]).  conv: as plain on [rows, width, side²] (z = conv out), pooled =
    // the average of a[depth - 1] per channel.  Unused vectors stay empty.
    std::vector<std::vector<float>> z, n, a, u, h, mean, rstd;
    std::vector<float> nf, mean_f, rstd_f, pooled, logits, dlogits;
    std::vector<float> d1, d2, d3, d4, wt;  // backward scratch
    ConvScratch conv;
    TransformerCache tf;
};

class Network {
  public:
    // Allocates and initializes every parameter from rng (weights per spec.init, biases 0, gamma 1, beta 0).
    Network(const NetSpec& spec, Rng& rng);

    const NetSpec& spec() const { return spec_; }
    std::vector<float>& params() { return params_; }
    std::vector<float>& grads() { return grads_; }
    std::size_t hidden_layers() const { return spec_.depth; }
    // Values per sample in one hidden layer: width (MLP), width · side² (conv), or its MLP's
    // tokens · 4·width (transformer).
    std::size_t units() const {
        return spec_.arch == Arch::transformer ? spec_.inputs * 4 * spec_.width : spec_.width * spec_.spatial();
    }
    // Rows of logits (and labels) per sample: tokens per sequence (transformer), else 1.
    std::size_t outputs_per_sample() const { return spec_.arch == Arch::transformer ? spec_.inputs : 1; }

    Workspace make_workspace(std::size_t capacity) const;
    // Forward of rows (<= ws.capacity) samples; returns the logits [rows · outputs_per_sample(), classes].
    const float* forward(Workspace& ws, const float* x, std::size_t rows, Pass pass);
    // Gradients of the loss whose d/dlogits the caller wrote into ws.dlogits, after forward(train|probe).
    void backward(Workspace& ws, const float* x, std::size_t rows);
    // The activation function's input of hidden layer (block) l after the last forward: [rows, units()].
    const float* preactivation(const Workspace& ws, std::size_t l) const;
    // L2 norm of hidden layer (block) l's weight gradient(s), from the last backward.
    double weight_grad_norm(std::size_t l) const;
    // False once a parameter or a running statistic is NaN or infinite.
    bool finite() const;
    // Copies parameters and running statistics into / back from `saved` (sized on first use), so a
    // diverged step can be undone and the last finite model stays evaluable.
    void save(std::vector<float>& saved) const;
    void restore(const std::vector<float>& saved);

  private:
    struct LinearP {
        std::size_t w = 0, b = 0, in = 0, out = 0;
    };
    struct NormP {
        std::size_t gamma = 0, beta = 0;
        bool has_beta = false;
        std::vector<float> running_mean, running_var;  // BatchNorm only
    };

    // Calls f(norm) for every norm layer, the residual final norm included (no allocation).
    template <class Self, class F>
    static void for_each_norm(Self& self, F&& f) {
        for (auto& p : self.norms_) f(p);
        f(self.final_);
    }
    LinearP add_linear(std::size_t in, std::size_t out);
    NormP add_norm();
    void init(Rng& rng);
    void linear(const LinearP& p, float* y, const float* x, std::size_t rows) const;
    void linear_grad(const LinearP& p, float* dx, Workspace& ws, const float* x, const float* dy, std::size_t rows);
    const float* norm_forward(NormP& p, float* out, float* mean, float* rstd, const float* in, std::size_t rows,
                              Pass pass);
    void norm_backward(const NormP& p, float* dx, const float* in, const float* dy, std::size_t rows);
    void forward_plain(Workspace& ws, const float* x, std::size_t rows, Pass pass);
    void forward_residual(Workspace& ws, const float* x, std::size_t rows, Pass pass);
    void backward_plain(Workspace& ws, const float* x, std::size_t rows);
    void backward_residual(Workspace& ws, const float* x, std::size_t rows);
    // d z_l from d a_l through layer (block) l's activation and Norm (plain and conv); in ws.d2 or ws.d3.
    const float* act_norm_backward(Workspace& ws, std::size_t l, const float* da, std::size_t rows);
    void forward_conv(Workspace& ws, const float* x, std::size_t rows, Pass pass);
    void backward_conv(Workspace& ws, const float* x, std::size_t rows);
    std::size_t in_channels(std::size_t l) const;
    // The Transformer (transformer.cpp, transformer_passes.cpp).
    void add_transformer();
    void init_transformer(Rng& rng);
    void make_transformer_workspace(Workspace& ws) const;
    void forward_transformer(Workspace& ws, const float* x, std::size_t rows, Pass pass);
    void backward_transformer(Workspace& ws, const float* x, std::size_t rows);
    // d stream (in ws.d1) through layer l's attention or MLP sublayer, backwards.
    void backward_attention(Workspace& ws, std::size_t l, std::size_t rows);
    void backward_mlp(Workspace& ws, std::size_t l, std::size_t rows);

    NetSpec spec_;
    std::vector<float> params_, grads_;
    std::size_t size_ = 0;
    // plain: hidden_[l], norms_[l], head_.  residual: in_, w1_[l], w2_[l], norms_[l], final_, head_.
    // conv: hidden_[l] holds conv l's [9·Cin, width] weights and bias, then norms_[l], head_.
    // transformer: embed_ (tokens [classes, width], then positions [inputs, width]); per layer
    // norms_[2l], qkv_[l], wo_[l], norms_[2l + 1], w1_[l], w2_[l]; final_ (Pre-LN), head_.
    std::vector<LinearP> hidden_, w1_, w2_, qkv_, wo_;
    std::size_t embed_ = 0;
    std::vector<NormP> norms_;
    LinearP in_, head_;
    NormP final_;
};

}  // namespace normlab::train
