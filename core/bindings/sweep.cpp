// sweep.cpp — the learning-rate sweep's bindings, part of the training module (normlab-train.wasm) with
// train.cpp: one sweep cell, the summary of finished sweeps, and the lesson's default plan. Converts only;
// the core validates.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common.hpp"
#include "normlab/train.hpp"
#include "train_config.hpp"

using namespace normlab;
using namespace normlab::bind;

namespace {

val sweep_run(const SweepRun& run) {
    val o = val::object();
    o.set("learningRate", run.learning_rate);
    o.set("seed", static_cast<double>(run.seed));
    o.set("outcome", run.outcome);
    o.set("steps", run.steps);
    return o;
}

val js_run_to_target(val config, double learning_rate, double seed, double target_loss, double digits,
                     double digits_length) {
    return guarded([&] {
        const auto s = static_cast<std::uint32_t>(to_int(seed, "seed", 0, 2147483647));
        return sweep_run(run_to_target(to_train_config(config), learning_rate, s, target_loss,
                                       heap_span<const std::uint8_t>(digits, digits_length)));
    });
}

template <class T>
std::vector<T> numbers_of(const val& array, const char* argument) {
    require(array.isArray(), argument, "must be an array of numbers");
    std::vector<T> out;
    const int n = array["length"].as<int>();
    for (int i = 0; i < n; ++i) {
        require(array[i].isNumber(), argument, "must be an array of numbers");
        out.push_back(static_cast<T>(array[i].as<double>()));
    }
    return out;
}

// s: { norm, targetLoss, learningRates, seeds, runs: [{ learningRate, seed, outcome, steps }] }.
SweepResult sweep_result(const val& s) {
    SweepResult r;
    require(s["norm"].isString(), "sweeps", "every sweep needs a norm");
    r.norm = s["norm"].as<std::string>();
    r.target_loss = s["targetLoss"].as<double>();
    r.learning_rates = numbers_of<double>(s["learningRates"], "learningRates");
    r.seeds = numbers_of<std::uint32_t>(s["seeds"], "seeds");
    const val runs = s["runs"];
    require(runs.isArray(), "runs", "must be an array");
    const int m = runs["length"].as<int>();
    for (int j = 0; j < m; ++j) {
        const val run = runs[j];
        r.runs.push_back({run["learningRate"].as<double>(), static_cast<std::uint32_t>(run["seed"].as<double>()),
                          run["outcome"].as<std::string>(), run["steps"].as<int>()});
    }
    return r;
}

val rate_summary(const RateSummary& rs) {
    val q = val::object();
    q.set("learningRate", rs.learning_rate);
    q.set("medianReached", rs.median_reached);
    q.set("medianSteps", rs.median_steps);
    q.set("reached", rs.reached);
    q.set("diverged", rs.diverged);
    q.set("notReached", rs.not_reached);
    return q;
}

val variant_summary(const VariantSummary& v) {
    val o = val::object();
    o.set("norm", v.norm);
    o.set("reached", v.reached);
    o.set("bestRate", v.best_rate);
    o.set("bestSteps", v.best_steps);
    o.set("stableRates", array_out(v.stable_rates));
    o.set("largestStableRate", v.largest_stable_rate);
    o.set("divergences", v.divergences);
    o.set("speedupStatus", v.speedup_status);
    o.set("speedup", v.speedup);
    val rates = val::array();
    for (const RateSummary& rs : v.rates) rates.call<void>("push", rate_summary(rs));
    o.set("rates", rates);
    return o;
}

// The variants' summaries (an array).
val js_summarize_sweep(val sweeps) {
    return guarded([&] {
        require(sweeps.isArray(), "sweeps", "must be an array");
        std::vector<SweepResult> results;
        const int n = sweeps["length"].as<int>();
        for (int i = 0; i < n; ++i) results.push_back(sweep_result(sweeps[i]));
        val variants = val::array();
        for (const VariantSummary& v : summarize(results).variants) variants.call<void>("push", variant_summary(v));
        return variants;
    });
}

val js_default_sweep_plan() {
    return guarded([&] {
        const SweepPlan p = default_sweep_plan();
        val r = val::object();
        r.set("config", from_train_config(p.config));
        val norms = val::array();
        for (const auto& n : p.norms) norms.call<void>("push", n);
        r.set("norms", norms);
        r.set("learningRates", array_out(p.learning_rates));
        r.set("seeds", array_out(p.seeds));
        r.set("targetLoss", p.target_loss);
        return r;
    });
}

}  // namespace

EMSCRIPTEN_BINDINGS(normlab_sweep) {
    emscripten::function("runToTarget", &js_run_to_target);
    emscripten::function("summarizeSweep", &js_summarize_sweep);
    emscripten::function("defaultSweepPlan", &js_default_sweep_plan);
}
