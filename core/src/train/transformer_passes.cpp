// transformer_passes.cpp — forward and backward of the Transformer (the equations: transformer.hpp).
// A sublayer F is wrapped as x ← x + F(Norm(x)) (Pre-LN) or x ← Norm(x + F(x)) (Post-LN), so its backward
// is dx = dy + Norm'ᵀ(F'ᵀ dy) or, with ds = Norm'ᵀ dy, dx = ds + F'ᵀ ds. With norm "none" both read
// x ← x + F(x). Token rows r = b·t + i (sequence b, position i); the input holds token ids as floats.
#include <algorithm>

#include "attention.hpp"
#include "layers.hpp"
#include "network.hpp"

namespace normlab::train {

namespace {

// y = x + y over n values: the residual connection.
void add_skip(float* y, const float* x, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) y[i] = x[i] + y[i];
}

}  // namespace

void Network::forward_transformer(Workspace& ws, const float* x, std::size_t rows, Pass pass) {
    const std::size_t d = spec_.width, t = spec_.inputs, tok = rows * t;
    const bool post = spec_.post, normed = spec_.normalized;
    TransformerCache& c = ws.tf;
    const float* tok_emb = &params_[embed_];
    const float* pos_emb = tok_emb + spec_.classes * d;
    for (std::size_t r = 0; r < tok; ++r) {
        const float* e = tok_emb + static_cast<std::size_t>(x[r]) * d;
        const float* p = pos_emb + (r % t) * d;
        float* x0 = &c.x[0][r * d];
        for (std::size_t k = 0; k < d; ++k) x0[k] = e[k] + p[k];
    }
    for (std::size_t l = 0; l < spec_.depth; ++l) {
        NormP &norm1 = norms_[2 * l], &norm2 = norms_[2 * l + 1];
        float *mean1 = c.mean1[l].data(), *rstd1 = c.rstd1[l].data();
        float *mean2 = c.mean2[l].data(), *rstd2 = c.rstd2[l].data();
        const float* in = c.x[l].data();
        const float* ain = post ? in : norm_forward(norm1, c.n1[l].data(), mean1, rstd1, in, tok, pass);
        linear(qkv_[l], c.qkv[l].data(), ain, tok);
        attention_forward(c.ctx[l].data(), c.probs[l].data(), c.qkv[l].data(), rows, t, d, spec_.heads);
        float* s1 = c.s1[l].data();
        linear(wo_[l], s1, c.ctx[l].data(), tok);
        add_skip(s1, in, tok * d);
        const float* y = post ? norm_forward(norm1, c.y1[l].data(), mean1, rstd1, s1, tok, pass) : s1;

        const float* fin = post ? y : norm_forward(norm2, c.n2[l].data(), mean2, rstd2, y, tok, pass);
        linear(w1_[l], c.u[l].data(), fin, tok);
        activation_forward(c.a[l].data(), c.u[l].data(), tok * 4 * d, spec_.activation);
        float* s2 = post && normed ? c.s2[l].data() : c.x[l + 1].data();
        linear(w2_[l], s2, c.a[l].data(), tok);
        add_skip(s2, y, tok * d);
        if (post && normed) norm_forward(norm2, c.x[l + 1].data(), mean2, rstd2, s2, tok, pass);
    }
    const float* last = c.x[spec_.depth].data();
    const float* hf =
        post ? last : norm_forward(final_, c.nf.data(), c.mean_f.data(), c.rstd_f.data(), last, tok, pass);
    linear(head_, ws.logits.data(), hf, tok);
}

