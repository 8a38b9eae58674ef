// groups.cpp — group ids by broadcasting per-axis index grids (xtensor), one formula per kind.
#include "normlab/groups.hpp"

#include <xtensor/xbroadcast.hpp>
#include <xtensor/xbuilder.hpp>

namespace normlab {

std::vector<std::int32_t> group_ids(Kind kind, Shape s, std::size_t groups) {
    validate_layout(kind, s, groups);

    using I = std::int32_t;
    const auto n = xt::arange<I>(static_cast<I>(s.n)).reshape({s.n, std::size_t{1}, std::size_t{1}});
    const auto c = xt::arange<I>(static_cast<I>(s.c)).reshape({std::size_t{1}, s.c, std::size_t{1}});
    const std::array<std::size_t, 3> shape{s.n, s.c, s.l};
    xt::xtensor<I, 3> ids(shape);
    switch (kind) {
        case Kind::batch:
            ids = xt::broadcast(c, shape);
            break;  // one per channel
        case Kind::layer:
        case Kind::rms:
            ids = xt::broadcast(n, shape);
            break;  // one per sample
        case Kind::instance:
            ids = xt::broadcast(n * I(s.c) + c, shape);
            break;           // per (sample, channel)
        case Kind::group: {  // per (sample, group)
            const I per_group = static_cast<I>(s.c / groups);
            ids = xt::broadcast(n * I(groups) + c / per_group, shape);
            break;
        }
    }
    return std::vector<I>(ids.begin(), ids.end());
}

}  // namespace normlab
