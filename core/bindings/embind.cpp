// embind.cpp — the only file that knows Emscripten. It registers functions and converts; it computes
// nothing. Arrays cross as addresses into the WASM heap that web/src/core.js allocates and fills (one
// copy in, one copy out, no per-element JS work). Every call returns a plain JS object; a core
// exception becomes { error, argument } here, at the single boundary, and core.js throws a JS Error
// with that message — the module stays usable because the C++ stack unwound normally (-fwasm-exceptions).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <new>
#include <span>
#include <string>

#include "normlab/compare.hpp"
#include "normlab/describe.hpp"
#include "normlab/errors.hpp"
#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"
#include "normlab/version.hpp"

using emscripten::val;
using namespace normlab;

namespace {

// ---- conversions -----------------------------------------------------------------------------------

std::size_t to_size(double v, const char* argument) {
    require(std::isfinite(v) && v >= 0 && v == std::floor(v) && v <= 9007199254740992.0, argument,
            "must be a non-negative integer");
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

// Returns the number of statistics written to mean/rstd, or -1 (see lastError).
double js_normalize(std::string kind, double input, double length, double n, double c, double l,
                    double options, double output, double mean, double rstd) {
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

val js_describe(double values, double length, double bins, bool has_range, double lo, double hi) {
    return guarded([&] {
        DescribeOptions o;
        o.bins = to_size(bins, "bins");
        o.has_range = has_range;
        o.lo = lo;
        o.hi = hi;
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
        const GroupMoments g = group_moments(parse_kind(kind), heap_span<const float>(values, length),
                                             to_shape(shape), to_size(groups, "groups"));
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

std::string js_version() { return version(); }

val js_last_error() { return last_error(); }

}  // namespace

EMSCRIPTEN_BINDINGS(normlab) {
    emscripten::function("lastError", &js_last_error);
    emscripten::function("version", &js_version);
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
}
