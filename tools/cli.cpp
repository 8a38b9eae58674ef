// normlab_cli — the native build's view of the core, for tests that compare it with the WASM build.
//   normlab_cli version
//   normlab_cli sample <distribution> <count> <seed> [shift scale]   raw little-endian float32 to stdout
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "normlab/sample.hpp"
#include "normlab/version.hpp"

int main(int argc, char** argv) {
    try {
        const std::string cmd = argc > 1 ? argv[1] : "";
        if (cmd == "version") {
            std::printf("%s\n", normlab::version());
            return 0;
        }
        if (cmd == "sample" && (argc == 5 || argc == 7)) {
            normlab::SampleParams p;
            p.seed = std::strtoull(argv[4], nullptr, 10);
            if (argc == 7) {
                p.shift = std::strtod(argv[5], nullptr);
                p.scale = std::strtod(argv[6], nullptr);
            }
            const auto v =
                normlab::sample(normlab::parse_distribution(argv[2]), std::strtoull(argv[3], nullptr, 10), p);
            std::fwrite(v.data(), sizeof(float), v.size(), stdout);
            return 0;
        }
        std::fprintf(stderr, "usage: normlab_cli version | sample <distribution> <count> <seed> [shift scale]\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
