// embind.cpp — the only file that knows Emscripten.
// Compiled twice (CMakeLists.txt): with NORMLAB_BIND_CORE for the figures' module and with
// NORMLAB_BIND_TRAIN for the training simulation's module, so the page's first load stays small. It registers functions
// and converts; it computes nothing. Arrays cross as addresses into the WASM heap that web/src/core.js allocates and
// fills (one copy in, one copy out, no per-element JS work). Every call returns a plain JS object; a core exception
// becomes { error, argument } here, at the single boundary, and core.js throws a JS Error with that message — the
// module stays usable because the C++ stack unwound normally (-fwasm-exceptions).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <span>
#include <string>

#include "normlab/compare.hpp"
#include "normlab/describe.hpp"
#include "normlab/errors.hpp"
#include "normlab/explain.hpp"
#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"
#include "normlab/train.hpp"
#include "normlab/version.hpp"

using emscripten::val;
using namespace normlab;

namespace {

// ---- conversions -----------------------------------------------------------------------------------

// size_t is 32-bit in WebAssembly: anything above its range is an error, never a wrapped value.
std::size_t to_size(double v, const char* argument) {
    constexpr double kMax = static_cast<double>(std::numeric_limits<std::size_t>::max());
    require(std::isfinite(v) && v >= 0 && v == std::floor(v) && v <= kMax, argument,
            "must be an integer in [0, " + std::to_string(std::numeric_limits<std::size_t>::max()) + "]");
    return static_cast<std::size_t>(v);
}

template <class T>
std::span<T> heap_span(double address, double length) {
    return {reinterpret_cast<T*>(static_cast<std::uintptr_t>(address)), static_cast<std::size_t>(length)};
}

template <class T>
val copy_out(const T* data, std::size_t n) {
    return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}
template <class T>
val copy_out(const std::vector<T>& v) {
    return copy_out(v.data(), v.size());
}

val error_object(const std::string& message, const std::string& argument) {
    val e = val::object();
    e.set("error", message);
    e.set("argument", argument);
    return e;
}

template <class F>
val guarded(F&& f) {
    try {
        return f();
    } catch (const normlab::invalid_argument& e) {
        return error_object(e.what(), e.argument());
    } catch (const std::bad_alloc&) {
        return error_object("out of memory: the arrays are too large for this page", "");
    } catch (const std::exception& e) {
        return error_object(e.what(), "");
    }
}

// The error of the last failed call of a numeric-returning function (they return -1 on error).
val& last_error() {
    static val e = val::null();
    return e;
}

// Runs f, which returns a non-negative number; on a core exception records it and returns -1.
// The hot functions use this instead of guarded(): a plain number back is cheaper than a JS object.
template <class F>
double numeric(F&& f) {
    val r = guarded([&] { return val(static_cast<double>(f())); });
    if (r.isNumber()) return r.as<double>();
    last_error() = r;
    return -1;
}

// Options of normalize/backward: core.js writes these 11 doubles into the heap next to the arrays
// (heap addresses for arrays, 0 = absent), which costs nothing to cross, unlike a JS object.
struct RawNormOptions {
    double eps, groups, training, momentum, gamma, gamma_length, beta, beta_length, running_mean, running_var,
        running_length;

    static RawNormOptions at(double address) {
        RawNormOptions r;
        std::memcpy(&r, reinterpret_cast<const void*>(static_cast<std::uintptr_t>(address)), sizeof r);
        return r;
    }

