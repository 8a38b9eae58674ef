// test_trainer_sweep.cpp — the learning-rate sweep: its summary logic on hand-made outcomes (median
// with misses as +infinity, best rate and ties, stable range, speed-up at each variant's own best
// rate) and a tiny real sweep (layout, determinism, argument errors).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "normlab/errors.hpp"
#include "normlab/train.hpp"

using normlab::SweepResult;
using normlab::SweepRun;

namespace {

// One variant's sweep from a table of outcomes: rows = rates, columns = seeds; a number is "reached
// in that many steps", -1 is "not reached", -2 is "diverged".
SweepResult fake(const std::string& norm, const std::vector<double>& rates,
                 const std::vector<std::vector<int>>& table) {
    SweepResult s;
    s.norm = norm;
    s.target_loss = 0.1;
    s.learning_rates = rates;
    s.seeds = {1, 2, 3};
    for (std::size_t r = 0; r < rates.size(); ++r)
        for (std::size_t k = 0; k < 3; ++k) {
            const int v = table[r][k];
            s.runs.push_back(SweepRun{rates[r], s.seeds[k],
                                      v >= 0    ? "reached"
                                      : v == -1 ? "not reached"
                                                : "diverged",
                                      v >= 0    ? v
                                      : v == -1 ? 3000
                                                : 40});
        }
    return s;
}

const normlab::VariantSummary& variant(const normlab::SweepSummary& s, const std::string& norm) {
    for (const auto& v : s.variants)
        if (v.norm == norm) return v;
    throw std::runtime_error("no variant " + norm);
}

}  // namespace

TEST_CASE("trainer sweep summary: best rate, stable range and speed-up, each variant at its own best rate") {
    const std::vector<double> rates = {0.01, 0.1, 1};
    const auto none = fake("none", rates, {{400, 500, 450}, {200, 250, -1}, {-2, -2, -2}});
    const auto batch = fake("batch", rates, {{300, 300, 350}, {150, 100, 125}, {100, -1, -2}});
    const auto layer = fake("layer", rates, {{-1, -1, -1}, {-1, -2, -1}, {-2, -2, -2}});
    const normlab::SweepSummary s = normlab::summarize({none, batch, layer});

    const auto& n = variant(s, "none");
    CHECK(n.rates[0].median_reached);
    CHECK(n.rates[0].median_steps == 450);
    CHECK(n.rates[1].median_reached);  // {200, 250, inf}: two of three reached
    CHECK(n.rates[1].median_steps == 250);
    CHECK(n.rates[1].not_reached == 1);
    CHECK_FALSE(n.rates[2].median_reached);
    CHECK(n.rates[2].diverged == 3);
    CHECK(n.best_rate == 0.1);
    CHECK(n.best_steps == 250);
    CHECK(n.stable_rates == std::vector<double>{0.01});  // 0.1 is not stable: one seed missed
    CHECK(n.largest_stable_rate == 0.01);
    CHECK(n.divergences == 3);
    CHECK(n.speedup_status == "baseline");

    const auto& b = variant(s, "batch");
    CHECK(b.best_rate == 0.1);  // 125 beats 1.0's median of {100, inf, inf} = inf
    CHECK(b.best_steps == 125);
    CHECK(b.stable_rates == std::vector<double>{0.01, 0.1});
    CHECK(b.largest_stable_rate == 0.1);
    CHECK(b.speedup_status == "ratio");
    CHECK(b.speedup == doctest::Approx(2.0));  // 250 / 125

    const auto& l = variant(s, "layer");
    CHECK_FALSE(l.reached);
    CHECK(l.stable_rates.empty());
    CHECK(l.largest_stable_rate == 0);
    CHECK(l.speedup_status == "never reached");
}

TEST_CASE("trainer sweep summary: ties, a baseline that never reaches, no baseline") {
    const std::vector<double> rates = {0.01, 0.1};
    // Same median at both rates: the one where more seeds reached wins, then the smaller rate.
    const auto tie = fake("batch", rates, {{100, 200, -1}, {150, 200, 200}});
    const auto dead = fake("none", rates, {{-1, -1, -1}, {-2, -1, -1}});
    normlab::SweepSummary s = normlab::summarize({dead, tie});
    CHECK(variant(s, "batch").best_rate == 0.1);
    CHECK(variant(s, "batch").speedup_status == "baseline never reached");
    const auto even = fake("rms", rates, {{200, 200, 200}, {200, 200, 200}});
    s = normlab::summarize({even});
    CHECK(variant(s, "rms").best_rate == 0.01);
    CHECK(variant(s, "rms").speedup_status == "no baseline");
}

