// test_claims_mlp.cpp — what web/content/lesson.json says the MLP presets show (claims.hpp), recomputed:
// the Fair preset is default_sweep_plan()'s config (docs/training.md); a comparison is the training figure's
// default run, seed 1 and 750 steps, judged in inference mode on the full training set.
#include <string>
#include <vector>

#include "claims.hpp"
#include "normlab/train.hpp"

namespace {

// Inference-mode accuracy and loss on the training set after `steps` steps of one Fair variant.
normlab::SplitMetrics fair_run(const std::string& norm, double rate, int steps = 750) {
    normlab::TrainConfig c = normlab::default_sweep_plan().config;
    c.norm = norm;
    c.learning_rate = rate;
    c.seed = 1;
    normlab::Trainer t(c);
    t.run(steps);
    return t.evaluate().train;
}

const normlab::VariantSummary& variant(const normlab::SweepSummary& s, const std::string& norm) {
    for (const auto& v : s.variants)
        if (v.norm == norm) return v;
    FAIL("no variant " << norm);
    return s.variants.front();
}

// The plan's rates and seeds, swept for each of `norms` on `config`.
normlab::SweepSummary plan_sweep(const std::vector<std::string>& norms, const normlab::TrainConfig& config) {
    const normlab::SweepPlan p = normlab::default_sweep_plan();
    std::vector<normlab::SweepResult> results;
    for (const std::string& norm : norms) {
        normlab::TrainConfig c = config;
        c.norm = norm;
        results.push_back(normlab::sweep(c, p.learning_rates, p.seeds, p.target_loss));
    }
    return normlab::summarize(results);
}

}  // namespace

// "At the Fair preset's default rate, 0.3, only BatchNorm trains: after 750 steps it classifies 98.7 % of the
// training points, while the other variants stay at chance, 33 %."
NORMLAB_CLAIM("mlp-fair-default-rate") {
    const double batch = fair_run("batch", 0.3).accuracy;
    CHECK((batch >= 0.9865 && batch < 0.9875));
    for (const char* norm : {"none", "layer", "rms"}) {
        INFO(norm);
        const double a = fair_run(norm, 0.3).accuracy;
        CHECK((a >= 0.325 && a < 0.335));
    }
}

// "At 0.03 every variant trains, and no normalization even ends with a lower loss than BatchNorm."
NORMLAB_CLAIM("mlp-fair-shared-rate") {
    const normlab::SplitMetrics none = fair_run("none", 0.03), batch = fair_run("batch", 0.03);
    for (const char* norm : {"none", "batch", "layer", "rms"}) {
        INFO(norm);
        CHECK(fair_run(norm, 0.03).accuracy >= 0.95);
    }
    CHECK(none.loss < batch.loss);
}

// "So read the sweep: each at its own best rate, BatchNorm trains stably at rates ten times higher and
// reaches the target in 1.6× fewer steps;"
NORMLAB_CLAIM("mlp-fair-sweep") {
    const normlab::SweepSummary s = plan_sweep({"none", "batch"}, normlab::default_sweep_plan().config);
    const auto &none = variant(s, "none"), &batch = variant(s, "batch");
    CHECK(batch.largest_stable_rate == doctest::Approx(10 * none.largest_stable_rate));
    REQUIRE(batch.speedup_status == "ratio");
    CHECK(batch.speedup == doctest::Approx(1.6).epsilon(0.02));
}

// "… the sigmoid network of the Hard preset reaches the target at none of the 8 rates without it, and at 6
// with it." (the Hard preset: sigmoid, Xavier; web/src/training/presets.js)
NORMLAB_CLAIM("mlp-hard") {
    normlab::TrainConfig hard = normlab::default_sweep_plan().config;
    hard.activation = "sigmoid";
    hard.init = "xavier";
    const normlab::SweepSummary s = plan_sweep({"none", "batch"}, hard);
    const auto &none = variant(s, "none"), &batch = variant(s, "batch");
    CHECK(!none.reached);
    for (const auto& r : none.rates) CHECK(r.reached == 0);
    CHECK(batch.stable_rates.size() == 6);
}
