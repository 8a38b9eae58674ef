// shape.hpp — the [N, C, L] layout every function of the core works on: N samples, C channels
// (features), L positions (H·W flattened for images, 1 for plain feature vectors), row-major.
// Plain numbers only, so that any header can include it without pulling in a tensor library.
#pragma once

#include <cstddef>

namespace normlab {

struct Shape {
    std::size_t n = 0, c = 0, l = 0;
    // N·C·L, the number of elements.
    std::size_t size() const noexcept { return n * c * l; }
};

}  // namespace normlab
