// groups.cpp — the layout of the statistics and the affine parameters, defined once for every kind.
#include "normlab/groups.hpp"

#include <algorithm>

namespace normlab {

std::size_t stat_count(Kind kind, Shape shape, std::size_t groups) {
    switch (kind) {
        case Kind::batch:
            return shape.c;
        case Kind::layer:
        case Kind::rms:
            return shape.n;
        case Kind::group:
            return shape.n * groups;
        case Kind::instance:
            return shape.n * shape.c;
    }
    return 0;
}

std::size_t group_of(Kind kind, Shape shape, std::size_t groups, std::size_t n, std::size_t c) noexcept {
    switch (kind) {
        case Kind::batch:
            return c;
        case Kind::layer:
        case Kind::rms:
            return n;
        case Kind::group:
            return n * groups + c / (shape.c / groups);
        case Kind::instance:
            return n * shape.c + c;
    }
    return 0;
}

std::size_t group_size(Kind kind, Shape shape, std::size_t groups) noexcept {
    switch (kind) {
        case Kind::batch:
            return shape.n * shape.l;
        case Kind::layer:
        case Kind::rms:
            return shape.c * shape.l;
        case Kind::group:
            return (shape.c / groups) * shape.l;
        case Kind::instance:
            return shape.l;
    }
    return 0;
}

bool per_element_params(Kind kind) noexcept { return kind == Kind::layer || kind == Kind::rms; }

std::size_t param_length(Kind kind, Shape shape) noexcept {
    return per_element_params(kind) ? shape.c * shape.l : shape.c;
}

std::size_t param_index(Kind kind, Shape shape, std::size_t c, std::size_t l) noexcept {
    return per_element_params(kind) ? c * shape.l + l : c;
}

std::vector<std::int32_t> group_ids(Kind kind, Shape shape, std::size_t groups) {
    validate_layout(kind, shape, groups);
    std::vector<std::int32_t> ids(shape.size());
    auto out = ids.begin();
    for (std::size_t n = 0; n < shape.n; ++n)
        for (std::size_t c = 0; c < shape.c; ++c)
            out = std::fill_n(out, shape.l, static_cast<std::int32_t>(group_of(kind, shape, groups, n, c)));
    return ids;
}

}  // namespace normlab
