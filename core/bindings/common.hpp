// common.hpp — what both WebAssembly modules' bindings share: conversions between JS values and the
// core's types, reading an options object by name from a field table, and the one error protocol.
// Only core/bindings/ includes Emscripten; the core knows nothing of it.
//
// Error protocol: every bound function returns a val and runs its body inside guarded(). The val is the
// function's result (a number or an object) or, when the core throws, the plain object
// { error, argument } with the exception's message and the argument it names. No C++ exception crosses
// into JS, so the stack unwinds normally (-fwasm-exceptions) and the module stays usable;
// web/src/core/module.js turns the object into a thrown NormlabError. The few hot calls are plain exports
// (no Embind invoker: a call costs what a WASM call costs) whose body runs inside status_of(): they return
// a status >= 0, or -1 after keeping the same { error, argument } object for takeError(), which JS passes
// to the same check().
//
// Conversions only convert: a value of the wrong JS type or out of the C++ type's range is an error
// here, every rule about the value itself is the core's (its validate functions).
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <new>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "normlab/errors.hpp"

namespace normlab::bind {

using emscripten::val;

// ---- the error protocol ------------------------------------------------------------------------------

// The { error, argument } object of the exception being handled; call it only inside a catch block.
// Out of line, so that each bound function carries one catch (...) rather than this whole ladder.
[[gnu::noinline]] inline val current_error() {
    auto error = [](const std::string& message, const std::string& argument) {
        val e = val::object();
        e.set("error", message);
        e.set("argument", argument);
        return e;
    };
    try {
        throw;
    } catch (const normlab::invalid_argument& e) {
        return error(e.what(), e.argument());
    } catch (const std::bad_alloc&) {
        return error("out of memory: the arrays are too large for this page", "");
    } catch (const std::exception& e) {
        return error(e.what(), "");
    } catch (...) {
        return error("unexpected error in the core", "");
    }
}

// Runs f (returning a val) and turns any exception of the core into the { error, argument } object.
template <class F>
val guarded(F&& f) {
    try {
        return f();
    } catch (...) {
        return current_error();
    }
}

// The error object of the last hot call that failed, until takeError() hands it to JS.
inline val& kept_error() {
    static val error = val::undefined();
    return error;
}

// Runs f (returning an int >= 0) for a plain export: its value, or -1 with the error kept for takeError().
template <class F>
int status_of(F&& f) {
    try {
        return f();
    } catch (...) {
        kept_error() = current_error();
        return -1;
    }
}

// takeError(): the { error, argument } object of the last failed hot call (undefined when there is none).
inline val take_error() {
    val error = kept_error();
    kept_error() = val::undefined();
    return error;
}

// ---- numbers in --------------------------------------------------------------------------------------

// A JS number as a double; "must be a number" otherwise.
inline double number_of(const val& v, const char* argument) {
    require(v.isNumber(), argument, "must be a number");
    return v.as<double>();
}

// size_t is 32-bit in WebAssembly: anything above its range is an error, never a wrapped value.
inline std::size_t to_size(double v, const char* argument) {
    constexpr double kMax = static_cast<double>(std::numeric_limits<std::size_t>::max());
    require(std::isfinite(v) && v >= 0 && v == std::floor(v) && v <= kMax, argument, [] {
        return "must be an integer in [0, " + std::to_string(std::numeric_limits<std::size_t>::max()) + "]";
    });
    return static_cast<std::size_t>(v);
}

// An integer in [lo, hi] (the C++ type's range, not a rule of the core).
inline int to_int(double d, const char* argument, int lo, int hi) {
    require(d == std::floor(d) && d >= lo && d <= hi, argument,
            [&] { return "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]"; });
    return static_cast<int>(d);
}

// ---- arrays ------------------------------------------------------------------------------------------

// A view of `length` T at a WASM heap address that web/src/core/heap.js allocated and filled.
template <class T>
std::span<T> heap_span(double address, double length) {
    return {reinterpret_cast<T*>(static_cast<std::uintptr_t>(address)), static_cast<std::size_t>(length)};
}

// A JS-owned copy (a typed array of T), safe after the C++ data is gone.
template <class T>
val array_out(const T* data, std::size_t n) {
    return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}
template <class T>
val array_out(const std::vector<T>& v) {
    return array_out(v.data(), v.size());
}

// ---- options objects, read by name from a field table ------------------------------------------------

// opts must be undefined, null or a plain object whose keys are all in `names`; returns true when there
// is something to read. The message lists the accepted names.
inline bool check_keys(const val& opts, const std::vector<const char*>& names, const char* argument) {
    if (opts.isUndefined() || opts.isNull()) return false;
    require(opts.typeOf().as<std::string>() == "object" && !opts.isArray(), argument, "must be an object");
    const val keys = val::global("Object").call<val>("keys", opts);
    const int n = keys["length"].as<int>();
    for (int i = 0; i < n; ++i) {
        const std::string key = keys[i].as<std::string>();
        bool known = false;
        for (const char* name : names) known = known || key == name;
        if (known) continue;
        std::string list;
        for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
        throw invalid_argument(argument, "unknown option \"" + key + "\" (expected " + list + ")");
    }
    return true;
}

// read_field(opts, name, field): leaves field at its default when opts[name] is undefined, otherwise
// converts it (the type's constraint is the error). One overload per field type the tables use.
inline void read_field(const val& opts, const char* name, double& field) {
    const val v = opts[name];
    if (!v.isUndefined()) field = number_of(v, name);
}
inline void read_field(const val& opts, const char* name, int& field) {
    const val v = opts[name];
    if (!v.isUndefined()) field = to_int(number_of(v, name), name, -2147483647, 2147483647);
}
inline void read_field(const val& opts, const char* name, std::uint32_t& field) {
    const val v = opts[name];
    if (!v.isUndefined()) field = static_cast<std::uint32_t>(to_int(number_of(v, name), name, 0, 2147483647));
}
inline void read_field(const val& opts, const char* name, bool& field) {
    const val v = opts[name];
    if (v.isUndefined()) return;
    require(v.isTrue() || v.isFalse(), name, "must be true or false");
    field = v.isTrue();
}
inline void read_field(const val& opts, const char* name, std::string& field) {
    const val v = opts[name];
    if (v.isUndefined()) return;
    require(v.isString(), name, "must be a string");
    field = v.as<std::string>();
}

// The JS value of a field (integers wider than int as plain numbers).
template <class T>
val field_out(const T& field) {
    // A struct needs its own overload (NORMLAB_OBJECT_OUT) declared before its use; never a silent val(struct).
    static_assert(std::is_arithmetic_v<T> || std::is_same_v<T, std::string>, "field_out: no overload for this type");
    if constexpr (std::is_same_v<T, std::uint32_t> || std::is_same_v<T, std::uint64_t>)
        return val(static_cast<double>(field));
    else
        return val(field);
}

// ---- structs, by a field table ----------------------------------------------------------------------

// A field table is a macro TABLE(X) listing X("jsName", member) per field of one struct. With a struct
// `s` and an object `o` in scope, NORMLAB_SET_FIELDS(TABLE) writes every field into o through field_out
// and NORMLAB_READ_FIELDS(TABLE) reads every field that o names through read_field: one table serves
// both directions and any struct (core/bindings/train_config.hpp holds the training module's tables).
#define NORMLAB_SET_FIELD(name, member) o.set(name, field_out(s.member));
#define NORMLAB_READ_FIELD(name, member) read_field(o, name, s.member);
#define NORMLAB_SET_FIELDS(TABLE) TABLE(NORMLAB_SET_FIELD)
#define NORMLAB_READ_FIELDS(TABLE) TABLE(NORMLAB_READ_FIELD)
// Defines field_out(const Type&): the plain object of TABLE's fields (tables may nest through field_out).
#define NORMLAB_OBJECT_OUT(Type, TABLE)   \
    inline val field_out(const Type& s) { \
        val o = val::object();            \
        NORMLAB_SET_FIELDS(TABLE)         \
        return o;                         \
    }

}  // namespace normlab::bind
