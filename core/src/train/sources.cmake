# The training simulation: listed explicitly, paths relative to the repository root.
set(NORMLAB_TRAIN_SOURCES
  core/src/train/config.cpp
  core/src/train/datasets.cpp
  core/src/train/layers.cpp
  core/src/train/network.cpp
  core/src/train/passes.cpp
  core/src/train/conv.cpp
  core/src/train/conv_passes.cpp
  core/src/train/optim.cpp
  core/src/train/trainer.cpp
  core/src/train/evaluate.cpp
  core/src/train/sweep.cpp
)
