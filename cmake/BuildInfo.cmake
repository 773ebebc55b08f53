# Generates build_info.cc at *build* time (not configure time), so the recorded commit follows
# `git commit` without a re-configure. The file is only replaced when its content changes.
set(THMCHECK_BUILD_INFO_CC ${CMAKE_BINARY_DIR}/generated/build_info.cc)
string(TOUPPER "${CMAKE_BUILD_TYPE}" _bt)
set(THMCHECK_FLAGS "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_bt}} -std=c++20 -Wall -Wextra -ffp-contract=off")
if(THMCHECK_ARCH_FLAG)  # cmake/TargetIsa.cmake
  string(APPEND THMCHECK_FLAGS " ${THMCHECK_ARCH_FLAG}")
endif()
add_custom_target(thmcheck_build_info
  COMMAND ${CMAKE_COMMAND}
    -DSRC=${PROJECT_SOURCE_DIR} -DOUT=${THMCHECK_BUILD_INFO_CC}
    -DCOMPILER=${CMAKE_CXX_COMPILER_ID}\ ${CMAKE_CXX_COMPILER_VERSION}
    "-DFLAGS=${THMCHECK_FLAGS}" -DVERSION=${PROJECT_VERSION}
    -P ${PROJECT_SOURCE_DIR}/cmake/WriteBuildInfo.cmake
  BYPRODUCTS ${THMCHECK_BUILD_INFO_CC}
  COMMENT "Recording commit, compiler and flags")
