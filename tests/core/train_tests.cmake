# The training simulation's doctest files.
set(NORMLAB_TRAIN_TEST_SOURCES
  tests/core/test_trainer.cpp
  tests/core/test_trainer_gradcheck.cpp
  tests/core/test_trainer_sweep.cpp
)
