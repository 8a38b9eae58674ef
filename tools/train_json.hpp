// train_json.hpp — the tools' TrainConfig and trainer results as JSON (the JS names of docs/core-api.md, by the
// WebAssembly module's own table, core/bindings/train_fields.hpp), and TrainConfig read back by field name;
// tools/comparisons.mjs checks that normlab_compare trained the config it was sent. Numbers are written with 17
// significant digits, so JSON.parse gives the same doubles bit for bit: the page compares a live WebAssembly run with
// them exactly.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "../core/bindings/train_fields.hpp"  // NORMLAB_TRAIN_CONFIG: the JS names of the fields
#include "normlab/train.hpp"

namespace train_json {

inline std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}
inline std::string num(int v) { return std::to_string(v); }
inline std::string num(std::uint32_t v) { return std::to_string(v); }
// Tool-written strings are names and causes without quotes or backslashes.
inline std::string num(const std::string& s) { return "\"" + s + "\""; }
inline std::string str(const std::string& s) { return num(s); }

template <class T, class F>
std::string list(const std::vector<T>& v, F f) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + f(v[i]);
    return out + "]";
}
template <class T>
std::string list(const std::vector<T>& v) {
    return list(v, [](const T& x) { return num(x); });
}

// Every field of the config, as an object.
inline std::string config_json(const normlab::TrainConfig& c) {
    std::string out;
#define NORMLAB_TOOL_WRITE(name, field) out += std::string(out.empty() ? "{" : ", ") + "\"" name "\": " + num(c.field);
    NORMLAB_TRAIN_CONFIG(NORMLAB_TOOL_WRITE)
#undef NORMLAB_TOOL_WRITE
    return out + "}";
}

inline void read_value(const std::string& text, std::string& field) { field = text; }
inline void read_value(const std::string& text, double& field) { field = std::strtod(text.c_str(), nullptr); }
inline void read_value(const std::string& text, int& field) { field = std::stoi(text); }
inline void read_value(const std::string& text, std::uint32_t& field) {
    field = static_cast<std::uint32_t>(std::stoul(text));
}

// Sets the field named `name` (a JS name) from its text; throws std::invalid_argument for an unknown name.
inline void set_field(normlab::TrainConfig& c, const std::string& name, const std::string& text) {
#define NORMLAB_TOOL_READ(js, field) \
    if (name == js) return read_value(text, c.field);
    NORMLAB_TRAIN_CONFIG(NORMLAB_TOOL_READ)
#undef NORMLAB_TOOL_READ
    throw std::invalid_argument("unknown TrainConfig field " + name);
}

// One evaluation as the WebAssembly module reports it (EvalReport, with the histogram as an object).
inline std::string eval_json(const normlab::EvalReport& e) {
    auto split = [](const normlab::SplitMetrics& m) {
        return "{\"loss\": " + num(m.loss) + ", \"accuracy\": " + num(m.accuracy) + "}";
    };
    return "{\"step\": " + num(e.step) + ", \"train\": " + split(e.train) + ", \"heldout\": " + split(e.heldout) +
           ", \"preactMean\": " + list(e.preact_mean) + ", \"preactStd\": " + list(e.preact_std) +
           ", \"gradNorm\": " + list(e.grad_norm) + ", \"watchLayer\": " + num(e.watch_layer) +
           ", \"histogram\": {\"edges\": " + list(e.hist_edges) + ", \"counts\": " + list(e.hist_counts) +
           ", \"below\": " + num(e.hist_below) + ", \"above\": " + num(e.hist_above) + "}}";
}

}  // namespace train_json
