# The layering rule as a test (docs/house_rules.md): every project #include of every source file
# must be allowed by the matrix below, by the folder the file sits in (its first path component).
#   harness/  → harness/ only (it knows no concept, learner, claim or report); its leaf
#             harness/schema/ (the result format) → harness/schema/ only
#   concepts/, learners/ → their own folder and harness's leaf headers (rng.h, contract.h); never
#             each other
#   reports/  → reports/ and harness/schema/ (the result format it reads)
#   claims/   → anything: it is the only place that wires the others
# Nothing outside claims/ includes claims/. Tests, benchmarks and fuzzers (*_test.cc, *_bench.cc,
# *_fuzz.cc, *_test_fixture.h) wire like claims do and may include concepts/, learners/ and
# harness/ too, never claims/.
# Usage: cmake -DROOT=<repository> -P CheckLayering.cmake   (exit 1, listing every violation)
if(NOT ROOT)
  message(FATAL_ERROR "CheckLayering: pass -DROOT=<the repository root>")
endif()
set(leaf "harness/rng\\.h|harness/contract\\.h")
set(allowed_harness "^harness/")
set(allowed_concepts "^(concepts/|${leaf}$)")
set(allowed_learners "^(learners/|${leaf}$)")
set(allowed_reports "^(reports/|harness/schema/)")
set(allowed_schema "^harness/schema/")
set(allowed_claims "^(harness|concepts|learners|reports|claims)/")
set(allowed_wiring "^(harness|concepts|learners|reports)/")  # tests, benchmarks, fuzzers

set(violations "")
set(files_checked 0)
foreach(folder harness concepts learners reports claims)
  file(GLOB_RECURSE sources RELATIVE ${ROOT} ${ROOT}/${folder}/*.h ${ROOT}/${folder}/*.cc)
  foreach(source ${sources})
    math(EXPR files_checked "${files_checked} + 1")
    set(rule "${allowed_${folder}}")
    if(source MATCHES "^harness/schema/")
      set(rule "${allowed_schema}")
    endif()
    if(source MATCHES "(_test|_bench|_fuzz)\\.cc$|_test_fixture\\.h$|/test_fixture\\.h$")
      if(NOT folder STREQUAL "claims")
        set(rule "(${allowed_${folder}})|${allowed_wiring}")
      endif()
    endif()
    file(STRINGS ${ROOT}/${source} includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[^\"]+\"")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([^\"]+)\".*" "\\1" header "${line}")
      if(NOT header MATCHES "/")  # a sibling header of its own folder
        continue()
      endif()
      if(NOT header MATCHES "${rule}")
        string(APPEND violations "  ${source}: #include \"${header}\" (${folder}/ may not)\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(files_checked EQUAL 0)
  message(FATAL_ERROR "CheckLayering: no sources under ${ROOT}")
endif()
if(violations)
  message(FATAL_ERROR "layering violations:\n${violations}")
endif()
message(STATUS "layering: ${files_checked} files, every #include allowed")
