// groups.cpp — stat_count and group_ids, next to the inline layout rules of groups.hpp.
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
