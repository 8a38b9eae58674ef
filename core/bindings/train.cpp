// train.cpp — the bindings of the training simulation's WebAssembly module (normlab-train.wasm), loaded
// only by the training worker so that the page's first load stays small. It registers functions and
// converts (common.hpp, train_config.hpp); the core validates (validate(TrainConfig), run inside the Trainer).
// A trainer's state persists between calls, so it lives here under an integer handle that
// web/src/core/trainer.js wraps in an object with dispose(); everything crossing is plain numbers,
// strings, objects and typed arrays. Every function returns guarded()'s val. The sweep's functions are
// in sweep.cpp, part of the same module.
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "normlab/train.hpp"
#include "normlab/version.hpp"
#include "train_config.hpp"

using namespace normlab;
using namespace normlab::bind;

namespace {

int steps_of(double n, const char* argument) { return to_int(n, argument, 0, 1000000); }

// ---- the trainers ------------------------------------------------------------------------------------

std::map<int, std::unique_ptr<Trainer>>& trainers() {
    static std::map<int, std::unique_ptr<Trainer>> all;
    return all;
}

Trainer& trainer(int id) {
    const auto it = trainers().find(id);
    require(it != trainers().end(), "trainer", "has been disposed");
    return *it->second;
}

// { id, config }: the config with every default filled in.
val js_create_trainer(val config, double digits, double digits_length) {
    return guarded([&] {
        static int next_id = 1;
        auto t =
            std::make_unique<Trainer>(to_train_config(config), heap_span<const std::uint8_t>(digits, digits_length));
        const int id = next_id++;
        val r = val::object();
        r.set("id", id);
        r.set("config", field_out(t->config()));
        trainers()[id] = std::move(t);
        return r;
    });
}

val js_dispose_trainer(int id) {
    return guarded([&] {
        trainers().erase(id);
        return val::undefined();
    });
}

val js_trainer_step(int id, double n) {
    return guarded([&] { return field_out(trainer(id).step(steps_of(n, "steps"))); });
}

val js_trainer_run(int id, double n) {
    return guarded([&] { return val(trainer(id).run(steps_of(n, "steps"))); });
}

val js_trainer_evaluate(int id) {
    return guarded([&] { return field_out(trainer(id).evaluate()); });
}

val js_trainer_status(int id) {
    return guarded([&] {
        Trainer& t = trainer(id);
        val r = val::object();
        r.set("stepsDone", t.steps_done());
        r.set("diverged", t.diverged());
        r.set("reason", t.divergence_reason());
        r.set("divergence", field_out(t.divergence()));
        return r;
    });
}

val js_trainer_train_loss(int id) {
    return guarded([&] { return val(trainer(id).train_loss()); });
}

val js_trainer_predict_grid(int id, double resolution) {
    return guarded([&] {
        const GridPrediction g = trainer(id).predict_grid(to_int(resolution, "resolution", 2, 256));
        val r = val::object();
        r.set("resolution", g.resolution);
        r.set("xMin", g.x_min);
        r.set("xMax", g.x_max);
        r.set("yMin", g.y_min);
        r.set("yMax", g.y_max);
        r.set("classes", array_out(g.classes));
        r.set("confidence", array_out(g.confidence));
        return r;
    });
}

val js_trainer_data(int id) {
    return guarded([&] {
        const DataSnapshot d = trainer(id).data();
        val r = val::object();
        r.set("inputs", d.inputs);
        r.set("classes", d.classes);
        r.set("trainX", array_out(d.train_x));
        r.set("heldoutX", array_out(d.heldout_x));
        r.set("trainY", array_out(d.train_y));
        r.set("heldoutY", array_out(d.heldout_y));
        return r;
    });
}

}  // namespace

std::string js_train_version() { return version(); }

EMSCRIPTEN_BINDINGS(normlab_train) {
    emscripten::function("version", &js_train_version);
    emscripten::function("createTrainer", &js_create_trainer);
    emscripten::function("disposeTrainer", &js_dispose_trainer);
    emscripten::function("trainerStep", &js_trainer_step);
    emscripten::function("trainerRun", &js_trainer_run);
    emscripten::function("trainerEvaluate", &js_trainer_evaluate);
    emscripten::function("trainerStatus", &js_trainer_status);
    emscripten::function("trainerTrainLoss", &js_trainer_train_loss);
    emscripten::function("trainerPredictGrid", &js_trainer_predict_grid);
    emscripten::function("trainerData", &js_trainer_data);
}
