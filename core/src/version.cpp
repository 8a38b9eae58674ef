#include "normlab/version.hpp"

namespace normlab {

const char* version() noexcept { return NORMLAB_VERSION; }

}  // namespace normlab
