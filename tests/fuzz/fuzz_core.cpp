// fuzz_core.cpp — libFuzzer harness over the core's public API (clang -fsanitize=fuzzer,address,undefined).
// Arbitrary bytes are decoded, front to back, into one call of normalize/backward (every kind, shapes with
// zero and huge dimensions, options, NaN/Inf/denormal values), describe, sample, the grouping API, the
// playground's analyses, the deterministic math, or the trainer's config validation plus a few steps of
// a tiny trainer. Built and run by scripts/fuzz.sh; the seed corpus is written by make-corpus.mjs, which
// follows the byte layout below.
//
// The contract under test: for any arguments the core either returns or throws normlab::invalid_argument.
// Any other exception, a crash, a leak, undefined behaviour, an allocation above -malloc_limit_mb or a
// hang is a finding; so is a broken postcondition checked below (histogram counts, group ids, buffers).
//
// Layout: byte 0 picks the operation; the rest is read by Reader, which yields zeros once the input is
// exhausted (so every prefix of an input is itself a valid input). Sizes the core accepts are bounded
// here (at most kMaxElements elements) because the core legitimately accepts tensors of up to 2^28
// elements; shapes beyond that bound are still passed whenever the core must reject them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <limits>
#include <string>
#include <vector>

#include "normlab/compare.hpp"
#include "normlab/describe.hpp"
#include "normlab/detmath.hpp"
#include "normlab/errors.hpp"
#include "normlab/explain.hpp"
#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"
#include "normlab/sample.hpp"
#if __has_include("normlab/train.hpp")
#include "normlab/train.hpp"
#define NORMLAB_FUZZ_TRAINER 1
#endif

using namespace normlab;

namespace {

// Largest tensor the harness lets through when the core would accept it (cost per input, not safety).
constexpr std::size_t kMaxElements = 1u << 14;
// The core's own bound (validate.cpp): shapes above it must be rejected, whatever the input length.
constexpr std::size_t kCoreMaxElements = std::size_t{1} << 28;

[[noreturn]] void finding(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "\n== fuzz_core finding: %s %s\n", what, detail.c_str());
    std::abort();
}

class Reader {
  public:
    Reader(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}

    std::uint8_t u8() { return p_ < end_ ? *p_++ : 0; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v |= std::uint32_t{u8()} << (8 * i);
        return v;
    }
    std::uint64_t u64() { return std::uint64_t{u32()} | (std::uint64_t{u32()} << 32); }
    bool flag() { return u8() & 1; }
    float raw_f32() {
        const std::uint32_t b = u32();
        float f;
        std::memcpy(&f, &b, sizeof f);
        return f;
    }
    double raw_f64() {
        const std::uint64_t b = u64();
        double d;
        std::memcpy(&d, &b, sizeof d);
        return d;
    }
    std::string text(std::size_t max) {
        std::string s(u8() % (max + 1), '\0');
        for (char& ch : s) ch = static_cast<char>(u8());
        return s;
    }

