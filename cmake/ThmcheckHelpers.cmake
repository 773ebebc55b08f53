# One helper per kind of target (STYLE.md): libraries, unit tests, benchmarks, claim tests.

# thmcheck_add_library(NAME SOURCES... [DEPS ...]): a folder's static library.
function(thmcheck_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  if(ARG_SOURCES)
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  else()  # header-only so far
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${ARG_DEPS})
  endif()
endfunction()

# thmcheck_add_unit_test(NAME SOURCES... DEPS ...): a GoogleTest binary, labelled `unit`.
function(thmcheck_add_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${name} PROPERTIES LABELS "unit;${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# thmcheck_add_claim_test(CLAIM_ID SOURCE): a GoogleTest that runs one claim at quick scale,
# labelled `claim`, `quick` and the claim id.
function(thmcheck_add_claim_test claim source)
  add_executable(${claim}_claim_test ${source})
  target_link_libraries(${claim}_claim_test PRIVATE thmcheck_claim_test_support GTest::gtest GTest::gtest_main)
  gtest_discover_tests(${claim}_claim_test
    PROPERTIES LABELS "claim;quick;${claim}" TIMEOUT 600 DISCOVERY_TIMEOUT 60)
endfunction()

# thmcheck_add_folder(LIBRARY DEPS ... [TEST_DEPS ...]): the convention for concepts/, learners/,
# harness/ and reports/: every foo.cc is part of the folder's library, every foo_test.cc joins the
# folder's unit-test binary, every foo_bench.cc joins thmcheck_bench (STYLE.md: the file triple).
function(thmcheck_add_folder lib)
  cmake_parse_arguments(ARG "" "" "DEPS;TEST_DEPS;EXTRA_SOURCES" ${ARGN})
  file(GLOB all_cc CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  set(srcs)
  set(tests)
  set(benches)
  foreach(f ${all_cc})
    if(f MATCHES "_test\\.cc$")
      list(APPEND tests ${f})
    elseif(f MATCHES "_bench\\.cc$")
      list(APPEND benches ${f})
    else()
      list(APPEND srcs ${f})
    endif()
  endforeach()
  thmcheck_add_library(${lib} SOURCES ${srcs} ${ARG_EXTRA_SOURCES} DEPS ${ARG_DEPS})
  if(tests)
    thmcheck_add_unit_test(${lib}_test SOURCES ${tests} DEPS ${lib} ${ARG_TEST_DEPS})
  endif()
  foreach(b ${benches})
    set_property(GLOBAL APPEND PROPERTY THMCHECK_BENCH_SOURCES ${b})
  endforeach()
  if(benches)
    set_property(GLOBAL APPEND PROPERTY THMCHECK_BENCH_LIBS ${lib})
  endif()
endfunction()
