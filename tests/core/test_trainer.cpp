// test_trainer.cpp — the Trainer's contract: configuration errors name the field, training lowers the
// loss (spirals and digits, both architectures), divergence is detected and never reported as a number,
// one seed gives one curve, and the reports have the documented shapes.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "normlab/errors.hpp"
#include "normlab/train.hpp"
#include "train_checks.hpp"

using normlab::TrainConfig;
using normlab::Trainer;

namespace {

std::string field_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const normlab::invalid_argument& e) {
        return e.argument();
    }
    return "(nothing thrown)";
}

std::string config_error(const std::function<void(TrainConfig&)>& change) { return ref::config_error({}, change); }

// The digits file from the repository (tests run from anywhere: the path is relative to this file).
std::vector<std::uint8_t> digits_bytes() {
    const std::string here = __FILE__;
    const std::string root = here.substr(0, here.rfind("tests/core/"));
    std::ifstream in(root + "data/digits/digits.bin", std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TrainConfig small(const std::string& norm = "none") {
    TrainConfig c;
    c.depth = 3;
    c.width = 16;
    c.norm = norm;
    c.eval_every = 50;
    return c;
}

bool all_finite(const std::vector<double>& v) {
    for (double x : v)
        if (!std::isfinite(x)) return false;
    return true;
}

}  // namespace

TEST_CASE("trainer config: the default is valid and every rule names its field") {
    CHECK_NOTHROW(normlab::validate(TrainConfig{}));
    CHECK(config_error([](auto& c) { c.dataset = "mnist"; }) == "dataset");
    CHECK(config_error([](auto& c) { c.depth = 1; }) == "depth");
    CHECK(config_error([](auto& c) { c.depth = 17; }) == "depth");
    CHECK(config_error([](auto& c) { c.width = 7; }) == "width");
    CHECK(config_error([](auto& c) { c.width = 257; }) == "width");
    CHECK(config_error([](auto& c) { c.activation = "gelu"; }) == "activation");
    CHECK(config_error([](auto& c) { c.init = "orthogonal"; }) == "init");
    CHECK(config_error([](auto& c) { c.architecture = "recurrent"; }) == "architecture");
    CHECK(config_error([](auto& c) { c.norm = "instance"; }) == "norm");
    CHECK(config_error([](auto& c) { c.norm = "group", c.width = 10, c.groups = 4; }) == "groups");
    CHECK(config_error([](auto& c) { c.norm = "group", c.groups = 0; }) == "groups");
    CHECK(config_error([](auto& c) { c.optimizer = "rmsprop"; }) == "optimizer");
    CHECK(config_error([](auto& c) { c.momentum = 1; }) == "momentum");
    CHECK(config_error([](auto& c) { c.learning_rate = 5e-5; }) == "learningRate");
    CHECK(config_error([](auto& c) { c.learning_rate = 3.5; }) == "learningRate");
    CHECK(config_error([](auto& c) { c.learning_rate = std::nan(""); }) == "learningRate");
    CHECK(config_error([](auto& c) { c.batch_size = 0; }) == "batchSize");
    CHECK(config_error([](auto& c) { c.batch_size = 513; }) == "batchSize");
    CHECK(config_error([](auto& c) { c.eps = 0; }) == "eps");
    CHECK(config_error([](auto& c) { c.bn_momentum = 0; }) == "bnMomentum");
    CHECK(config_error([](auto& c) { c.steps = 0; }) == "steps");
    CHECK(config_error([](auto& c) { c.eval_every = 0; }) == "evalEvery");
    CHECK(config_error([](auto& c) { c.divergence_loss = -1; }) == "divergenceLoss");
    CHECK(config_error([](auto& c) { c.watch_layer = 8; }) == "watchLayer");
    CHECK(config_error([](auto& c) { c.hist_bins = 0; }) == "histBins");
    CHECK(config_error([](auto& c) { c.hist_range = 0; }) == "histRange");
    // The Transformer's fields, set on the MLP, would be ignored: refused instead.
    CHECK(config_error([](auto& c) { c.heads = 3; }) == "heads");
    CHECK(config_error([](auto& c) { c.sequence_task = "copy"; }) == "sequenceTask");
    CHECK(config_error([](auto& c) { c.sequence_task = "sort"; }) == "sequenceTask");
    CHECK(config_error([](auto& c) { c.sequence_length = 99; }) == "sequenceLength");
    CHECK(config_error([](auto& c) { c.sequence_length = 12; }) == "sequenceLength");
}

TEST_CASE("trainer config: BatchNorm with one sample per batch is a clear error") {
    TrainConfig c;
    c.norm = "batch";
    c.batch_size = 1;
    try {
        Trainer t(c);
        FAIL("no error");
    } catch (const normlab::invalid_argument& e) {
        CHECK(e.argument() == "batchSize");
        CHECK(std::string(e.what()).find("at least 2") != std::string::npos);
    }
    c.batch_size = 2;
    Trainer t(c);
    CHECK(t.run(20));
    c.norm = "layer";
    c.batch_size = 1;  // per-sample norms are fine with one sample
    Trainer t1(c);
    CHECK(t1.run(20));
}

TEST_CASE("trainer: digits need the digits.bin bytes") {
    TrainConfig c;
    c.dataset = "digits";
    CHECK(field_of([&] { Trainer t(c); }) == "digits");
    std::vector<std::uint8_t> bytes(100);
    CHECK(field_of([&] { Trainer t(c, bytes); }) == "digits");
}

TEST_CASE("trainer: training lowers the loss on the spirals, plain and residual, every norm") {
    for (std::string arch : {"plain", "residual"})
        for (std::string norm : {"none", "batch", "layer", "rms", "group"}) {
            CAPTURE(arch);
            CAPTURE(norm);
            TrainConfig c;
            c.architecture = arch;
            c.norm = norm;
            c.depth = arch == "plain" ? 8 : 4;
            c.learning_rate = 0.01;
            Trainer t(c);
            const double before = t.evaluate().train.loss;
            CHECK(t.run(600));
            const normlab::EvalReport after = t.evaluate();
            CHECK(after.train.loss < 0.6 * before);
            CHECK(after.train.accuracy > 0.6);
        }
}

TEST_CASE("trainer: training lowers the loss on the digits and generalizes") {
    const std::vector<std::uint8_t> bytes = digits_bytes();
    REQUIRE(bytes.size() == 1797 * 65);
    TrainConfig c;
    c.dataset = "digits";
    c.depth = 3;
    c.width = 64;
    c.norm = "batch";
    c.learning_rate = 0.03;
    Trainer t(c, bytes);
    const normlab::DataSnapshot d = t.data();
    CHECK(d.inputs == 64);
    CHECK(d.classes == 10);
    CHECK(d.train_y.size() == 1438);
    CHECK(d.heldout_y.size() == 359);
    const double before = t.evaluate().train.loss;
    CHECK(t.run(400));
    const normlab::EvalReport after = t.evaluate();
    MESSAGE("digits: " << before << " -> " << after.train.loss << ", held-out accuracy " << after.heldout.accuracy);
    CHECK(after.train.loss < 0.3 * before);
    CHECK(after.heldout.accuracy > 0.9);
}

TEST_CASE("trainer: a huge learning rate diverges, is reported as such, and never as a number") {
    TrainConfig c;
    c.learning_rate = 3;
    Trainer t(c);
    const normlab::StepResult r = t.step(3000);
    REQUIRE(r.diverged);
    CHECK(t.diverged());
    CHECK(r.reason == t.divergence_reason());
    CHECK(r.reason.rfind("diverged at step ", 0) == 0);
    CHECK(r.divergence.step == t.steps_done());  // the same, as fields
    CHECK(r.reason == "diverged at step " + std::to_string(r.divergence.step) + ": " + r.divergence.cause);
    CHECK(t.divergence().cause == r.divergence.cause);
    MESSAGE(r.reason);
    CHECK(static_cast<int>(r.loss.size()) < 3000);
    CHECK(r.loss.size() == r.accuracy.size());
    CHECK(static_cast<int>(r.loss.size()) == t.steps_done() - 1);  // the diverging step has no value
    CHECK(all_finite(r.loss));
    for (const auto& e : r.evals) CHECK(std::isfinite(e.train.loss));

    const int at = t.steps_done();
    const normlab::StepResult again = t.step(10);  // once diverged, nothing runs
    CHECK(again.diverged);
    CHECK(again.loss.empty());
    CHECK(t.steps_done() == at);
    CHECK_FALSE(t.run(5));
    // The model is rolled back to its last finite state, so it can still be drawn.
    CHECK(std::isfinite(t.evaluate().train.loss));
    CHECK(t.predict_grid(8).classes.size() == 64);
}

TEST_CASE("trainer: a loss above divergenceLoss counts as divergence") {
    TrainConfig c = small();
    c.divergence_loss = 0.5;  // the first loss, about ln 3, is already above it
    Trainer t(c);
    const normlab::StepResult r = t.step(5);
    CHECK(r.diverged);
    CHECK(r.loss.empty());
    CHECK(r.reason.find("exceeded divergenceLoss") != std::string::npos);
}

TEST_CASE("trainer: one seed gives one curve, another seed another") {
    for (std::string norm : {"none", "batch", "group"}) {
        CAPTURE(norm);
        TrainConfig c = small(norm);
        Trainer a(c), b(c);
        const normlab::StepResult ra = a.step(300), rb = b.step(300);
        CHECK(ra.loss == rb.loss);  // exact, bit for bit
        CHECK(ra.accuracy == rb.accuracy);
        REQUIRE(ra.evals.size() == 6);
        CHECK(ra.evals.back().train.loss == rb.evals.back().train.loss);
        CHECK(ra.evals.back().preact_std == rb.evals.back().preact_std);
        CHECK(ra.evals.back().hist_counts == rb.evals.back().hist_counts);

        c.seed = 2;
        Trainer other(c);
        CHECK(other.step(300).loss != ra.loss);
    }
}

TEST_CASE("trainer: step(n) in pieces equals one call; run() follows the same trajectory") {
    TrainConfig c = small("layer");
    Trainer whole(c), pieces(c), fast(c);
    const normlab::StepResult w = whole.step(100);
    std::vector<double> joined;
    for (int k = 0; k < 4; ++k) {
        const normlab::StepResult p = pieces.step(25);
        CHECK(p.first_step == 25 * k + 1);
        joined.insert(joined.end(), p.loss.begin(), p.loss.end());
    }
    CHECK(joined == w.loss);
    fast.run(100);
    CHECK(fast.train_loss() == whole.train_loss());
}

TEST_CASE("trainer: evaluation reports per-layer statistics and the watched layer's histogram") {
    TrainConfig c = small("batch");
    c.hist_bins = 20;
    Trainer t(c);
    const normlab::StepResult r = t.step(100);
    REQUIRE(r.evals.size() == 2);
    const normlab::EvalReport& e = r.evals[1];
    CHECK(e.step == 100);
    CHECK(e.preact_mean.size() == 3);
    CHECK(e.preact_std.size() == 3);
    CHECK(e.grad_norm.size() == 3);
    for (double g : e.grad_norm) CHECK(g > 0);
    CHECK(e.watch_layer == 1);  // depth / 2
    REQUIRE(e.hist_edges.size() == 21);
    CHECK(e.hist_edges.front() == -5);
    CHECK(e.hist_edges.back() == 5);
    double total = e.hist_below + e.hist_above;
    for (double n : e.hist_counts) total += n;
    CHECK(total == 300.0 * 16);  // every pre-activation of the training set, counted once
    // BatchNorm with gamma 1, beta 0 keeps the activation input near mean 0, std 1.
    CHECK(std::abs(e.preact_mean[1]) < 0.5);
    CHECK(e.preact_std[1] == doctest::Approx(1).epsilon(0.5));
    CHECK(e.heldout.accuracy >= 0);
    CHECK(e.heldout.accuracy <= 1);
}

TEST_CASE("trainer: decision regions over the spirals") {
    Trainer t(small());
    t.run(200);
    const normlab::GridPrediction g = t.predict_grid(16);
    CHECK(g.resolution == 16);
    CHECK(g.classes.size() == 256);
    CHECK(g.confidence.size() == 256);
    CHECK(g.x_min < -1);
    CHECK(g.x_max > 1);
    for (std::size_t i = 0; i < g.classes.size(); ++i) {
        CHECK(g.classes[i] >= 0);
        CHECK(g.classes[i] < 3);
        CHECK(g.confidence[i] >= 1.0 / 3 - 1e-12);
        CHECK(g.confidence[i] <= 1);
    }
    CHECK(field_of([&] { t.predict_grid(1); }) == "resolution");
    TrainConfig d;
    d.dataset = "digits";
    Trainer digits(d, digits_bytes());
    CHECK(field_of([&] { digits.predict_grid(8); }) == "dataset");
}

TEST_CASE("trainer: the spirals are the lesson's data set") {
    Trainer t(small());
    const normlab::DataSnapshot d = t.data();
    CHECK(d.inputs == 2);
    CHECK(d.classes == 3);
    CHECK(d.train_y.size() == 300);
    CHECK(d.heldout_y.size() == 150);
    double max_r = 0;
    for (std::size_t i = 0; i < d.train_y.size(); ++i)
        max_r = std::max(max_r, std::hypot(double{d.train_x[2 * i]}, double{d.train_x[2 * i + 1]}));
    CHECK(max_r == doctest::Approx(1).epsilon(1e-6));  // radius 0..1
}
