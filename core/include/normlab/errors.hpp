// errors.hpp — the one exception type the core throws for bad arguments.
// It carries the argument's name (as the JS API spells it) so that the bindings can
// report "input: ..." or "groups: ..." without parsing the message.
#pragma once

#include <stdexcept>
#include <string>
#include <type_traits>

namespace normlab {

class invalid_argument : public std::invalid_argument {
  public:
    // Message reads "<argument>: <constraint>", e.g. "groups: C (6) must be divisible by groups (4)".
    invalid_argument(std::string argument, const std::string& constraint)
        : std::invalid_argument(argument + ": " + constraint), argument_(std::move(argument)) {}

    // The name of the offending argument, as the JS API spells it.
    const std::string& argument() const noexcept { return argument_; }

  private:
    std::string argument_;
};

// Throws invalid_argument(argument, constraint) unless ok.
inline void require(bool ok, const char* argument, const std::string& constraint) {
    if (!ok) throw invalid_argument(argument, constraint);
}
// The same for a literal constraint, or for a callable that builds the message: no std::string is made
// unless it throws, so checks on every call (and inside loops) cost a comparison.
inline void require(bool ok, const char* argument, const char* constraint) {
    if (!ok) throw invalid_argument(argument, constraint);
}
template <class Message>
requires std::is_invocable_r_v<std::string, Message>
inline void require(bool ok, const char* argument, Message&& message) {
    if (!ok) throw invalid_argument(argument, message());
}

}  // namespace normlab
