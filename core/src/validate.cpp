// validate.cpp — every argument rule of normalize/backward, checked before any kernel runs,
// so kernels never throw mid-loop and the caller's buffers are untouched on error.
#include <cmath>
#include <string>

#include "normlab/errors.hpp"
#include "normlab/groups.hpp"
#include "normlab/normalize.hpp"

namespace normlab {

namespace {

// Beyond this the WASM heap (4 GiB address space) could not hold input and output.
constexpr std::size_t kMaxElements = std::size_t{1} << 28;

// Appends to a std::string rather than prepending "[" to a temporary, which GCC 12 misreads (-Wrestrict).
std::string shape_text(Shape s) {
    std::string t = "[";
    t += std::to_string(s.n) + ", " + std::to_string(s.c) + ", " + std::to_string(s.l) + "]";
    return t;
}

bool all_finite(std::span<const float> v) {
    for (float x : v)
        if (!std::isfinite(x)) return false;
    return true;
}

void check_param(const char* name, std::span<const float> v, std::size_t expected, const char* what) {
    if (v.empty()) return;
    require(v.size() == expected, name, [&] {
        return "length " + std::to_string(v.size()) + " must be " + std::to_string(expected) + " (" + what + ")";
    });
    require(all_finite(v), name, "must contain only finite numbers (no NaN or Infinity)");
}

}  // namespace

void validate_layout(Kind kind, Shape shape, std::size_t groups) {
    require(shape.n >= 1 && shape.c >= 1 && shape.l >= 1, "shape",
            [&] { return "every dimension of [N, C, L] must be at least 1, got " + shape_text(shape); });
    require(shape.n <= kMaxElements && shape.c <= kMaxElements && shape.l <= kMaxElements &&
                shape.n * shape.c <= kMaxElements && shape.size() <= kMaxElements,
            "shape",
            [&] { return shape_text(shape) + " has more than " + std::to_string(kMaxElements) + " elements"; });
    if (kind == Kind::group) {
        require(groups >= 1, "groups",
                [&] { return "required for group normalization: a divisor of C (" + std::to_string(shape.c) + ")"; });
        require(shape.c % groups == 0, "groups", [&] {
            return "C (" + std::to_string(shape.c) + ") must be divisible by groups (" + std::to_string(groups) + ")";
        });
    }
    if (kind == Kind::instance)
        require(shape.l > 1, "shape",
                "InstanceNorm needs more than one position per channel (L = 1 leaves nothing to normalize)");
}

void validate(Kind kind, std::size_t input_size, Shape shape, const NormOptions& opts) {
    validate_layout(kind, shape, opts.groups);
    require(input_size > 0, "input", "must not be empty");
    require(input_size == shape.size(), "input", [&] {
        return "length " + std::to_string(input_size) + " does not match shape " + shape_text(shape) +
               " (N*C*L = " + std::to_string(shape.size()) + ")";
    });
    require(std::isfinite(opts.eps) && opts.eps > 0, "eps", "must be a finite number > 0");

    const std::size_t param_len = param_length(kind, shape);
    const char* param_what = per_element_params(kind) ? "C*L: one per element of a sample" : "C: one per channel";
    check_param("gamma", opts.gamma, param_len, param_what);
    check_param("beta", opts.beta, param_len, param_what);
    require(!(kind == Kind::rms && !opts.beta.empty()), "beta", "RMSNorm has no shift parameter; omit beta");

    switch (kind) {
        case Kind::batch: {
            require(std::isfinite(opts.momentum) && opts.momentum >= 0 && opts.momentum <= 1, "momentum",
                    "must be a number in [0, 1]");
            require(opts.running_mean.empty() == opts.running_var.empty(),
                    opts.running_mean.empty() ? "runningMean" : "runningVar",
                    "runningMean and runningVar must be given together");
            if (!opts.running_mean.empty()) {
                require(opts.running_mean.size() == shape.c, "runningMean", [&] {
                    return "length " + std::to_string(opts.running_mean.size()) + " must be C (" +
                           std::to_string(shape.c) + ")";
                });
                require(opts.running_var.size() == shape.c, "runningVar", [&] {
                    return "length " + std::to_string(opts.running_var.size()) + " must be C (" +
                           std::to_string(shape.c) + ")";
                });
            }
            if (opts.training) {
                require(shape.n * shape.l > 1, "shape",
                        "BatchNorm in training needs more than one value per channel (N*L = 1); "
                        "use a larger batch or training = false");
            } else {
                require(!opts.running_mean.empty(), "runningMean",
                        "required when training is false (BatchNorm normalizes with running statistics)");
                require(all_finite(opts.running_mean), "runningMean", "must contain only finite numbers");
                for (float v : opts.running_var)
                    require(std::isfinite(v) && v >= 0, "runningVar", "must contain only finite numbers >= 0");
            }
            break;
        }
        case Kind::layer:
        case Kind::rms:
        case Kind::group:
        case Kind::instance:
            break;
    }
}

}  // namespace normlab