void Network::backward_transformer(Workspace& ws, const float* x, std::size_t rows) {
    const std::size_t d = spec_.width, t = spec_.inputs, tok = rows * t, L = spec_.depth;
    TransformerCache& c = ws.tf;
    float *dstream = ws.d1.data(), *tmp = ws.d2.data();
    if (!spec_.post && spec_.normalized) {
        linear_grad(head_, tmp, ws, c.nf.data(), ws.dlogits.data(), tok);
        norm_backward(final_, dstream, c.x[L].data(), tmp, tok);
    } else {
        linear_grad(head_, dstream, ws, c.x[L].data(), ws.dlogits.data(), tok);
    }
    for (std::size_t l = L; l-- > 0;) {
        backward_mlp(ws, l, rows);
        backward_attention(ws, l, rows);
    }
    // Each embedding row collects the gradient of every token row that looked it up, in row order.
    float* g_tok = &grads_[embed_];
    float* g_pos = g_tok + spec_.classes * d;
    std::fill(g_tok, g_tok + (spec_.classes + t) * d, 0.0f);
    for (std::size_t r = 0; r < tok; ++r) {
        float* gt = g_tok + static_cast<std::size_t>(x[r]) * d;
        float* gp = g_pos + (r % t) * d;
        const float* dr = dstream + r * d;
        for (std::size_t k = 0; k < d; ++k) {
            gt[k] = gt[k] + dr[k];
            gp[k] = gp[k] + dr[k];
        }
    }
}

// ws.d1: d loss / d x_(l+1) in, d loss / d y1 out.
void Network::backward_mlp(Workspace& ws, std::size_t l, std::size_t rows) {
    const std::size_t d = spec_.width, tok = rows * spec_.inputs;
    const bool post = spec_.post, normed = spec_.normalized;
    TransformerCache& c = ws.tf;
    float *dstream = ws.d1.data(), *dsum_buf = ws.d2.data(), *dfin = ws.d3.data(), *dnorm = ws.d4.data();
    const float* y = post && normed ? c.y1[l].data() : c.s1[l].data();
    const float* fin = !post && normed ? c.n2[l].data() : y;
    const float* dsum = dstream;
    if (post && normed) {
        norm_backward(norms_[2 * l + 1], dsum_buf, c.s2[l].data(), dstream, tok);
        dsum = dsum_buf;
    }
    linear_grad(w2_[l], c.dwide1.data(), ws, c.a[l].data(), dsum, tok);
    activation_backward(c.dwide2.data(), c.dwide1.data(), c.u[l].data(), c.a[l].data(), tok * 4 * d, spec_.activation);
    linear_grad(w1_[l], dfin, ws, fin, c.dwide2.data(), tok);
    const float* branch = dfin;
    if (!post && normed) {
        norm_backward(norms_[2 * l + 1], dnorm, y, dfin, tok);
        branch = dnorm;
    }
    for (std::size_t i = 0; i < tok * d; ++i) dstream[i] = dsum[i] + branch[i];
}

// ws.d1: d loss / d y1 in, d loss / d x_l out.
void Network::backward_attention(Workspace& ws, std::size_t l, std::size_t rows) {
    const std::size_t d = spec_.width, t = spec_.inputs, tok = rows * t;
    const bool post = spec_.post, normed = spec_.normalized;
    TransformerCache& c = ws.tf;
    float *dstream = ws.d1.data(), *dsum_buf = ws.d2.data(), *dctx = ws.d3.data(), *dnorm = ws.d4.data();
    const float* in = c.x[l].data();
    const float* ain = !post && normed ? c.n1[l].data() : in;
    const float* dsum = dstream;
    if (post && normed) {
        norm_backward(norms_[2 * l], dsum_buf, c.s1[l].data(), dstream, tok);
        dsum = dsum_buf;
    }
    linear_grad(wo_[l], dctx, ws, c.ctx[l].data(), dsum, tok);
    attention_backward(c.dwide1.data(), dctx, c.qkv[l].data(), c.probs[l].data(), rows, t, d, spec_.heads);
    float* dain = dctx;  // dctx is spent
    linear_grad(qkv_[l], dain, ws, ain, c.dwide1.data(), tok);
    const float* branch = dain;
    if (!post && normed) {
        norm_backward(norms_[2 * l], dnorm, in, dain, tok);
        branch = dnorm;
    }
    for (std::size_t i = 0; i < tok * d; ++i) dstream[i] = dsum[i] + branch[i];
}

}  // namespace normlab::train