TEST_CASE("trainer sweep: a tiny real sweep has the documented layout and is deterministic") {
    normlab::TrainConfig c;
    c.depth = 2;
    c.width = 16;
    c.steps = 300;
    c.eval_every = 20;
    const std::vector<double> rates = {0.003, 0.1, 3};
    const std::vector<std::uint32_t> seeds = {1, 2};
    std::vector<SweepResult> sweeps;
    for (std::string norm : {"none", "batch"}) {
        c.norm = norm;
        sweeps.push_back(normlab::sweep(c, rates, seeds, 0.6));
        const SweepResult again = normlab::sweep(c, rates, seeds, 0.6);
        const SweepResult& s = sweeps.back();
        REQUIRE(s.runs.size() == 6);
        for (std::size_t i = 0; i < s.runs.size(); ++i) {
            const SweepRun& r = s.runs[i];
            CAPTURE(i);
            CHECK(r.learning_rate == rates[i / 2]);
            CHECK(r.seed == seeds[i % 2]);
            CHECK(r.outcome == again.runs[i].outcome);
            CHECK(r.steps == again.runs[i].steps);
            if (r.outcome == "reached") CHECK(r.steps % 20 == 0);
            if (r.outcome == "not reached") CHECK(r.steps == 300);
            if (r.outcome == "diverged") CHECK(r.steps <= 300);
        }
        // The middle rate trains this small net to the target within the budget; without norm, 3 does not.
        CHECK(s.runs[2].outcome == "reached");
        CHECK(s.runs[3].outcome == "reached");
    }
    CHECK(sweeps[0].runs[4].outcome != "reached");
    const normlab::SweepSummary summary = normlab::summarize(sweeps);
    REQUIRE(summary.variants.size() == 2);
    CHECK(summary.variants[0].speedup_status == "baseline");
    CHECK(summary.variants[1].reached);
}

TEST_CASE("trainer sweep: run_to_target is one cell of the sweep") {
    normlab::TrainConfig c;
    c.depth = 2;
    c.width = 16;
    c.steps = 300;
    c.eval_every = 20;
    const SweepRun one = normlab::run_to_target(c, 0.1, 2, 0.6);
    const SweepResult s = normlab::sweep(c, {0.1}, {2}, 0.6);
    CHECK(one.outcome == s.runs[0].outcome);
    CHECK(one.steps == s.runs[0].steps);
}

TEST_CASE("trainer sweep: bad arguments name themselves") {
    normlab::TrainConfig c;
    auto arg = [](auto f) {
        try {
            f();
        } catch (const normlab::invalid_argument& e) {
            return e.argument();
        }
        return std::string("(nothing thrown)");
    };
    CHECK(arg([&] { normlab::sweep(c, {}, {1}, 0.1); }) == "learningRates");
    CHECK(arg([&] { normlab::sweep(c, {0.1}, {}, 0.1); }) == "seeds");
    CHECK(arg([&] { normlab::sweep(c, {0.1, 10}, {1}, 0.1); }) == "learningRate");
    CHECK(arg([&] { normlab::run_to_target(c, 0.1, 1, 0); }) == "targetLoss");
}

TEST_CASE("trainer sweep: the default plan is the lesson's fair preset") {
    const normlab::SweepPlan p = normlab::default_sweep_plan();
    CHECK(p.config.dataset == "spirals");
    CHECK(p.config.depth == 8);
    CHECK(p.config.width == 32);
    CHECK(p.config.activation == "relu");
    CHECK(p.config.init == "he");
    CHECK(p.config.batch_size == 64);
    CHECK(p.config.steps == 3000);
    CHECK(p.config.eval_every == 25);
    CHECK(p.norms == std::vector<std::string>{"none", "batch", "layer", "rms"});
    CHECK(p.learning_rates.size() == 8);
    CHECK(p.seeds.size() == 3);
    CHECK(p.target_loss == 0.1);
}
