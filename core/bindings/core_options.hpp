// core_options.hpp — how the figures' module (core.cpp) reads its arguments: the field tables of the
// normalization options and the sample parameters, and shapes. Conversions only: the core validates.
//
// The hot calls (normalize, backward, explainElement) take their options as a block of doubles in the WASM
// heap, next to their arrays, laid out by NORMLAB_NORM_OPTIONS; every other call takes its options object
// as is and reads it by name.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "common.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"

namespace normlab::bind {

// ---- the options of normalize, backward and explainElement -------------------------------------------

// The field table: JS name, member of NormOptions. A new option is one line here. The options block's
// layout follows it (a number or flag takes one double, an array two: heap address and length), and
// normOptionFields() hands the layout to JS at load time, so no slot number is written anywhere else.
#define NORMLAB_NORM_OPTIONS(X)    \
    X("eps", eps)                  \
    X("groups", groups)            \
    X("training", training)        \
    X("momentum", momentum)        \
    X("gamma", gamma)              \
    X("beta", beta)                \
    X("runningMean", running_mean) \
    X("runningVar", running_var)

// read_slot(p, name, field) converts the field's slots at p and advances p past them.
inline void read_slot(const double*& p, const char*, double& field) { field = *p++; }
inline void read_slot(const double*& p, const char* name, std::size_t& field) { field = to_size(*p++, name); }
inline void read_slot(const double*& p, const char*, bool& field) { field = *p++ != 0; }
template <class T>
inline void read_slot(const double*& p, const char*, std::span<T>& field) {
    field = heap_span<T>(p[0], p[1]);
    p += 2;
}

inline NormOptions norm_options_at(double address) {
    const auto* p = reinterpret_cast<const double*>(static_cast<std::uintptr_t>(address));
    NormOptions o;
#define NORMLAB_READ(name, member) read_slot(p, name, o.member);
    NORMLAB_NORM_OPTIONS(NORMLAB_READ)
#undef NORMLAB_READ
    return o;
}

// describe_slot(name, default, slot) → { name, type, slot, default? }: what web/src/core/norm-options.js needs
// to check a value's JS type and write it; advances slot past the field. Types: "number", "flag",
// "floats" (an array copied in) and "floatsInOut" (a Float32Array copied in and back).
inline val slot_object(const char* name, const char* type, int& slot, int width) {
    val f = val::object();
    f.set("name", name);
    f.set("type", type);
    f.set("slot", slot);
    slot += width;
    return f;
}
inline val describe_slot(const char* name, double d, int& slot) {
    val f = slot_object(name, "number", slot, 1);
    f.set("default", d);
    return f;
}
inline val describe_slot(const char* name, std::size_t d, int& slot) { return describe_slot(name, double(d), slot); }
inline val describe_slot(const char* name, bool d, int& slot) {
    val f = slot_object(name, "flag", slot, 1);
    f.set("default", d);
    return f;
}
inline val describe_slot(const char* name, std::span<const float>, int& slot) {
    return slot_object(name, "floats", slot, 2);
}
inline val describe_slot(const char* name, std::span<float>, int& slot) {
    return slot_object(name, "floatsInOut", slot, 2);
}

// The layout of the options block: { slots, fields: [{ name, type, slot, default? }] }, defaults from
// NormOptions{}.
inline val norm_option_fields() {
    const NormOptions defaults;
    val fields = val::array();
    int slot = 0;
#define NORMLAB_DESCRIBE(name, member) fields.call<void>("push", describe_slot(name, defaults.member, slot));
    NORMLAB_NORM_OPTIONS(NORMLAB_DESCRIBE)
#undef NORMLAB_DESCRIBE
    val r = val::object();
    r.set("slots", slot);
    r.set("fields", fields);
    return r;
}

// ---- shapes and the sample parameters ----------------------------------------------------------------

inline Shape to_shape(const val& s) {
    bool ok = s.isArray() && s["length"].as<int>() == 3;
    for (int i = 0; ok && i < 3; ++i) ok = s[i].isNumber();
    require(ok, "shape", "must be an array of three numbers [N, C, L]");
    return {to_size(s[0].as<double>(), "shape"), to_size(s[1].as<double>(), "shape"),
            to_size(s[2].as<double>(), "shape")};
}

// The field table of SampleParams: JS name, member. A new parameter is one line here.
#define NORMLAB_SAMPLE_PARAMS(X) \
    X("seed", seed)              \
    X("shift", shift)            \
    X("scale", scale)            \
    X("shape", shape)            \
    X("separation", separation)  \
    X("weight", weight)          \
    X("df", df)

inline void read_field(const val& opts, const char* name, std::uint64_t& field) {
    const val v = opts[name];
    if (v.isUndefined()) return;
    const double seed = number_of(v, name);
    require(std::isfinite(seed) && seed >= 0 && seed == std::floor(seed) && seed <= 9007199254740991.0, name,
            "must be an integer in [0, 2^53)");
    field = static_cast<std::uint64_t>(seed);
}

// The parameters named in opts (mean and std are the JS API's aliases of shift and scale); the rest keep
// their defaults. web/src/core.js renames the core's errors about shift/scale back to the alias used.
inline SampleParams to_sample_params(const val& opts) {
    SampleParams p;
    if (opts.isUndefined() || opts.isNull()) return p;
    require(opts["mean"].isUndefined() || opts["shift"].isUndefined(), "mean", "give mean or shift, not both");
    require(opts["std"].isUndefined() || opts["scale"].isUndefined(), "std", "give std or scale, not both");
#define NORMLAB_READ(name, member) read_field(opts, name, p.member);
    NORMLAB_SAMPLE_PARAMS(NORMLAB_READ)
#undef NORMLAB_READ
    read_field(opts, "mean", p.shift);
    read_field(opts, "std", p.scale);
    return p;
}

// The sample parameters' names, aliases included, after the calling function's own.
inline std::vector<const char*> sample_keys(std::vector<const char*> keys) {
#define NORMLAB_NAME(name, member) keys.push_back(name);
    NORMLAB_SAMPLE_PARAMS(NORMLAB_NAME)
#undef NORMLAB_NAME
    keys.push_back("mean");
    keys.push_back("std");
    return keys;
}

// opts[name] as a count, or `fallback` when absent (NaN: required, which to_size rejects).
inline std::size_t size_option(const val& opts, const char* name, double fallback) {
    if (!opts.isUndefined() && !opts.isNull()) read_field(opts, name, fallback);
    return to_size(fallback, name);
}

inline double number_option(const val& opts, const char* name, double fallback) {
    if (!opts.isUndefined() && !opts.isNull()) read_field(opts, name, fallback);
    return fallback;
}

inline constexpr double kRequired = std::numeric_limits<double>::quiet_NaN();

inline std::size_t groups_option(const val& opts) {
    check_keys(opts, {"groups"}, "opts");
    return size_option(opts, "groups", 0);
}

}  // namespace normlab::bind
