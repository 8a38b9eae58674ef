// version.hpp — the core's version string (the project version from CMakeLists.txt).
#pragma once

namespace normlab {

// e.g. "0.1.0"
const char* version() noexcept;

}  // namespace normlab
