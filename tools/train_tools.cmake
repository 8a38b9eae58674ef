# normlab_sweep: runs the default preset's learning-rate sweep natively and writes the JSON the page ships.
add_executable(normlab_sweep tools/sweep.cpp)
target_link_libraries(normlab_sweep PRIVATE normlab)

# normlab_conv: the conv trainer's steps/s, the batch-size study and a fingerprint (tools/conv.cpp).
add_executable(normlab_conv tools/conv.cpp)
target_link_libraries(normlab_conv PRIVATE normlab)

# normlab_transformer: the Transformer trainer's steps/s, its study and a fingerprint (tools/transformer.cpp).
add_executable(normlab_transformer tools/transformer.cpp)
target_link_libraries(normlab_transformer PRIVATE normlab)

# normlab_compare: the page's default comparisons computed natively (tools/compare.cpp, driven by
# tools/comparisons.mjs).
add_executable(normlab_compare tools/compare.cpp)
target_link_libraries(normlab_compare PRIVATE normlab)