    // A dimension: mostly 0..32, sometimes one of the sizes that probe overflow and the core's bounds.
    std::size_t dim() {
        static constexpr std::size_t kEdge[] = {0,
                                                1,
                                                kCoreMaxElements,
                                                kCoreMaxElements + 1,
                                                kCoreMaxElements - 1,
                                                std::size_t{1} << 14,
                                                std::size_t{1} << 16,
                                                (std::size_t{1} << 16) + 1,
                                                std::size_t{1} << 31,
                                                std::size_t{1} << 32,
                                                (std::size_t{1} << 32) + 1,
                                                std::size_t{1} << 63,
                                                SIZE_MAX,
                                                SIZE_MAX / 2,
                                                3,
                                                std::size_t{1} << 27};
        const std::uint8_t b = u8();
        return b < 0xF0 ? b % 33 : kEdge[b - 0xF0];
    }
    // A count/size argument (groups, repeats, steps, bins, batch, ...): small, or an edge.
    std::size_t count() {
        static constexpr std::size_t kEdge[] = {0,
                                                1,
                                                2,
                                                10000,
                                                10001,
                                                kCoreMaxElements,
                                                std::size_t{1} << 26,
                                                (std::size_t{1} << 26) + 1,
                                                SIZE_MAX,
                                                std::size_t{1} << 32,
                                                std::size_t{1} << 63,
                                                4,
                                                8,
                                                40,
                                                64,
                                                1000};
        const std::uint8_t b = u8();
        return b < 0xF0 ? b % 65 : kEdge[b - 0xF0];
    }
    // A double: one of the values that break arithmetic, or raw bits.
    double real() {
        static constexpr double kInf = std::numeric_limits<double>::infinity();
        static constexpr double kTable[] = {0.0,
                                            -0.0,
                                            1e-5,
                                            1.0,
                                            -1.0,
                                            0.5,
                                            0.1,
                                            0.9,
                                            2.0,
                                            3.0,
                                            1e-4,
                                            0.03,
                                            100.0,
                                            1000.0,
                                            -1000.0,
                                            1e-300,
                                            std::numeric_limits<double>::quiet_NaN(),
                                            kInf,
                                            -kInf,
                                            std::numeric_limits<double>::max(),
                                            -std::numeric_limits<double>::max(),
                                            std::numeric_limits<double>::min(),
                                            std::numeric_limits<double>::denorm_min(),
                                            1e300,
                                            -1e300,
                                            1e16,
                                            9007199254740993.0,
                                            1e38,
                                            3.5e38,
                                            0.999999,
                                            1.0000001,
                                            4.0};
        const std::uint8_t b = u8();
        if (b >= 0xC0) return raw_f64();
        return kTable[b % (sizeof kTable / sizeof kTable[0])];
    }
    // n float values in one of several shapes of data.
    std::vector<float> values(std::size_t n) {
        static constexpr float kInf = std::numeric_limits<float>::infinity();
        static constexpr float kTable[] = {0.0f,
                                           -0.0f,
                                           1.0f,
                                           -1.0f,
                                           0.5f,
                                           2.0f,
                                           -3.0f,
                                           1000.0f,
                                           1000.01f,
                                           1e20f,
                                           -1e20f,
                                           1e-20f,
                                           std::numeric_limits<float>::quiet_NaN(),
                                           -std::numeric_limits<float>::quiet_NaN(),
                                           kInf,
                                           -kInf,
                                           std::numeric_limits<float>::max(),
                                           -std::numeric_limits<float>::max(),
                                           std::numeric_limits<float>::min(),
                                           std::numeric_limits<float>::denorm_min(),
                                           1e-40f,
                                           -1e-40f,
                                           16777216.0f,
                                           16777217.0f,
                                           9.0e15f,
                                           1e30f,
                                           3e38f,
                                           0.01f,
                                           1e-3f,
                                           123.456f,
                                           -7.0f,
                                           65504.0f};
        std::vector<float> v(n);
        switch (u8() % 6) {
            case 0:  // raw bits: NaN payloads, Inf, denormals, anything
                for (float& x : v) x = raw_f32();
                break;
            case 1:  // special values
                for (float& x : v) x = kTable[u8() % (sizeof kTable / sizeof kTable[0])];
                break;
            case 2: {  // constant (zero variance)
                const float c = raw_f32();
                for (float& x : v) x = c;
                break;
            }
            case 3: {  // a large offset with tiny noise (mean 1000 / std 0.01 and worse)
                const float offset = raw_f32(), step = raw_f32();
                for (float& x : v) x = offset + step * static_cast<float>(static_cast<std::int8_t>(u8()));
                break;
            }
            case 4:  // small integers
                for (float& x : v) x = static_cast<float>(static_cast<std::int8_t>(u8()));
                break;
            default: {  // mostly ordinary, with one special value somewhere
                for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<float>(i % 7) - 3.0f;
                if (n) v[u32() % n] = kTable[u8() % (sizeof kTable / sizeof kTable[0])];
                break;
            }
        }
        return v;
    }

