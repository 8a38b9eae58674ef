// core.cpp — the bindings of the figures' WebAssembly module (normlab.wasm): normalization forward and
// backward, statistics, sampling and the comparisons the figures draw. It registers functions and
// converts (core_options.hpp, common.hpp); it computes nothing and checks nothing the core checks itself.
// Arrays cross as addresses into the WASM heap that web/src/core/heap.js allocates and fills (one copy
// in, one copy out, no per-element JS work). Every Embind function returns guarded()'s val; the two hot
// calls are plain exports that return status_of()'s status.
#include <string>
#include <utility>
#include <vector>

#include <emscripten/emscripten.h>

#include "common.hpp"
#include "core_options.hpp"
#include "normlab/compare.hpp"
#include "normlab/describe.hpp"
#include "normlab/explain.hpp"
#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"
#include "normlab/version.hpp"

using namespace normlab;
using namespace normlab::bind;

namespace {

Shape shape_of(double n, double c, double l) { return {to_size(n, "shape"), to_size(c, "shape"), to_size(l, "shape")}; }

// A code from kindCode (JS never passes another; a stray one is still an error, not undefined behaviour).
Kind kind_at(int code) {
    require(code >= 0 && code <= static_cast<int>(Kind::instance), "kind", "is not a code from kindCode");
    return static_cast<Kind>(code);
}

// The code the hot calls take for a kind name (or the core's error for an unknown name).
val js_kind_code(std::string kind) {
    return guarded([&] { return val(static_cast<int>(parse_kind(kind))); });
}

val js_explain_element(std::string kind, double input, double length, double n, double c, double l, double index,
                       double options) {
    return guarded([&] {
        const ElementExplanation e =
            explain_element(parse_kind(kind), heap_span<const float>(input, length), shape_of(n, c, l),
                            to_size(index, "index"), norm_options_at(options));
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

val js_describe(double values, double length, val opts) {
    return guarded([&] {
        DescribeOptions o;
        if (check_keys(opts, {"bins", "range", "median"}, "opts")) {
            o.bins = size_option(opts, "bins", static_cast<double>(o.bins));
            read_field(opts, "median", o.median);
            const val range = opts["range"];
            if (!range.isUndefined()) {
                require(range.isArray() && range["length"].as<int>() == 2 && range[0].isNumber() && range[1].isNumber(),
                        "range", "must be [lo, hi]");
                o.has_range = true;
                o.lo = range[0].as<double>();
                o.hi = range[1].as<double>();
            }
        }
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
        h.set("edges", array_out(s.histogram.edges));
        h.set("counts", array_out(s.histogram.counts));
        r.set("histogram", h);
        return r;
    });
}

// The core sizes the result, so a count it rejects never sizes a buffer.
val js_sample(std::string distribution, double count, val opts) {
    return guarded([&] {
        const Distribution d = parse_distribution(distribution);
        check_keys(opts, sample_keys({}), "opts");
        return array_out(sample(d, to_size(count, "count"), to_sample_params(opts)));
    });
}

val js_stat_count(std::string kind, val shape, val opts) {
    return guarded([&] {
        const Kind k = parse_kind(kind);
        const Shape s = to_shape(shape);
        return val(static_cast<double>(stat_count(k, s, groups_option(opts))));
    });
}

val js_group_ids(std::string kind, val shape, val opts) {
    return guarded([&] {
        const Kind k = parse_kind(kind);
        const Shape s = to_shape(shape);
        return array_out(group_ids(k, s, groups_option(opts)));
    });
}

val js_group_moments(std::string kind, double values, double length, val shape, val opts) {
    return guarded([&] {
        const Kind k = parse_kind(kind);
        const Shape s = to_shape(shape);
        const GroupMoments g = group_moments(k, heap_span<const float>(values, length), s, groups_option(opts));
        val r = val::object();
        r.set("mean", array_out(g.mean));
        r.set("std", array_out(g.std));
        r.set("skewness", array_out(g.skewness));
        return r;
    });
}

val js_improvement(val raw, val normalized) {
    return guarded([&] {
        for (const auto& [name, v] : {std::pair{"raw", raw}, std::pair{"normalized", normalized}})
            require(
                v.typeOf().as<std::string>() == "object" && !v.isNull() && v["mean"].isNumber() && v["std"].isNumber(),
                name, "must be { mean, std }");
        const Improvement i = improvement(raw["mean"].as<double>(), raw["std"].as<double>(),
                                          normalized["mean"].as<double>(), normalized["std"].as<double>());
        val r = val::object();
        r.set("mean", i.mean_pct);
        r.set("std", i.std_pct);
        return r;
    });
}

val js_batch_spread(std::string kind, std::string distribution, val opts) {
    return guarded([&] {
        check_keys(opts, sample_keys({"batch", "features", "repeats", "groups"}), "opts");
        const BatchSpread b =
            batch_statistics_spread(parse_kind(kind), parse_distribution(distribution), to_sample_params(opts),
                                    size_option(opts, "batch", kRequired), size_option(opts, "features", kRequired),
                                    size_option(opts, "repeats", 200), size_option(opts, "groups", 0));
        val r = val::object();
        r.set("mean", array_out(b.mean));
        r.set("var", array_out(b.var));
        r.set("meanSd", b.mean_sd);
        r.set("varSd", b.var_sd);
        return r;
    });
}

val js_running_trace(std::string distribution, val opts) {
    return guarded([&] {
        check_keys(opts, sample_keys({"batch", "features", "steps", "momentum"}), "opts");
        const RunningTrace t =
            running_statistics_trace(parse_distribution(distribution), to_sample_params(opts),
                                     size_option(opts, "batch", kRequired), size_option(opts, "features", kRequired),
                                     size_option(opts, "steps", 50), number_option(opts, "momentum", 0.1));
        val r = val::object();
        r.set("batchMean", array_out(t.batch_mean));
        r.set("batchVar", array_out(t.batch_var));
        r.set("runningMean", array_out(t.running_mean));
        r.set("runningVar", array_out(t.running_var));
        r.set("populationMean", t.population_mean);
        r.set("populationVar", t.population_var);
        return r;
    });
}

val js_max_abs_difference(double a, double a_length, double b, double b_length) {
    return guarded([&] {
        return val(max_abs_difference(heap_span<const float>(a, a_length), heap_span<const float>(b, b_length)));
    });
}

// The options block's layout, which JS reads once at load.
val js_norm_option_fields() { return norm_option_fields(); }

std::string js_version() { return version(); }

}  // namespace

// ---- the hot calls: plain exports over heap addresses ----------------------------------------------------
// normalize and backward run on every redraw of a live figure, so they skip Embind's generic invoker (no
// string, no val): the kind crosses as its code (kindCode), arrays and the options block as heap addresses,
// and the result is a status; see the error protocol in common.hpp.

// The statistics count, written into mean/rstd (JS sized them for the largest count any kind needs).
extern "C" EMSCRIPTEN_KEEPALIVE int normlab_normalize(int kind, double input, double length, double n, double c,
                                                      double l, double options, double output, double mean,
                                                      double rstd) {
    return status_of([&] {
        const Kind k = kind_at(kind);
        const Shape s = shape_of(n, c, l);
        const NormOptions o = norm_options_at(options);
        const std::size_t count = stat_count(k, s, o.groups);
        normalize_into(k, heap_span<const float>(input, length), s, o, heap_span<float>(output, length),
                       heap_span<float>(mean, count), heap_span<float>(rstd, count));
        return static_cast<int>(count);
    });
}

extern "C" EMSCRIPTEN_KEEPALIVE int normlab_backward(int kind, double input, double grad_output, double length,
                                                     double grad_output_length, double n, double c, double l,
                                                     double options, double grad_input, double grad_gamma,
                                                     double grad_beta) {
    return status_of([&] {
        const Kind k = kind_at(kind);
        const NormOptions o = norm_options_at(options);
        backward_into(k, heap_span<const float>(input, length), heap_span<const float>(grad_output, grad_output_length),
                      shape_of(n, c, l), o, heap_span<float>(grad_input, length),
                      heap_span<float>(grad_gamma, static_cast<double>(o.gamma.size())),
                      heap_span<float>(grad_beta, static_cast<double>(o.beta.size())));
        return 0;
    });
}

EMSCRIPTEN_BINDINGS(normlab) {
    emscripten::function("version", &js_version);
    emscripten::function("normOptionFields", &js_norm_option_fields);
    emscripten::function("kindCode", &js_kind_code);
    emscripten::function("takeError", &take_error);
    emscripten::function("explainElement", &js_explain_element);
    emscripten::function("describe", &js_describe);
    emscripten::function("sample", &js_sample);
    emscripten::function("statCount", &js_stat_count);
    emscripten::function("groupIds", &js_group_ids);
    emscripten::function("groupMoments", &js_group_moments);
    emscripten::function("improvement", &js_improvement);
    emscripten::function("batchSpread", &js_batch_spread);
    emscripten::function("runningTrace", &js_running_trace);
    emscripten::function("maxAbsDifference", &js_max_abs_difference);
}
