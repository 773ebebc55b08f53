# The house format as a test: every .cc and .h of the five source folders must be as .clang-format
# (Google style, 100 columns) leaves it. Checked with Debian 12's clang-format (14), which
# `.ci/deps` installs: another version may format a few constructs differently, so the test runs
# only with major version 14 and is skipped otherwise (and where clang-format is missing).
# Usage: cmake -DROOT=<repository> [-DCLANG_FORMAT=<path>] -P CheckFormat.cmake
if(NOT ROOT)
  message(FATAL_ERROR "CheckFormat: pass -DROOT=<the repository root>")
endif()
if(NOT CLANG_FORMAT)
  find_program(CLANG_FORMAT NAMES clang-format clang-format-14)
endif()
if(NOT CLANG_FORMAT)
  message("SKIP: clang-format not found (bash .ci/deps installs it)")
  return()
endif()
execute_process(COMMAND ${CLANG_FORMAT} --version OUTPUT_VARIABLE version)
if(NOT version MATCHES "version 14\\.")
  message("SKIP: ${version} is not clang-format 14 (the version the tree is formatted with)")
  return()
endif()
set(sources "")
foreach(folder harness concepts learners reports claims)
  file(GLOB_RECURSE found ${ROOT}/${folder}/*.h ${ROOT}/${folder}/*.cc)
  list(APPEND sources ${found})
endforeach()
list(LENGTH sources count)
execute_process(COMMAND ${CLANG_FORMAT} --style=file --dry-run -Werror ${sources}
                WORKING_DIRECTORY ${ROOT} RESULT_VARIABLE status ERROR_VARIABLE diagnostics)
if(NOT status EQUAL 0)
  # The diagnostics as clang-format wrote them (a FATAL_ERROR message would rewrap their lines).
  message(NOTICE "${diagnostics}")
  message(FATAL_ERROR "not formatted: run clang-format -i on the files above")
endif()
message(STATUS "format: ${count} files as .clang-format leaves them")
