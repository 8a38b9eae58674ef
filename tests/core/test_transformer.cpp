// test_transformer.cpp — the Transformer trainer's contract: its configuration rules name the field, the
// sequence tasks hold what datasets.hpp says, it learns, one seed gives one curve (bit for bit), warm-up
// changes only the steps after the first, and its reports have the documented shapes.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "normlab/errors.hpp"
#include "normlab/train.hpp"
#include "train_checks.hpp"

using normlab::TrainConfig;
using normlab::Trainer;

namespace {

// The study's set-up, narrower and with smaller batches: quick to run.
TrainConfig small(const std::string& norm = "layer", const std::string& placement = "pre") {
    TrainConfig c = normlab::transformer_study_config(norm, placement, 0);
    c.width = 16;
    c.heads = 2;
    c.learning_rate = 0.01;
    c.batch_size = 16;
    c.eval_every = 20;
    return c;
}

std::string config_error(const std::function<void(TrainConfig&)>& change) { return ref::config_error(small(), change); }

}  // namespace

TEST_CASE("transformer config: valid set-ups pass and every rule names its field") {
    for (std::string norm : {"none", "layer", "rms"})
        for (std::string placement : {"", "pre", "post"}) {
            CAPTURE(norm);
            CAPTURE(placement);
            CHECK(config_error([&](auto& c) { c.norm = norm, c.placement = placement; }) == "(nothing thrown)");
        }
    CHECK(config_error([](auto& c) { c.sequence_task = "sort", c.sequence_length = 12, c.batch_size = 42; }) ==
          "(nothing thrown)");
    CHECK(config_error([](auto& c) { c.depth = 1, c.width = 64, c.heads = 8; }) == "(nothing thrown)");
    CHECK(config_error([](auto& c) { c.placement = "sideways"; }) == "placement");
    CHECK(config_error([](auto& c) { c.architecture = "plain", c.dataset = "spirals"; }) == "placement");
    CHECK(config_error([](auto& c) { c.architecture = "residual", c.dataset = "spirals", c.placement = "post"; }) ==
          "placement");
    CHECK(config_error([](auto& c) { c.architecture = "plain", c.placement = ""; }) == "dataset");
    CHECK(config_error([](auto& c) { c.dataset = "spirals"; }) == "dataset");
    CHECK(config_error([](auto& c) { c.norm = "batch"; }) == "norm");
    CHECK(config_error([](auto& c) { c.norm = "group"; }) == "norm");
    CHECK(config_error([](auto& c) { c.depth = 0; }) == "depth");
    CHECK(config_error([](auto& c) { c.depth = 9; }) == "depth");
    CHECK(config_error([](auto& c) { c.width = 4; }) == "width");
    CHECK(config_error([](auto& c) { c.width = 128; }) == "width");
    CHECK(config_error([](auto& c) { c.heads = 3; }) == "heads");
    CHECK(config_error([](auto& c) { c.heads = 0; }) == "heads");
    CHECK(config_error([](auto& c) { c.sequence_task = "copy"; }) == "sequenceTask");
    CHECK(config_error([](auto& c) { c.sequence_length = 3; }) == "sequenceLength");
    CHECK(config_error([](auto& c) { c.sequence_length = 13; }) == "sequenceLength");
    CHECK(config_error([](auto& c) { c.batch_size = 65; }) == "batchSize");  // 65 x 8 tokens > 512
    CHECK(config_error([](auto& c) { c.warmup_steps = -1; }) == "warmupSteps");
    CHECK(config_error([](auto& c) { c.activation = "gelu"; }) == "activation");
    // The message says what is wrong.
    TrainConfig bad = small();
    bad.architecture = "plain";
    bad.dataset = "spirals";
    CHECK_THROWS_WITH_AS(normlab::validate(bad), doctest::Contains("applies only to architecture \"transformer\""),
                         normlab::invalid_argument);
}

