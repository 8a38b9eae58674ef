// tensor.hpp — the only public header that includes xtensor.
// Shapes are [N, C, L] throughout: N samples, C channels (features), L positions
// (H·W flattened for images, 1 for plain feature vectors), row-major.
#pragma once

#include <cstddef>
#include <span>

// libxtensor-dev 0.24 uses the flat include layout; 0.26+ moved to containers/.
#include <xtensor/xadapt.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

namespace normlab {

struct Shape {
    std::size_t n = 0, c = 0, l = 0;
    std::size_t size() const noexcept { return n * c * l; }
};

// A read-only [N, C, L] view over caller-owned memory (no copy).
inline auto view3(std::span<const float> data, Shape s) {
    return xt::adapt(data.data(), data.size(), xt::no_ownership(), std::array<std::size_t, 3>{s.n, s.c, s.l});
}

}  // namespace normlab
