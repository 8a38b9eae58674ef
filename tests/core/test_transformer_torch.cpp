// test_transformer_torch.cpp — the Transformer trainer against PyTorch (tests/golden/
// torch-transformer-vectors.json, made by generate_torch_transformer_vectors.py): the attention sublayer
// (nn.MultiheadAttention) with LayerNorm and RMSNorm, Pre-LN and Post-LN, forward and backward, composed
// from the trainer's kernels; and the whole depth-2 network's logits, loss and parameter gradients in the
// trainer's own parameter layout, for every norm and placement.
// Tolerance: max |ours - torch| <= 2e-5 · max(1, max |torch|) for forward values and 1e-4 · max |torch|
// for gradients (float32 on both sides, sums in different orders), as the conv net's PyTorch test.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "normlab/normalize.hpp"
#include "normlab/random.hpp"
#include "torch_checks.hpp"
#include "train/attention.hpp"
#include "train/layers.hpp"
#include "train/network.hpp"

using namespace normlab::train;
using torch_checks::check_forward;
using torch_checks::check_grad;

namespace {

const json_lite::Value& vectors() {
    static const json_lite::Value doc = torch_checks::golden("torch-transformer-vectors.json");
    return doc;
}

std::size_t dim(const json_lite::Value& v, std::size_t i) {
    return static_cast<std::size_t>(v["shape"].items[i].number);
}

// Pre-LN y = x + Attn(Norm(x)) or Post-LN y = Norm(x + Attn(x)), forward and backward from the kernels.
void check_block(const json_lite::Value& v) {
    const bool post = v["placement"].text == "post";
    const normlab::Kind kind = normlab::parse_kind(v["norm"].text);
    const std::size_t n = dim(v, 0), t = dim(v, 1), d = dim(v, 2), heads = dim(v, 3), rows = n * t;
    const auto x = v["input"].floats(), wqkv = v["qkvWeight"].floats(), bqkv = v["qkvBias"].floats();
    const auto wo = v["outWeight"].floats(), bo = v["outBias"].floats(), gamma = v["normWeight"].floats();
    const std::vector<float> beta = kind == normlab::Kind::layer ? v["normBias"].floats() : std::vector<float>{};
    normlab::NormOptions o;
    o.gamma = gamma;
    o.beta = beta;
    const normlab::Shape shape{rows, d, 1};
    std::vector<float> mean(rows), rstd(rows), normed(rows * d), qkv(rows * 3 * d), ctx(rows * d), y(rows * d);
    std::vector<float> probs(n * heads * t * t);
    if (!post) normlab::normalize_into(kind, x, shape, o, normed, mean, rstd);
    const std::vector<float>& attn_in = post ? x : normed;
    linear_forward(qkv.data(), attn_in.data(), wqkv.data(), bqkv.data(), rows, d, 3 * d);
    attention_forward(ctx.data(), probs.data(), qkv.data(), n, t, d, heads);
    linear_forward(y.data(), ctx.data(), wo.data(), bo.data(), rows, d, d);
    for (std::size_t i = 0; i < rows * d; ++i) y[i] = x[i] + y[i];
    const std::vector<float> sum = y;
    if (post) normlab::normalize_into(kind, sum, shape, o, y, mean, rstd);
    check_forward("output", y, v["output"]);

    const auto gy = v["gradOutput"].floats();
    std::vector<float> dsum = gy, dgamma(d), dbeta(beta.size()), dctx(rows * d), dqkv(rows * 3 * d);
    std::vector<float> dwo(d * d), dbo(d), dwqkv(d * 3 * d), dbqkv(3 * d), dattn_in(rows * d), dx(rows * d);
    std::vector<float> wt(3 * d * d);
    if (post) normlab::backward_into(kind, sum, gy, shape, o, dsum, dgamma, dbeta);
    linear_backward_params(dwo.data(), dbo.data(), ctx.data(), dsum.data(), rows, d, d);
    linear_backward_input(dctx.data(), wt.data(), dsum.data(), wo.data(), rows, d, d);
    attention_backward(dqkv.data(), dctx.data(), qkv.data(), probs.data(), n, t, d, heads);
    linear_backward_params(dwqkv.data(), dbqkv.data(), attn_in.data(), dqkv.data(), rows, d, 3 * d);
    linear_backward_input(dattn_in.data(), wt.data(), dqkv.data(), wqkv.data(), rows, d, 3 * d);
    if (post) {
        for (std::size_t i = 0; i < rows * d; ++i) dx[i] = dsum[i] + dattn_in[i];
    } else {
        normlab::backward_into(kind, x, dattn_in, shape, o, dx, dgamma, dbeta);
        for (std::size_t i = 0; i < rows * d; ++i) dx[i] = gy[i] + dx[i];
    }
    check_grad("gradInput", dx, v["gradInput"]);
    check_grad("gradQkvWeight", dwqkv, v["gradQkvWeight"]);
    check_grad("gradQkvBias", dbqkv, v["gradQkvBias"]);
    check_grad("gradOutWeight", dwo, v["gradOutWeight"]);
    check_grad("gradOutBias", dbo, v["gradOutBias"]);
    check_grad("gradNormWeight", dgamma, v["gradNormWeight"]);
    if (!beta.empty()) check_grad("gradNormBias", dbeta, v["gradNormBias"]);
}

void check_network(const json_lite::Value& v) {
    const std::size_t n = dim(v, 0), t = dim(v, 1), d = dim(v, 2), vocab = dim(v, 5);
    normlab::TrainConfig c;
    c.dataset = "sequence";
    c.architecture = "transformer";
    c.norm = v["norm"].text;
    c.placement = v["placement"].text;
    c.width = static_cast<int>(d);
    c.heads = static_cast<int>(dim(v, 3));
    c.depth = static_cast<int>(dim(v, 4));
    c.sequence_length = static_cast<int>(t);
    normlab::validate(c);
    normlab::Rng rng(1);
    Network net(net_spec(c, t, vocab), rng);
    const auto params = v["params"].floats();
    REQUIRE(net.params().size() == params.size());
    net.params() = params;
    std::vector<float> x;
    std::vector<int> labels;
    for (const auto& k : v["tokens"].items) x.push_back(static_cast<float>(k.number));
    for (const auto& l : v["labels"].items) labels.push_back(static_cast<int>(l.number));
    Workspace ws = net.make_workspace(n);
    const float* logits = net.forward(ws, x.data(), n, Pass::train);
    check_forward("logits", {logits, logits + n * t * vocab}, v["logits"]);
    const double loss = softmax_cross_entropy(ws.dlogits.data(), logits, labels.data(), n * t, vocab, nullptr) /
                        static_cast<double>(n * t);
    CHECK(loss == doctest::Approx(v["loss"].items[0].number).epsilon(1e-5));
    net.backward(ws, x.data(), n);
    check_grad("grads", net.grads(), v["grads"]);
}

}  // namespace

TEST_CASE("transformer vs PyTorch: the vectors record their generator and torch version") {
    CHECK(vectors()["generator"].text == "tests/golden/generate_torch_transformer_vectors.py");
    CHECK(!vectors()["torch"].text.empty());
    CHECK(vectors()["vectors"].items.size() == 9);
}

TEST_CASE("transformer vs PyTorch: the attention sublayer with LayerNorm and RMSNorm, Pre-LN and Post-LN") {
    for (const auto& v : vectors()["vectors"].items) {
        if (v["kind"].text != "block") continue;
        CAPTURE(v["name"].text);
        check_block(v);
    }
}

TEST_CASE("transformer vs PyTorch: the whole network's logits, loss and gradients, every norm and placement") {
    for (const auto& v : vectors()["vectors"].items) {
        if (v["kind"].text != "network") continue;
        CAPTURE(v["name"].text);
        check_network(v);
    }
}