TEST_CASE("sequence tasks: targets are the digits reversed or sorted; held-out sequences are new") {
    for (std::string task : {"reverse", "sort"}) {
        CAPTURE(task);
        TrainConfig c = small();
        c.sequence_task = task;
        c.sequence_length = 5;
        const normlab::DataSnapshot d = Trainer(c).data();
        CHECK(d.inputs == 5);
        CHECK(d.classes == 10);
        CHECK(d.train_x.size() == 2048 * 5);
        CHECK(d.heldout_x.size() == 512 * 5);
        CHECK(d.train_y.size() == d.train_x.size());
        std::set<std::vector<float>> seen;
        for (std::size_t s = 0; s < 2048; ++s) {
            std::vector<float> x(d.train_x.begin() + s * 5, d.train_x.begin() + s * 5 + 5);
            seen.insert(x);
            std::vector<int> want(x.begin(), x.end());
            if (task == "sort")
                std::sort(want.begin(), want.end());
            else
                std::reverse(want.begin(), want.end());
            CHECK(std::equal(want.begin(), want.end(), d.train_y.begin() + s * 5));
        }
        for (std::size_t s = 0; s < 512; ++s)
            CHECK(seen.count({d.heldout_x.begin() + s * 5, d.heldout_x.begin() + s * 5 + 5}) == 0);
    }
}

// The study's model at rate 0.01, where every variant trains (docs/training.md), for half its steps.
TEST_CASE("transformer: learns to reverse, every norm and placement") {
    for (std::string norm : {"none", "layer", "rms"})
        for (std::string placement : {"pre", "post"}) {
            CAPTURE(norm);
            CAPTURE(placement);
            TrainConfig c = normlab::transformer_study_config(norm, placement, 0);
            c.learning_rate = 0.01;
            Trainer t(c);
            const double before = t.evaluate().train.loss;
            t.run(100);
            const normlab::EvalReport after = t.evaluate();
            CHECK(!t.diverged());
            CHECK(after.train.loss < before / 2);
            CHECK(after.heldout.accuracy > 0.5);
        }
}

TEST_CASE("transformer: one seed gives one curve, bit for bit; another seed another") {
    for (std::string placement : {"pre", "post"}) {
        CAPTURE(placement);
        TrainConfig c = small("rms", placement);
        const normlab::StepResult a = Trainer(c).step(40), b = Trainer(c).step(40);
        CHECK(ref::same_bits(a.loss, b.loss));
        REQUIRE(a.evals.size() == 2);
        CHECK(ref::same_bits({a.evals[1].train.loss, a.evals[1].heldout.loss},
                             {b.evals[1].train.loss, b.evals[1].heldout.loss}));
        c.seed = 2;
        CHECK(!ref::same_bits(a.loss, Trainer(c).step(40).loss));
    }
}

TEST_CASE("warm-up: the first step's loss is the same, the updates are smaller until the rate is reached") {
    TrainConfig c = small();
    c.learning_rate = 0.03;
    const normlab::StepResult plain = Trainer(c).step(30);
    c.warmup_steps = 30;
    const normlab::StepResult warm = Trainer(c).step(30);
    CHECK(plain.loss[0] == warm.loss[0]);  // the loss before any update
    CHECK(plain.loss[1] != warm.loss[1]);
    c.warmup_steps = 1;  // a one-step warm-up is the full rate from step 1: no warm-up at all
    CHECK(ref::same_bits(Trainer(c).step(30).loss, plain.loss));
}

TEST_CASE("transformer reports: one entry per layer, the MLP's activation inputs per position") {
    TrainConfig c = small();
    c.hist_bins = 10;
    Trainer t(c);
    t.run(5);
    const normlab::EvalReport e = t.evaluate();
    CHECK(e.preact_mean.size() == 2);
    CHECK(e.preact_std.size() == 2);
    CHECK(e.grad_norm.size() == 2);
    CHECK(e.grad_norm[0] > 0);
    CHECK(e.watch_layer == 1);
    double counted = e.hist_below + e.hist_above;
    for (double n : e.hist_counts) counted += n;
    CHECK(counted == 2048.0 * 8 * 4 * 16);  // sequences x tokens x the MLP's 4·width units
    CHECK_THROWS_AS(t.predict_grid(8), normlab::invalid_argument);
}