    NormOptions convert() const {
        NormOptions o;
        o.eps = eps;
        o.groups = to_size(groups, "groups");
        o.training = training != 0;
        o.momentum = momentum;
        if (gamma_length > 0) o.gamma = heap_span<const float>(gamma, gamma_length);
        if (beta_length > 0) o.beta = heap_span<const float>(beta, beta_length);
        if (running_length > 0) {
            o.running_mean = heap_span<float>(running_mean, running_length);
            o.running_var = heap_span<float>(running_var, running_length);
        }
        return o;
    }
};

// ---- functions -------------------------------------------------------------------------------------

#if NORMLAB_BIND_CORE
Shape to_shape(const val& s) {
    return {to_size(s["n"].as<double>(), "shape"), to_size(s["c"].as<double>(), "shape"),
            to_size(s["l"].as<double>(), "shape")};
}

SampleParams to_sample_params(const val& o) {
    SampleParams p;
    const double seed = o["seed"].as<double>();
    require(std::isfinite(seed) && seed >= 0 && seed == std::floor(seed) && seed <= 9007199254740991.0, "seed",
            "must be an integer in [0, 2^53)");
    p.seed = static_cast<std::uint64_t>(seed);
    p.shift = o["shift"].as<double>();
    p.scale = o["scale"].as<double>();
    p.shape = o["shape"].as<double>();
    p.separation = o["separation"].as<double>();
    p.weight = o["weight"].as<double>();
    p.df = o["df"].as<double>();
    return p;
}

// Returns the number of statistics written to mean/rstd, or -1 (see lastError).
double js_normalize(std::string kind, double input, double length, double n, double c, double l, double options,
                    double output, double mean, double rstd) {
    return numeric([&] {
        const RawNormOptions raw = RawNormOptions::at(options);
        const Kind k = parse_kind(kind);
        const Shape s{to_size(n, "shape"), to_size(c, "shape"), to_size(l, "shape")};
        const NormOptions o = raw.convert();
        validate(k, static_cast<std::size_t>(length), s, o);
        const std::size_t count = stat_count(k, s, o.groups);
        normalize_into(k, heap_span<const float>(input, length), s, o, heap_span<float>(output, length),
                       heap_span<float>(mean, count), heap_span<float>(rstd, count));
        return count;
    });
}

val js_stat_count(std::string kind, val shape, double groups) {
    return guarded([&] {
        val r = val::object();
        r.set("count", static_cast<double>(stat_count(parse_kind(kind), to_shape(shape), to_size(groups, "groups"))));
        return r;
    });
}

// Returns 0, or -1 (see lastError).
double js_backward(std::string kind, double input, double grad_output, double length, double grad_output_length,
                   double n, double c, double l, double options, double grad_input, double grad_gamma,
                   double grad_beta) {
    return numeric([&] {
        const RawNormOptions raw = RawNormOptions::at(options);
        const Kind k = parse_kind(kind);
        const Shape s{to_size(n, "shape"), to_size(c, "shape"), to_size(l, "shape")};
        const NormOptions o = raw.convert();
        validate(k, static_cast<std::size_t>(length), s, o);
        require(grad_output_length == length, "gradOutput",
                "length " + std::to_string(static_cast<std::size_t>(grad_output_length)) +
                    " must equal the input's length (" + std::to_string(static_cast<std::size_t>(length)) + ")");
        backward_into(k, heap_span<const float>(input, length), heap_span<const float>(grad_output, length), s, o,
                      heap_span<float>(grad_input, length),
                      heap_span<float>(grad_gamma, o.gamma.empty() ? 0 : o.gamma.size()),
                      heap_span<float>(grad_beta, o.beta.empty() ? 0 : o.beta.size()));
        return 0;
    });
}

val js_describe(double values, double length, double bins, bool has_range, double lo, double hi, bool median) {
    return guarded([&] {
        DescribeOptions o;
        o.bins = to_size(bins, "bins");
        o.has_range = has_range;
        o.lo = lo;
        o.hi = hi;
        o.median = median;
        const Summary s = describe(heap_span<const float>(values, length), o);
        val r = val::object();
        r.set("count", static_cast<double>(s.count));
        r.set("mean", s.mean);
        r.set("std", s.std);
        r.set("min", s.min);
        r.set("max", s.max);
        r.set("median", s.median);
        r.set("skewness", s.skewness);
        val h = val::object();
        h.set("edges", copy_out(s.histogram.edges));
        h.set("counts", copy_out(s.histogram.counts));
        r.set("histogram", h);
        return r;
    });
}

// Returns 0, or -1 (see lastError).
double js_sample(std::string distribution, double count, val params, double output) {
    return numeric([&] {
        const Distribution d = parse_distribution(distribution);
        const SampleParams p = to_sample_params(params);
        const std::size_t n = to_size(count, "count");
        validate(d, n, p);
        sample_into(d, p, heap_span<float>(output, static_cast<double>(n)));
        return 0;
    });
}

val js_group_ids(std::string kind, val shape, double groups) {
    return guarded([&] {
        val r = val::object();
        r.set("ids", copy_out(group_ids(parse_kind(kind), to_shape(shape), to_size(groups, "groups"))));
        return r;
    });
}

val js_group_moments(std::string kind, double values, double length, val shape, double groups) {
    return guarded([&] {
        const GroupMoments g = group_moments(parse_kind(kind), heap_span<const float>(values, length), to_shape(shape),
                                             to_size(groups, "groups"));
        val r = val::object();
        r.set("mean", copy_out(g.mean));
        r.set("std", copy_out(g.std));
        r.set("skewness", copy_out(g.skewness));
        return r;
    });
}

val js_improvement(double raw_mean, double raw_std, double norm_mean, double norm_std) {
    return guarded([&] {
        const Improvement i = improvement(raw_mean, raw_std, norm_mean, norm_std);
        val r = val::object();
        r.set("mean", i.mean_pct);
        r.set("std", i.std_pct);
        return r;
    });
}

val js_batch_spread(std::string kind, std::string distribution, val params, double batch, double features,
                    double repeats, double groups) {
    return guarded([&] {
        const BatchSpread b = batch_statistics_spread(
            parse_kind(kind), parse_distribution(distribution), to_sample_params(params), to_size(batch, "batch"),
            to_size(features, "features"), to_size(repeats, "repeats"), to_size(groups, "groups"));
        val r = val::object();
        r.set("mean", copy_out(b.mean));
        r.set("var", copy_out(b.var));
        r.set("meanSd", b.mean_sd);
        r.set("varSd", b.var_sd);
        return r;
    });
}

val js_running_trace(std::string distribution, val params, double batch, double features, double steps,
                     double momentum) {
    return guarded([&] {
        const RunningTrace t = running_statistics_trace(parse_distribution(distribution), to_sample_params(params),
                                                        to_size(batch, "batch"), to_size(features, "features"),
                                                        to_size(steps, "steps"), momentum);
        val r = val::object();
        r.set("batchMean", copy_out(t.batch_mean));
        r.set("batchVar", copy_out(t.batch_var));
        r.set("runningMean", copy_out(t.running_mean));
        r.set("runningVar", copy_out(t.running_var));
        r.set("populationMean", t.population_mean);
        r.set("populationVar", t.population_var);
        return r;
    });
}

val js_explain_element(std::string kind, double input, double length, double n, double c, double l, double index,
                       double options) {
    return guarded([&] {
        const Kind k = parse_kind(kind);
        const Shape s{to_size(n, "shape"), to_size(c, "shape"), to_size(l, "shape")};
        const ElementExplanation e = explain_element(k, heap_span<const float>(input, length), s,
                                                     to_size(index, "index"), RawNormOptions::at(options).convert());
        val r = val::object();
        r.set("x", e.x);
        r.set("group", static_cast<double>(e.group));
        r.set("groupSize", static_cast<double>(e.group_size));
        r.set("mean", e.mean);
        r.set("rstd", e.rstd);
        r.set("centered", e.centered);
        r.set("normalized", e.normalized);
        r.set("param", static_cast<double>(e.param));
        r.set("gamma", e.gamma);
        r.set("beta", e.beta);
        r.set("output", e.output);
        return r;
    });
}

// Returns max |a - b| (NaN when an element is NaN), or -1 (see lastError).
double js_max_abs_difference(double a, double a_length, double b, double b_length) {
    return numeric(
        [&] { return max_abs_difference(heap_span<const float>(a, a_length), heap_span<const float>(b, b_length)); });
}

#endif  // NORMLAB_BIND_CORE

#if NORMLAB_BIND_TRAIN
// ---- training simulation ---------------------------------------------------------------------------
// A trainer's state persists between calls, so it lives here under an integer handle that core.js
// wraps in an object with dispose(); everything crossing is plain numbers, strings and typed arrays.

int to_int(const val& v, const char* argument, int lo, int hi) {
    require(v.isNumber(), argument, "must be a number");
    const double d = v.as<double>();
    require(d == std::floor(d) && d >= lo && d <= hi, argument,
            "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return static_cast<int>(d);
}

// Reads the fields the caller gave (core.js has already rejected unknown ones); the rest keep defaults.
TrainConfig to_train_config(const val& o) {
    TrainConfig c;
    auto text = [&](const char* key, std::string& field) {
        const val v = o[key];
        if (v.isUndefined()) return;
        require(v.isString(), key, "must be a string");
        field = v.as<std::string>();
    };
    auto number = [&](const char* key, double& field) {
        const val v = o[key];
        if (v.isUndefined()) return;
        require(v.isNumber(), key, "must be a number");
        field = v.as<double>();
    };
    auto integer = [&](const char* key, int& field) {
        const val v = o[key];
        if (!v.isUndefined()) field = to_int(v, key, -2147483647, 2147483647);
    };
    auto seed = [&](const char* key, std::uint32_t& field) {
        const val v = o[key];
        if (!v.isUndefined()) field = static_cast<std::uint32_t>(to_int(v, key, 0, 2147483647));
    };
    text("dataset", c.dataset);
    integer("depth", c.depth);
    integer("width", c.width);
    text("activation", c.activation);
    text("init", c.init);
    text("architecture", c.architecture);
    text("norm", c.norm);
    integer("groups", c.groups);
    text("optimizer", c.optimizer);
    number("momentum", c.momentum);
    number("learningRate", c.learning_rate);
    integer("batchSize", c.batch_size);
    number("eps", c.eps);
    number("bnMomentum", c.bn_momentum);
    integer("steps", c.steps);
    integer("evalEvery", c.eval_every);
    seed("seed", c.seed);
    seed("dataSeed", c.data_seed);
    number("divergenceLoss", c.divergence_loss);
    integer("watchLayer", c.watch_layer);
    integer("histBins", c.hist_bins);
    number("histRange", c.hist_range);
    validate(c);
    return c;
}

val from_train_config(const TrainConfig& c) {
    val o = val::object();
    o.set("dataset", c.dataset);
    o.set("depth", c.depth);
    o.set("width", c.width);
    o.set("activation", c.activation);
    o.set("init", c.init);
    o.set("architecture", c.architecture);
    o.set("norm", c.norm);
    o.set("groups", c.groups);
    o.set("optimizer", c.optimizer);
    o.set("momentum", c.momentum);
    o.set("learningRate", c.learning_rate);
    o.set("batchSize", c.batch_size);
    o.set("eps", c.eps);
    o.set("bnMomentum", c.bn_momentum);
    o.set("steps", c.steps);
    o.set("evalEvery", c.eval_every);
    o.set("seed", static_cast<double>(c.seed));
    o.set("dataSeed", static_cast<double>(c.data_seed));
    o.set("divergenceLoss", c.divergence_loss);
    o.set("watchLayer", c.watch_layer);
    o.set("histBins", c.hist_bins);
    o.set("histRange", c.hist_range);
    return o;
}

val split_metrics(const SplitMetrics& m) {
    val o = val::object();
    o.set("loss", m.loss);
    o.set("accuracy", m.accuracy);
    return o;
}

val eval_report(const EvalReport& e) {
    val o = val::object();
    o.set("step", e.step);
    o.set("train", split_metrics(e.train));
    o.set("heldout", split_metrics(e.heldout));
    o.set("preactMean", copy_out(e.preact_mean));
    o.set("preactStd", copy_out(e.preact_std));
    o.set("gradNorm", copy_out(e.grad_norm));
    o.set("watchLayer", e.watch_layer);
    val h = val::object();
    h.set("edges", copy_out(e.hist_edges));
    h.set("counts", copy_out(e.hist_counts));
    h.set("below", e.hist_below);
    h.set("above", e.hist_above);
    o.set("histogram", h);
    return o;
}

std::span<const std::uint8_t> heap_bytes(double address, double length) {
    return {reinterpret_cast<const std::uint8_t*>(static_cast<std::uintptr_t>(address)),
            static_cast<std::size_t>(length)};
}

std::map<int, std::unique_ptr<Trainer>>& trainers() {
    static std::map<int, std::unique_ptr<Trainer>> all;
    return all;
}

Trainer& trainer(int id) {
    const auto it = trainers().find(id);
    require(it != trainers().end(), "trainer", "has been disposed");
    return *it->second;
}

// Returns { id, config } or { error }.
val js_create_trainer(val config, double digits, double digits_length) {
    return guarded([&] {
        static int next_id = 1;
        const TrainConfig c = to_train_config(config);
        auto t = std::make_unique<Trainer>(c, heap_bytes(digits, digits_length));
        const int id = next_id++;
        trainers()[id] = std::move(t);
        val r = val::object();
        r.set("id", id);
        r.set("config", from_train_config(c));
        return r;
    });
}

val js_dispose_trainer(int id) {
    return guarded([&] {
        trainers().erase(id);
        return val::object();
    });
}

val js_trainer_step(int id, double n) {
    return guarded([&] {
        const StepResult s = trainer(id).step(to_int(val(n), "steps", 0, 1000000));
        val r = val::object();
        r.set("firstStep", s.first_step);
        r.set("loss", copy_out(s.loss));
        r.set("accuracy", copy_out(s.accuracy));
        val evals = val::array();
        for (const EvalReport& e : s.evals) evals.call<void>("push", eval_report(e));
        r.set("evals", evals);
        r.set("diverged", s.diverged);
        r.set("reason", s.reason);
        return r;
    });
}

val js_trainer_run(int id, double n) {
    return guarded([&] {
        val r = val::object();
        r.set("ok", trainer(id).run(to_int(val(n), "steps", 0, 1000000)));
        return r;
    });
}

val js_trainer_evaluate(int id) {
    return guarded([&] { return eval_report(trainer(id).evaluate()); });
}

val js_trainer_status(int id) {
    return guarded([&] {
        Trainer& t = trainer(id);
        val r = val::object();
        r.set("stepsDone", t.steps_done());
        r.set("diverged", t.diverged());
        r.set("reason", t.divergence_reason());
        return r;
    });
}

val js_trainer_train_loss(int id) {
    return guarded([&] {
        val r = val::object();
        r.set("loss", trainer(id).train_loss());
        return r;
    });
}

val js_trainer_predict_grid(int id, double resolution) {
    return guarded([&] {
        const GridPrediction g = trainer(id).predict_grid(to_int(val(resolution), "resolution", 2, 256));
        val r = val::object();
        r.set("resolution", g.resolution);
        r.set("xMin", g.x_min);
        r.set("xMax", g.x_max);
        r.set("yMin", g.y_min);
        r.set("yMax", g.y_max);
        r.set("classes", copy_out(g.classes));
        r.set("confidence", copy_out(g.confidence));
        return r;
    });
}

val js_trainer_data(int id) {
    return guarded([&] {
        const DataSnapshot d = trainer(id).data();
        val r = val::object();
        r.set("inputs", d.inputs);
        r.set("classes", d.classes);
        r.set("trainX", copy_out(d.train_x));
        r.set("heldoutX", copy_out(d.heldout_x));
        r.set("trainY", copy_out(d.train_y));
        r.set("heldoutY", copy_out(d.heldout_y));
        return r;
    });
}

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
        const TrainConfig c = to_train_config(config);
        const auto s = static_cast<std::uint32_t>(to_int(val(seed), "seed", 0, 2147483647));
        require(std::isfinite(target_loss) && target_loss > 0, "targetLoss", "must be a number > 0");
        return sweep_run(run_to_target(c, learning_rate, s, target_loss, heap_bytes(digits, digits_length)));
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

// sweeps: [{ norm, targetLoss, learningRates, seeds, runs: [{ learningRate, seed, outcome, steps }] }]
val js_summarize_sweep(val sweeps) {
    return guarded([&] {
        require(sweeps.isArray(), "sweeps", "must be an array");
        std::vector<SweepResult> results;
        const int n = sweeps["length"].as<int>();
        for (int i = 0; i < n; ++i) {
            const val s = sweeps[i];
            SweepResult r;
            require(s["norm"].isString(), "sweeps", "every sweep needs a norm");
            r.norm = s["norm"].as<std::string>();
            r.target_loss = s["targetLoss"].as<double>();
            r.learning_rates = numbers_of<double>(s["learningRates"], "learningRates");
            r.seeds = numbers_of<std::uint32_t>(s["seeds"], "seeds");
            const val runs = s["runs"];
            require(runs.isArray(), "runs", "must be an array");
            const int m = runs["length"].as<int>();
            require(static_cast<std::size_t>(m) == r.learning_rates.size() * r.seeds.size(), "runs",
                    "must hold one run per learning rate and seed, rate-major");
            for (int j = 0; j < m; ++j) {
                const val run = runs[j];
                r.runs.push_back({run["learningRate"].as<double>(),
                                  static_cast<std::uint32_t>(run["seed"].as<double>()),
                                  run["outcome"].as<std::string>(), run["steps"].as<int>()});
            }
            results.push_back(std::move(r));
        }
        const SweepSummary summary = summarize(results);
        val variants = val::array();
        for (const VariantSummary& v : summary.variants) {
            val o = val::object();
            o.set("norm", v.norm);
            o.set("reached", v.reached);
            o.set("bestRate", v.best_rate);
            o.set("bestSteps", v.best_steps);
            o.set("stableRates", copy_out(v.stable_rates));
            o.set("largestStableRate", v.largest_stable_rate);
            o.set("divergences", v.divergences);
            o.set("speedupStatus", v.speedup_status);
            o.set("speedup", v.speedup);
            val rates = val::array();
            for (const RateSummary& rs : v.rates) {
                val q = val::object();
                q.set("learningRate", rs.learning_rate);
                q.set("medianReached", rs.median_reached);
                q.set("medianSteps", rs.median_steps);
                q.set("reached", rs.reached);
                q.set("diverged", rs.diverged);
                q.set("notReached", rs.not_reached);
                rates.call<void>("push", q);
            }
            o.set("rates", rates);
            variants.call<void>("push", o);
        }
        val r = val::object();
        r.set("variants", variants);
        return r;
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
        r.set("learningRates", copy_out(p.learning_rates));
        r.set("seeds", copy_out(p.seeds));
        r.set("targetLoss", p.target_loss);
        return r;
    });
}

#endif  // NORMLAB_BIND_TRAIN

std::string js_version() { return version(); }

val js_last_error() { return last_error(); }

}  // namespace

EMSCRIPTEN_BINDINGS(normlab) {
    emscripten::function("version", &js_version);
    emscripten::function("lastError", &js_last_error);
#if NORMLAB_BIND_CORE
    emscripten::function("normalize", &js_normalize);
    emscripten::function("statCount", &js_stat_count);
    emscripten::function("backward", &js_backward);
    emscripten::function("describe", &js_describe);
    emscripten::function("sample", &js_sample);
    emscripten::function("groupIds", &js_group_ids);
    emscripten::function("groupMoments", &js_group_moments);
    emscripten::function("improvement", &js_improvement);
    emscripten::function("batchSpread", &js_batch_spread);
    emscripten::function("runningTrace", &js_running_trace);
    emscripten::function("explainElement", &js_explain_element);
    emscripten::function("maxAbsDifference", &js_max_abs_difference);
#endif
#if NORMLAB_BIND_TRAIN
    emscripten::function("createTrainer", &js_create_trainer);
    emscripten::function("disposeTrainer", &js_dispose_trainer);
    emscripten::function("trainerStep", &js_trainer_step);
    emscripten::function("trainerRun", &js_trainer_run);
    emscripten::function("trainerEvaluate", &js_trainer_evaluate);
    emscripten::function("trainerStatus", &js_trainer_status);
    emscripten::function("trainerTrainLoss", &js_trainer_train_loss);
    emscripten::function("trainerPredictGrid", &js_trainer_predict_grid);
    emscripten::function("trainerData", &js_trainer_data);
    emscripten::function("runToTarget", &js_run_to_target);
    emscripten::function("summarizeSweep", &js_summarize_sweep);
    emscripten::function("defaultSweepPlan", &js_default_sweep_plan);
#endif
}
