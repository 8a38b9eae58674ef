// test_conv_torch.cpp — the conv trainer against PyTorch (tests/golden/torch-conv-vectors.json, made by
// generate_torch_conv_vectors.py): a conv block (Conv2d → norm → ReLU) forward and backward with every
// norm, BatchNorm's running statistics and eval-mode output, and the whole depth-2 network's logits,
// loss and parameter gradients in the trainer's own parameter layout.
// Tolerance: max |ours - torch| <= 2e-5 · max(1, max |torch|) for forward values and 1e-4 · max |torch|
// for gradients (float32 on both sides, sums in different orders; measured ~1e-7 and ~1e-6).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "normlab/normalize.hpp"
#include "normlab/random.hpp"
#include "torch_checks.hpp"
#include "train/conv.hpp"
#include "train/layers.hpp"
#include "train/network.hpp"

using namespace normlab::train;
using torch_checks::check_forward;
using torch_checks::check_grad;

namespace {

const json_lite::Value& vectors() {
    static const json_lite::Value doc = torch_checks::golden("torch-conv-vectors.json");
    return doc;
}

double max_abs(const json_lite::Value& v) {
    double m = 0;
    for (float f : v.floats()) m = std::max(m, std::abs(static_cast<double>(f)));
    return m;
}

normlab::TrainConfig conv_config(const std::string& norm, int depth, int width) {
    normlab::TrainConfig c;
    c.dataset = "digits";
    c.architecture = "conv";
    c.norm = norm;
    c.depth = depth;
    c.width = width;
    c.groups = 2;
    return c;
}

// The norm options of a block vector, the trainer's way (net_spec maps "layer" to GroupNorm(1)).
normlab::NormOptions block_norm(const NetSpec& s, const std::vector<float>& gamma, const std::vector<float>& beta) {
    normlab::NormOptions o;
    o.eps = s.eps;
    o.groups = s.groups;
    o.gamma = gamma;
    o.beta = beta;
    return o;
}

void check_block(const json_lite::Value& v) {
    const std::string norm = v["norm"].text;
    const std::size_t n = v["shape"].items[0].number, cin = v["shape"].items[1].number, c = v["shape"].items[2].number,
                      side = v["shape"].items[3].number, hw = side * side;
    const NetSpec spec = net_spec(conv_config(norm, 2, static_cast<int>(c)), 64, 10);
    const auto x = v["input"].floats(), w = v["convWeight"].floats(), b = v["convBias"].floats();
    const std::size_t count = n * c * hw;
    ConvScratch scratch = make_conv_scratch(cin, c, side);
    std::vector<float> z(count), y(count), out(count);
    conv3x3_forward(z.data(), x.data(), w.data(), b.data(), n, cin, c, side, scratch);
    std::vector<float> gamma, beta, running_mean(c, 0.0f), running_var(c, 1.0f);
    const normlab::Shape shape{n, c, hw};
    normlab::NormOptions o;
    const float* pre = z.data();
    if (spec.normalized) {
        gamma = v["normWeight"].floats(), beta = v["normBias"].floats();
        o = block_norm(spec, gamma, beta);
        o.running_mean = running_mean, o.running_var = running_var;
        const std::size_t stats = normlab::stat_count(spec.kind, shape, spec.groups);
        std::vector<float> mean(stats), rstd(stats);
        normlab::normalize_into(spec.kind, z, shape, o, y, mean, rstd);
        pre = y.data();
    }
    activation_forward(out.data(), pre, count, Activation::relu);
    check_forward("output", out, v["output"]);

    std::vector<float> dpre(count), dz(count), dx(n * cin * hw), dw(w.size()), db(c), dgamma(c), dbeta(c);
    const auto gout = v["gradOutput"].floats();
    activation_backward(dpre.data(), gout.data(), pre, out.data(), count, Activation::relu);
    if (spec.normalized)
        normlab::backward_into(spec.kind, z, dpre, shape, o, dz, dgamma, dbeta);
    else
        dz = dpre;
    conv3x3_backward(dx.data(), dw.data(), db.data(), x.data(), dz.data(), w.data(), n, cin, c, side, scratch);
    check_grad("gradInput", dx, v["gradInput"]);
    check_grad("gradConvWeight", dw, v["gradConvWeight"]);
    check_grad("gradConvBias", db, v["gradConvBias"], max_abs(v["gradConvWeight"]));
    if (spec.normalized) {
        check_grad("gradNormWeight", dgamma, v["gradNormWeight"]);
        check_grad("gradNormBias", dbeta, v["gradNormBias"]);
    }
    if (norm != "batch") return;
    check_forward("runningMean", running_mean, v["runningMean"]);
    check_forward("runningVar", running_var, v["runningVar"]);
    o.training = false;
    std::vector<float> mean(c), rstd(c);
    normlab::normalize_into(spec.kind, z, shape, o, y, mean, rstd);
    activation_forward(out.data(), y.data(), count, Activation::relu);
    check_forward("evalOutput", out, v["evalOutput"]);
}

void check_network(const json_lite::Value& v) {
    const std::string norm = v["norm"].text;
    const std::size_t n = v["shape"].items[0].number, depth = v["shape"].items[1].number,
                      c = v["shape"].items[2].number, classes = v["shape"].items[3].number;
    normlab::Rng rng(1);
    Network net(net_spec(conv_config(norm, static_cast<int>(depth), static_cast<int>(c)), 64, classes), rng);
    const auto params = v["params"].floats();
    REQUIRE(net.params().size() == params.size());
    net.params() = params;
    const auto x = v["input"].floats();
    std::vector<int> labels;
    for (const auto& l : v["labels"].items) labels.push_back(static_cast<int>(l.number));
    Workspace ws = net.make_workspace(n);
    const float* logits = net.forward(ws, x.data(), n, Pass::train);
    check_forward("logits", {logits, logits + n * classes}, v["logits"]);
    const double loss = softmax_cross_entropy(ws.dlogits.data(), logits, labels.data(), n, classes, nullptr) / n;
    CHECK(loss == doctest::Approx(v["loss"].items[0].number).epsilon(1e-5));
    net.backward(ws, x.data(), n);
    check_grad("grads", net.grads(), v["grads"]);
    if (norm != "batch") return;
    // save() lays out the parameters, then each norm's running mean and variance.
    std::vector<float> saved, running_mean, running_var;
    net.save(saved);
    for (std::size_t l = 0; l < depth; ++l) {
        const auto at = saved.begin() + static_cast<std::ptrdiff_t>(params.size() + 2 * l * c);
        running_mean.insert(running_mean.end(), at, at + static_cast<std::ptrdiff_t>(c));
        running_var.insert(running_var.end(), at + static_cast<std::ptrdiff_t>(c),
                           at + static_cast<std::ptrdiff_t>(2 * c));
    }
    check_forward("runningMean", running_mean, v["runningMean"]);
    check_forward("runningVar", running_var, v["runningVar"]);
    const float* eval = net.forward(ws, x.data(), n, Pass::infer);
    check_forward("evalLogits", {eval, eval + n * classes}, v["evalLogits"]);
}

}  // namespace

TEST_CASE("conv vs PyTorch: the vectors record their generator and torch version") {
    CHECK(vectors()["generator"].text == "tests/golden/generate_torch_conv_vectors.py");
    CHECK(!vectors()["torch"].text.empty());
    CHECK(vectors()["vectors"].items.size() == 10);
}

TEST_CASE("conv vs PyTorch: a conv block with each norm, forward and backward") {
    for (const auto& v : vectors()["vectors"].items) {
        if (v["kind"].text != "block") continue;
        CAPTURE(v["name"].text);
        check_block(v);
    }
}

TEST_CASE("conv vs PyTorch: the whole network's logits, loss and gradients, each norm") {
    for (const auto& v : vectors()["vectors"].items) {
        if (v["kind"].text != "network") continue;
        CAPTURE(v["name"].text);
        check_network(v);
    }
}
