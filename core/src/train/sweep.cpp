// sweep.cpp — the learning-rate sweep and its summary (docs/training.md): steps to a target loss on
// the full training set in inference mode, per (rate, seed); per variant the best rate by median steps,
// the stable range, and the speed-up against norm "none", each variant at its own best rate.
#include <algorithm>
#include <cmath>
#include <limits>

#include "normlab/errors.hpp"
#include "normlab/train.hpp"

namespace normlab {

SweepRun run_to_target(const TrainConfig& config, double learning_rate, std::uint32_t seed, double target_loss,
                       std::span<const std::uint8_t> digits) {
    require(std::isfinite(target_loss) && target_loss > 0, "targetLoss", "must be a finite number > 0");
    TrainConfig c = config;
    c.learning_rate = learning_rate;
    c.seed = seed;
    Trainer t(c, digits);
    SweepRun run{learning_rate, seed, "not reached", c.steps};
    while (t.steps_done() < c.steps) {
        const int chunk = std::min(c.eval_every - t.steps_done() % c.eval_every, c.steps - t.steps_done());
        if (!t.run(chunk)) {
            run.outcome = "diverged";
            run.steps = t.steps_done();
            return run;
        }
        if (t.steps_done() % c.eval_every != 0) continue;
        const double loss = t.train_loss();
        if (!std::isfinite(loss)) {
            run.outcome = "diverged";
            run.steps = t.steps_done();
            return run;
        }
        if (loss <= target_loss) {
            run.outcome = "reached";
            run.steps = t.steps_done();
            return run;
        }
    }
    return run;
}

SweepResult sweep(const TrainConfig& config, const std::vector<double>& learning_rates,
                  const std::vector<std::uint32_t>& seeds, double target_loss, std::span<const std::uint8_t> digits) {
    require(!learning_rates.empty(), "learningRates", "must hold at least one rate");
    require(!seeds.empty(), "seeds", "must hold at least one seed");
    for (double lr : learning_rates) {
        TrainConfig c = config;
        c.learning_rate = lr;
        validate(c);  // every rate before the first run, so an error costs no time
    }
    SweepResult r{config.norm, target_loss, learning_rates, seeds, {}};
    for (double lr : learning_rates)
        for (std::uint32_t seed : seeds) r.runs.push_back(run_to_target(config, lr, seed, target_loss, digits));
    return r;
}

namespace {

RateSummary summarize_rate(const SweepResult& s, std::size_t rate_index) {
    RateSummary r;
    r.learning_rate = s.learning_rates[rate_index];
    std::vector<double> steps;  // a seed that did not reach the target counts as +infinity
    for (std::size_t k = 0; k < s.seeds.size(); ++k) {
        const SweepRun& run = s.runs[rate_index * s.seeds.size() + k];
        const bool reached = run.outcome == "reached";
        r.reached += reached;
        r.diverged += run.outcome == "diverged";
        r.not_reached += run.outcome == "not reached";
        steps.push_back(reached ? run.steps : std::numeric_limits<double>::infinity());
    }
    std::sort(steps.begin(), steps.end());
    const std::size_t n = steps.size();
    const double median = n % 2 ? steps[n / 2] : (steps[n / 2 - 1] + steps[n / 2]) / 2;
    r.median_reached = std::isfinite(median);
    r.median_steps = r.median_reached ? median : 0;
    return r;
}

// Fewer median steps wins; ties go to the rate where more seeds reached, then to the smaller rate.
bool better(const RateSummary& a, const RateSummary& b) {
    if (a.median_steps != b.median_steps) return a.median_steps < b.median_steps;
    if (a.reached != b.reached) return a.reached > b.reached;
    return a.learning_rate < b.learning_rate;
}

VariantSummary summarize_variant(const SweepResult& s) {
    require(s.runs.size() == s.learning_rates.size() * s.seeds.size(), "sweeps",
            "runs must hold one entry per (rate, seed)");
    VariantSummary v;
    v.norm = s.norm;
    const RateSummary* best = nullptr;
    for (std::size_t i = 0; i < s.learning_rates.size(); ++i) v.rates.push_back(summarize_rate(s, i));
    for (const RateSummary& r : v.rates) {
        v.divergences += r.diverged;
        if (r.reached == static_cast<int>(s.seeds.size())) {
            v.stable_rates.push_back(r.learning_rate);
            v.largest_stable_rate = std::max(v.largest_stable_rate, r.learning_rate);
        }
        if (r.median_reached && (!best || better(r, *best))) best = &r;
    }
    if (best) {
        v.reached = true;
        v.best_rate = best->learning_rate;
        v.best_steps = best->median_steps;
    }
    return v;
}

}  // namespace

SweepPlan default_sweep_plan() {
    SweepPlan p;  // TrainConfig's defaults are the fair preset
    p.norms = {"none", "batch", "layer", "rms"};
    p.learning_rates = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
    p.seeds = {1, 2, 3};
    p.target_loss = 0.1;
    return p;
}

SweepSummary summarize(const std::vector<SweepResult>& sweeps) {
    SweepSummary out;
    for (const SweepResult& s : sweeps) out.variants.push_back(summarize_variant(s));
    const VariantSummary* base = nullptr;
    for (const VariantSummary& v : out.variants)
        if (v.norm == "none" && !base) base = &v;
    for (VariantSummary& v : out.variants) {
        if (&v == base)
            v.speedup_status = "baseline";
        else if (!base)
            v.speedup_status = "no baseline";
        else if (!v.reached)
            v.speedup_status = "never reached";
        else if (!base->reached)
            v.speedup_status = "baseline never reached";
        else {
            v.speedup_status = "ratio";
            v.speedup = base->best_steps / v.best_steps;
        }
    }
    return out;
}

}  // namespace normlab
