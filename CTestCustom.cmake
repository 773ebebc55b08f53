# Read by `ctest` run from the repository root (CTestTestfile.cmake forwards to build/): the same
# settings as build/CTestCustom.cmake, which cmake/ThmcheckHelpers.cmake writes (a passing claim
# test's whole output is kept, so its measurements reach --output-junit files).
include("${CMAKE_CURRENT_LIST_DIR}/build/CTestCustom.cmake" OPTIONAL)
