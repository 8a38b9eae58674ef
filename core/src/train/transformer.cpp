// transformer.cpp — the Transformer's parameters (layout, initialization) and its workspace; the passes
// are in transformer_passes.cpp. Layout and draw order follow the forward pass: token and position
// embeddings, then per layer Norm1, W_qkv [d, 3d] (PyTorch's packed in_proj, transposed), W_o [d, d], Norm2,
// W1 [d, 4d], W2 [4d, d]; the final Norm (Pre-LN with a norm only) and the head [d, vocabulary].
#include <algorithm>

#include "layers.hpp"
#include "network.hpp"

namespace normlab::train {

void Network::add_transformer() {
    const std::size_t d = spec_.width;
    embed_ = size_;
    size_ += (spec_.classes + spec_.inputs) * d;
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        norms_.push_back(add_norm());
        qkv_.push_back(add_linear(d, 3 * d));
        wo_.push_back(add_linear(d, d));
        norms_.push_back(add_norm());
        w1_.push_back(add_linear(d, 4 * d));
        w2_.push_back(add_linear(4 * d, d));
    }
    if (!spec_.post) final_ = add_norm();  // Pre-LN's stream is never normalized otherwise
}

// Embeddings ~ N(0, 1) (nn.Embedding's default); Linear weights by spec.init; biases 0, γ 1, β 0.
void Network::init_transformer(Rng& rng) {
    const std::size_t d = spec_.width;
    for (std::size_t i = 0; i < (spec_.classes + spec_.inputs) * d; ++i)
        params_[embed_ + i] = static_cast<float>(rng.normal());
    auto weights = [&](const LinearP& p) { init_weights(&params_[p.w], p.in, p.out, spec_.init, rng); };
    auto gamma = [&](const NormP& p) {
        if (spec_.normalized) std::fill_n(&params_[p.gamma], d, 1.0f);
    };
    for (const NormP& p : norms_) gamma(p);
    if (!spec_.post) gamma(final_);
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        weights(qkv_[l]);
        weights(wo_[l]);
        weights(w1_[l]);
        weights(w2_[l]);
    }
    weights(head_);
}

void Network::make_transformer_workspace(Workspace& ws) const {
    const std::size_t L = spec_.depth, d = spec_.width, t = spec_.inputs;
    const std::size_t rows = ws.capacity * t, narrow = rows * d, wide = rows * 4 * d;
    const bool normed = spec_.normalized, pre = !spec_.post;
    TransformerCache& c = ws.tf;
    auto layers = [&](TransformerCache::Layers& v, std::size_t len) { v.assign(L, std::vector<float>(len)); };
    c.x.assign(L + 1, std::vector<float>(narrow));
    layers(c.n1, normed && pre ? narrow : 0);
    layers(c.qkv, 3 * narrow);
    layers(c.probs, ws.capacity * spec_.heads * t * t);
    layers(c.ctx, narrow);
    layers(c.s1, narrow);
    layers(c.y1, normed && !pre ? narrow : 0);
    layers(c.n2, normed && pre ? narrow : 0);
    layers(c.u, wide);
    layers(c.a, wide);
    layers(c.s2, normed && !pre ? narrow : 0);  // Pre-LN writes s2 straight into x_(l+1)
    for (auto* stats : {&c.mean1, &c.rstd1, &c.mean2, &c.rstd2}) layers(*stats, normed ? rows : 0);
    const bool final_norm = normed && pre;
    c.nf.resize(final_norm ? narrow : 0);
    c.mean_f.resize(final_norm ? rows : 0);
    c.rstd_f.resize(final_norm ? rows : 0);
    c.dwide1.resize(wide);
    c.dwide2.resize(wide);
    ws.logits.resize(rows * spec_.classes);
    ws.dlogits.resize(rows * spec_.classes);
    for (auto* buf : {&ws.d1, &ws.d2, &ws.d3, &ws.d4}) buf->resize(narrow);
    ws.wt.resize(4 * d * std::max(d, spec_.classes));
}

}  // namespace normlab::train
