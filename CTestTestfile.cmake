# Forwarder: lets `ctest` run from the repository root after the default build
# (`cmake -S . -B build && cmake --build build`); every test lives in build/.
if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/build/CTestTestfile.cmake")
  subdirs("build")
else()
  message(FATAL_ERROR "No build in ${CMAKE_CURRENT_LIST_DIR}/build: run `cmake -S . -B build && cmake --build build -j2` first.")
endif()
