// train_config.hpp — the training module's structs to and from JS objects, by name, from one field table
// per struct (common.hpp's NORMLAB_SET_FIELDS / NORMLAB_READ_FIELDS): TrainConfig both ways, the
// trainer's and the sweep's results out, a sweep's runs in. Shared by train.cpp and sweep.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "common.hpp"
#include "normlab/train.hpp"
#include "train_fields.hpp"

namespace normlab::bind {

// The TrainConfig table (NORMLAB_TRAIN_CONFIG) is train_fields.hpp's, shared with the native tools.

// The results' tables (JS names as docs/core-api.md lists them). Nested structs and vectors convert
// through their own field_out overloads below.
// clang-format off
#define NORMLAB_SPLIT_METRICS(X) X("loss", loss) X("accuracy", accuracy)
#define NORMLAB_EVAL_REPORT(X) X("step", step) X("train", train) X("heldout", heldout) \
    X("preactMean", preact_mean) X("preactStd", preact_std) X("gradNorm", grad_norm) \
    X("watchLayer", watch_layer)
#define NORMLAB_STEP_RESULT(X) X("firstStep", first_step) X("loss", loss) X("accuracy", accuracy) \
    X("evals", evals) X("diverged", diverged) X("reason", reason) X("divergence", divergence)
#define NORMLAB_SWEEP_RUN(X) X("learningRate", learning_rate) X("seed", seed) X("outcome", outcome) \
    X("steps", steps)
#define NORMLAB_RATE_SUMMARY(X) X("learningRate", learning_rate) X("medianReached", median_reached) \
    X("medianSteps", median_steps) X("reached", reached) X("diverged", diverged) \
    X("notReached", not_reached)
#define NORMLAB_VARIANT_SUMMARY(X) X("norm", norm) X("reached", reached) X("bestRate", best_rate) \
    X("bestSteps", best_steps) X("stableRates", stable_rates) \
    X("largestStableRate", largest_stable_rate) X("divergences", divergences) \
    X("speedupStatus", speedup_status) X("speedup", speedup) X("rates", rates)
#define NORMLAB_SWEEP_PLAN(X) X("config", config) X("norms", norms) X("learningRates", learning_rates) \
    X("seeds", seeds) X("targetLoss", target_loss)
// clang-format on

// Declared first so that the structs' tables may hold vectors; defined after every struct's overload, so
// that a vector of any of them finds it.
template <class T>
val field_out(const std::vector<T>& v);

// { step, cause }, or null while training has not diverged.
inline val field_out(const Divergence& d) {
    if (d.step == 0) return val::null();
    val o = val::object();
    o.set("step", d.step);
    o.set("cause", d.cause);
    return o;
}

NORMLAB_OBJECT_OUT(SplitMetrics, NORMLAB_SPLIT_METRICS)

// The table's fields, and the watched layer's histogram as { edges, counts, below, above }.
inline val field_out(const EvalReport& s) {
    val o = val::object();
    NORMLAB_SET_FIELDS(NORMLAB_EVAL_REPORT)
    val h = val::object();
    h.set("edges", field_out(s.hist_edges));
    h.set("counts", field_out(s.hist_counts));
    h.set("below", s.hist_below);
    h.set("above", s.hist_above);
    o.set("histogram", h);
    return o;
}

NORMLAB_OBJECT_OUT(SweepRun, NORMLAB_SWEEP_RUN)

NORMLAB_OBJECT_OUT(RateSummary, NORMLAB_RATE_SUMMARY)

NORMLAB_OBJECT_OUT(StepResult, NORMLAB_STEP_RESULT)

NORMLAB_OBJECT_OUT(VariantSummary, NORMLAB_VARIANT_SUMMARY)

NORMLAB_OBJECT_OUT(TrainConfig, NORMLAB_TRAIN_CONFIG)

NORMLAB_OBJECT_OUT(SweepPlan, NORMLAB_SWEEP_PLAN)

// Numbers as a typed array (a copy), structs as an array of objects.
template <class T>
val field_out(const std::vector<T>& v) {
    if constexpr (std::is_arithmetic_v<T>) {
        return array_out(v);
    } else {
        val a = val::array();
        for (const T& item : v) a.call<void>("push", field_out(item));
        return a;
    }
}

// The fields config names (unknown names are an error); the rest keep their defaults. Not validated
// here: the Trainer (or run_to_target) validates the whole config.
inline TrainConfig to_train_config(const val& o) {
    static const std::vector<const char*> names = {
#define NORMLAB_NAME(name, member) name,
        NORMLAB_TRAIN_CONFIG(NORMLAB_NAME)
#undef NORMLAB_NAME
    };
    TrainConfig s;
    if (!check_keys(o, names, "config")) return s;
    NORMLAB_READ_FIELDS(NORMLAB_TRAIN_CONFIG)
    return s;
}

// One run of a shipped sweep (other keys, such as the JSON's norm, are ignored).
inline SweepRun to_sweep_run(const val& o) {
    require(o.typeOf().as<std::string>() == "object" && !o.isNull(), "runs", "must be an array of objects");
    SweepRun s;
    NORMLAB_READ_FIELDS(NORMLAB_SWEEP_RUN)
    return s;
}

}  // namespace normlab::bind
