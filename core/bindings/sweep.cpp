// sweep.cpp — the learning-rate sweep's bindings, part of the training module (normlab-train.wasm) with
// train.cpp: one sweep cell, the summary of finished sweeps, the lesson's default plan and the conv
// batch-size study's config. Converts only; the core validates.
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

val js_run_to_target(val config, double learning_rate, double seed, double target_loss, double digits,
                     double digits_length) {
    return guarded([&] {
        const auto s = static_cast<std::uint32_t>(to_int(seed, "seed", 0, 2147483647));
        return field_out(run_to_target(to_train_config(config), learning_rate, s, target_loss,
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
    for (int j = 0; j < m; ++j) r.runs.push_back(to_sweep_run(runs[j]));
    return r;
}

// The variants' summaries (an array).
val js_summarize_sweep(val sweeps) {
    return guarded([&] {
        require(sweeps.isArray(), "sweeps", "must be an array");
        std::vector<SweepResult> results;
        const int n = sweeps["length"].as<int>();
        for (int i = 0; i < n; ++i) results.push_back(sweep_result(sweeps[i]));
        return field_out(summarize(results).variants);
    });
}

val js_default_sweep_plan() {
    return guarded([&] { return field_out(default_sweep_plan()); });
}

// The conv net's batch-size study config for one norm and batch size (conv_batch_study_config).
val js_conv_study_config(std::string norm, double batch_size) {
    return guarded(
        [&] { return field_out(conv_batch_study_config(norm, to_int(batch_size, "batchSize", 0, 1000000))); });
}

// The Transformer study's config for one norm, placement and warm-up (transformer_study_config).
val js_transformer_study_config(std::string norm, std::string placement, double warmup_steps) {
    return guarded([&] {
        return field_out(transformer_study_config(norm, placement, to_int(warmup_steps, "warmupSteps", 0, 1000000)));
    });
}

}  // namespace

EMSCRIPTEN_BINDINGS(normlab_sweep) {
    emscripten::function("runToTarget", &js_run_to_target);
    emscripten::function("summarizeSweep", &js_summarize_sweep);
    emscripten::function("defaultSweepPlan", &js_default_sweep_plan);
    emscripten::function("convStudyConfig", &js_conv_study_config);
    emscripten::function("transformerStudyConfig", &js_transformer_study_config);
}
