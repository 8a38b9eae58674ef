// kind.cpp — the names of the normalization kinds (their layout is in groups.cpp).
#include <array>
#include <string>

#include "normlab/errors.hpp"
#include "normlab/normalize.hpp"

namespace normlab {

namespace {
constexpr std::array<std::string_view, 5> kNames{"batch", "layer", "rms", "group", "instance"};
}

Kind parse_kind(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<Kind>(i);
    throw invalid_argument(
        "kind", "unknown normalization \"" + std::string(name) + "\" (expected batch, layer, rms, group or instance)");
}

std::string_view kind_name(Kind kind) noexcept { return kNames[static_cast<std::size_t>(kind)]; }

}  // namespace normlab
