# The training simulation's doctest files.
set(NORMLAB_TRAIN_TEST_SOURCES
  tests/core/test_trainer.cpp
  tests/core/test_trainer_gradcheck.cpp
  tests/core/test_trainer_sweep.cpp
  tests/core/test_conv.cpp
  tests/core/test_conv_gradcheck.cpp
  tests/core/test_conv_torch.cpp
  tests/core/test_claims.cpp
  tests/core/test_claims_mlp.cpp
  tests/core/test_claims_conv.cpp
  tests/core/test_claims_transformer.cpp
  tests/core/test_transformer.cpp
  tests/core/test_transformer_gradcheck.cpp
  tests/core/test_transformer_torch.cpp
)
