// transformer.hpp (private) — what one forward pass of the Transformer keeps for its backward pass
// (network.hpp's Workspace holds one). Token rows: n sequences · t tokens, each row d = width wide.
// Per layer l (Post-LN: each sublayer ends in its Norm; Pre-LN: each sublayer starts with it):
//   attention sublayer:  n1 = Norm1(x_l) (pre),  qkv = W_qkv·(pre ? n1 : x_l),  ctx = Attention(qkv),
//                        s1 = x_l + W_o·ctx,  y1 = Norm1(s1) (post; pre: y1 is s1)
//   MLP sublayer:        n2 = Norm2(y1) (pre),  u = W1·(pre ? n2 : y1),  a = act(u),  s2 = y1 + W2·a,
//                        x_(l+1) = Norm2(s2) (post; pre: x_(l+1) is s2)
// x_0 = token embedding + position embedding; logits = W_out·(Pre-LN ? Norm_f(x_L) : x_L) per token.
#pragma once

#include <cstddef>
#include <vector>

namespace normlab::train {

struct TransformerCache {
    using Layers = std::vector<std::vector<float>>;
    Layers x;                                          // [depth + 1][rows·d]: the stream into each layer
    Layers n1, qkv, probs, ctx, s1, y1, n2, u, a, s2;  // per layer, as above (unused ones stay empty)
    Layers mean1, rstd1, mean2, rstd2;                 // the two Norms' statistics, one per token row
    std::vector<float> nf, mean_f, rstd_f;             // the final Norm (Pre-LN)
    std::vector<float> dwide1, dwide2;                 // backward scratch, rows·4d
};

}  // namespace normlab::train