  private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

// Elements if the product fits in 64 bits, else SIZE_MAX.
std::size_t saturated_size(Shape s) {
    std::size_t out = 1;
    for (std::size_t d : {s.n, s.c, s.l}) {
        if (d != 0 && out > SIZE_MAX / d) return SIZE_MAX;
        out *= d;
    }
    return out;
}

bool core_must_reject(Shape s) { return s.n == 0 || s.c == 0 || s.l == 0 || saturated_size(s) > kCoreMaxElements; }

// A length for a buffer the core expects to hold `expected` elements: usually exactly that (when small),
// sometimes off by one, and for shapes the harness will not allocate, a small arbitrary length.
std::size_t buffer_length(Reader& r, std::size_t expected) {
    const std::uint8_t b = r.u8();
    std::size_t len = expected <= kMaxElements ? expected : b % 17;
    if ((b & 0xE0) == 0xE0)
        len = len + 1;
    else if ((b & 0xE0) == 0xC0 && len > 0)
        len = len - 1;
    return len;
}

Kind kind(Reader& r) { return static_cast<Kind>(r.u8() % 5); }
Distribution distribution(Reader& r) { return static_cast<Distribution>(r.u8() % 5); }

SampleParams sample_params(Reader& r) {
    SampleParams p;
    p.seed = r.flag() ? r.u64() : r.u8();
    p.shift = r.real();
    p.scale = r.real();
    p.shape = r.real();
    p.separation = r.real();
    p.weight = r.real();
    p.df = r.real();
    return p;
}

// ---- operations -----------------------------------------------------------------------------------

struct NormCase {
    Kind kind;
    Shape shape;
    std::vector<float> input, gamma, beta, running_mean, running_var;
    NormOptions opts;
};

NormCase norm_case(Reader& r) {
    NormCase t;
    t.kind = kind(r);
    t.shape = {r.dim(), r.dim(), r.dim()};
    // Input length: N*C*L (as wrapped 64-bit arithmetic computes it) when small, so an overflowing shape
    // whose product wraps to a small number is offered an input of exactly that length.
    t.input = r.values(buffer_length(r, t.shape.size()));
    t.opts.eps = r.real();
    t.opts.groups = r.count();
    t.opts.training = r.flag();
    t.opts.momentum = r.real();
    const std::size_t param_len = param_length(t.kind, t.shape);
    const std::uint8_t which = r.u8();
    if (which & 1) t.gamma = r.values(buffer_length(r, param_len));
    if (which & 2) t.beta = r.values(buffer_length(r, param_len));
    if (which & 4) t.running_mean = r.values(buffer_length(r, t.shape.c));
    if (which & 8) t.running_var = r.values(buffer_length(r, t.shape.c));
    t.opts.gamma = t.gamma;
    t.opts.beta = t.beta;
    t.opts.running_mean = t.running_mean;
    t.opts.running_var = t.running_var;
    return t;
}

std::size_t stat_buffer(Reader& r, const NormCase& t) {
    const std::size_t count = stat_count(t.kind, t.shape, t.opts.groups);
    return buffer_length(r, count);
}

void fuzz_normalize(Reader& r) {
    NormCase t = norm_case(r);
    const bool into = r.flag();
    if (!into) {
        const NormResult res = normalize(t.kind, t.input, t.shape, t.opts);
        if (core_must_reject(t.shape)) finding("normalize accepted shape", std::to_string(t.shape.n));
        if (res.output.size() != t.input.size()) finding("normalize: output length");
        // One element explained: the same output bits (or an "index" error beyond the tensor).
        const std::size_t index = r.count();
        const ElementExplanation e = explain_element(t.kind, t.input, t.shape, index, t.opts);
        if (index >= res.output.size()) finding("explain_element accepted an index out of range");
        if (std::memcmp(&e.output, &res.output[index], sizeof(float)) != 0) finding("explain_element: output");
        const double d = max_abs_difference(res.output, res.output);
        if (!(d == 0 || std::isnan(d))) finding("max_abs_difference of an array with itself");
        return;
    }
    std::vector<float> out(buffer_length(r, t.input.size()));
    const std::size_t stats = stat_buffer(r, t);
    std::vector<float> mean(stats), rstd(stats);
    normalize_into(t.kind, t.input, t.shape, t.opts, out, mean, rstd);
    if (core_must_reject(t.shape)) finding("normalize_into accepted an invalid shape");
}

void fuzz_backward(Reader& r) {
    NormCase t = norm_case(r);
    std::vector<float> grad = r.values(buffer_length(r, t.input.size()));
    if (!r.flag()) {
        const BackwardResult res = backward(t.kind, t.input, grad, t.shape, t.opts);
        if (core_must_reject(t.shape)) finding("backward accepted an invalid shape");
        if (res.grad_input.size() != t.input.size()) finding("backward: gradInput length");
        return;
    }
    std::vector<float> dx(buffer_length(r, t.input.size()));
    std::vector<float> dgamma(r.flag() ? buffer_length(r, t.gamma.size()) : 0);
    std::vector<float> dbeta(r.flag() ? buffer_length(r, t.beta.size()) : 0);
    backward_into(t.kind, t.input, grad, t.shape, t.opts, dx, dgamma, dbeta);
    if (core_must_reject(t.shape)) finding("backward_into accepted an invalid shape");
}

void fuzz_describe(Reader& r) {
    const std::vector<float> v = r.values(r.u8() % 2 ? r.u8() : r.u32() % (kMaxElements + 1));
    DescribeOptions o;
    o.bins = r.count();
    o.has_range = r.flag();
    o.lo = r.real();
    o.hi = r.real();
    const Summary s = describe(v, o);
    // Postconditions: bins + 1 edges, and every value inside the histogram's range counted exactly once.
    if (s.histogram.edges.size() != o.bins + 1 || s.histogram.counts.size() != o.bins)
        finding("describe: histogram sizes");
    const double lo = s.histogram.edges.front(), hi = s.histogram.edges.back();
    std::size_t inside = 0, counted = 0;
    for (float x : v) inside += x >= lo && x <= hi;
    for (std::uint32_t c : s.histogram.counts) counted += c;
    if (counted != inside)
        finding("describe: histogram counts", std::to_string(counted) + " counted, " + std::to_string(inside) +
                                                  " values in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                                                  "]");
}

void fuzz_sample(Reader& r) {
    const Distribution d = r.flag() ? distribution(r) : parse_distribution(r.text(12));
    const SampleParams p = sample_params(r);
    // Counts the core accepts are bounded here; above its own bound (2^26) it must reject before allocating.
    std::size_t n = r.count();
    if (n > kMaxElements && n <= (std::size_t{1} << 26)) n = kMaxElements;
    if (r.flag()) {
        const std::vector<float> v = sample(d, n, p);
        if (v.size() != n) finding("sample: length");
    } else {
        std::vector<float> v(n <= kMaxElements ? n : 0);
        sample_into(d, p, v);
    }
}

void fuzz_groups(Reader& r) {
    const Kind k = kind(r);
    const Shape s{r.dim(), r.dim(), r.dim()};
    const std::size_t groups = r.count();
    // group_ids/group_moments return one entry per element: only shapes the core must reject or small ones.
    if (!core_must_reject(s) && saturated_size(s) > kMaxElements) return;
    if (r.flag()) {
        const std::vector<std::int32_t> ids = group_ids(k, s, groups);
        const std::size_t count = stat_count(k, s, groups);
        if (ids.size() != s.size()) finding("group_ids: length");
        for (std::int32_t id : ids)
            if (id < 0 || static_cast<std::size_t>(id) >= count) finding("group_ids: id out of range");
    } else {
        const std::vector<float> v = r.values(buffer_length(r, s.size()));
        const GroupMoments g = group_moments(k, v, s, groups);
        if (g.mean.size() != stat_count(k, s, groups)) finding("group_moments: length");
    }
}

void fuzz_compare(Reader& r) {
    switch (r.u8() % 3) {
        case 0: {
            const double a = r.real(), b = r.real(), c = r.real(), d = r.real();
            (void)improvement(a, b, c, d);
            break;
        }
        case 1: {
            const Kind k = kind(r);
            const Distribution d = distribution(r);
            const SampleParams p = sample_params(r);
            const std::size_t batch = r.dim(), features = r.dim(), repeats = r.count(), groups = r.count();
            // The core accepts up to 2^28 elements x 10000 repeats: bound the work it is asked to do.
            const Shape s{batch, features, 1};
            if (!core_must_reject(s) && saturated_size(s) * std::min<std::size_t>(repeats, 10001) > 20000) return;
            (void)batch_statistics_spread(k, d, p, batch, features, repeats, groups);
            break;
        }
        default: {
            const Distribution d = distribution(r);
            const SampleParams p = sample_params(r);
            const std::size_t batch = r.dim(), features = r.dim(), steps = r.count();
            const double momentum = r.real();
            const Shape s{batch, features, 1};
            if (!core_must_reject(s) && saturated_size(s) * std::min<std::size_t>(steps, 10001) > 20000) return;
            (void)running_statistics_trace(d, p, batch, features, steps, momentum);
            break;
        }
    }
}

void fuzz_names(Reader& r) {
    const std::string name = r.text(16);
    if (r.flag()) {
        const Kind k = parse_kind(name);
        if (kind_name(k) != name) finding("parse_kind/kind_name round trip");
    } else {
        (void)parse_distribution(name);
    }
}

void fuzz_detmath(Reader& r) {
    const double x = r.real(), y = r.real();
    volatile double sink = det::exp(x) + det::log(x) + det::tanh(x) + det::sigmoid(x) + det::pow(x, y);
    (void)sink;
}

#ifdef NORMLAB_FUZZ_TRAINER
std::string choice(Reader& r, std::initializer_list<const char*> options) {
    const std::uint8_t b = r.u8();
    if (b >= 0xF8) return r.text(8);  // sometimes not an option at all
    return *(options.begin() + b % options.size());
}

int integer(Reader& r) {
    static constexpr int kEdge[] = {-1,
                                    0,
                                    1,
                                    2,
                                    3,
                                    4,
                                    8,
                                    16,
                                    17,
                                    256,
                                    257,
                                    512,
                                    513,
                                    1000000,
                                    std::numeric_limits<int>::max(),
                                    std::numeric_limits<int>::min()};
    const std::uint8_t b = r.u8();
    if (b >= 0xF0) return kEdge[b - 0xF0];
    if (b >= 0xE0) return static_cast<int>(r.u32());
    return b % 33;
}

void fuzz_trainer(Reader& r) {
    TrainConfig c;
    const std::uint8_t mask = r.u8();  // which fields keep their (valid) defaults
    c.dataset = choice(r, {"spirals", "spirals", "spirals", "digits"});
    if (mask & 1) {
        c.depth = integer(r);
        c.width = integer(r);
    } else {
        c.depth = 2 + r.u8() % 2;
        c.width = 8 + 8 * (r.u8() % 2);
    }
    c.activation = choice(r, {"relu", "tanh", "sigmoid"});
    c.init = choice(r, {"he", "xavier", "poor"});
    c.architecture = choice(r, {"plain", "residual"});
    c.norm = choice(r, {"none", "batch", "layer", "rms", "group"});
    c.groups = integer(r);
    c.optimizer = choice(r, {"sgd", "adam"});
    if (mask & 2) {
        c.momentum = r.real();
        c.learning_rate = r.real();
        c.eps = r.real();
        c.bn_momentum = r.real();
        c.divergence_loss = r.real();
        c.hist_range = r.real();
    }
    c.batch_size = (mask & 4) ? integer(r) : 1 + r.u8() % 16;
    if (mask & 8) {
        c.steps = integer(r);
        c.eval_every = integer(r);
        c.watch_layer = integer(r);
        c.hist_bins = integer(r);
    } else {
        c.eval_every = 1 + r.u8() % 3;
    }
    c.seed = r.u32();
    c.data_seed = r.u32();
    validate(c);

    // Construct and step only tiny networks (the cost per input, not the core's limits).
    if (c.depth > 3 || c.width > 16 || c.batch_size > 16) return;
    std::vector<std::uint8_t> digits;  // the wrong size on purpose: the digits set must be rejected
    if (c.dataset == "digits") digits.resize(r.u8());
    Trainer t(c, digits);
    const int n = static_cast<int>(r.u8() % 5) - 1;  // -1 must be rejected
    const StepResult s = t.step(n);
    if (s.loss.size() > static_cast<std::size_t>(n)) finding("Trainer::step ran more steps than asked");
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Reader r(data, size);
    try {
        switch (r.u8() % 10) {
            case 0:
                fuzz_normalize(r);
                break;
            case 1:
                fuzz_backward(r);
                break;
            case 2:
                fuzz_describe(r);
                break;
            case 3:
                fuzz_sample(r);
                break;
            case 4:
                fuzz_groups(r);
                break;
            case 5:
                fuzz_compare(r);
                break;
            case 6:
                fuzz_names(r);
                break;
            case 7:
                fuzz_detmath(r);
                break;
#ifdef NORMLAB_FUZZ_TRAINER
            case 8:
                fuzz_trainer(r);
                break;
            case 9:
                fuzz_normalize(r);
                break;  // the hottest code gets a second slot
#else
            default:
                fuzz_normalize(r);
                break;
#endif
        }
    } catch (const normlab::invalid_argument& e) {
        // The one exception the contract allows; it must name an argument.
        if (e.argument().empty()) finding("invalid_argument without an argument name", e.what());
        static const bool verbose = std::getenv("FUZZ_VERBOSE") != nullptr;  // to check what a seed reaches
        if (verbose) std::fprintf(stderr, "rejected: %s\n", e.what());
    } catch (const std::exception& e) {
        finding("an exception other than normlab::invalid_argument escaped:", e.what());
    } catch (...) {
        finding("a non-std exception escaped");
    }
    return 0;
}
