# cmake -P script (ctest `claims_smoke`): `thmcheck run --all --scale smoke`, then `thmcheck report`
# on its results. Smoke scale is for cleanliness, not verdicts: exit 0 (PASS) and 1 (FAIL or
# INCONCLUSIVE) are both fine; any other exit code (2 usage, 3 I/O, a signal) or a sanitizer
# report on stderr fails. Inputs: THMCHECK (the binary), OUT (a scratch folder, emptied first).
file(REMOVE_RECURSE ${OUT})
set(sanitizer_report "(AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:)")

execute_process(COMMAND ${THMCHECK} run --all --scale smoke --threads 2 --out ${OUT}/results
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc MATCHES "^[01]$")
  message(FATAL_ERROR "thmcheck run --all --scale smoke: exit ${rc} (expected 0 or 1)")
endif()
if(err MATCHES "${sanitizer_report}")
  message(FATAL_ERROR "thmcheck run --all --scale smoke: sanitizer report on stderr")
endif()

execute_process(COMMAND ${THMCHECK} report --in ${OUT}/results --out ${OUT}/report
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc STREQUAL "0" OR err MATCHES "${sanitizer_report}")
  message(FATAL_ERROR "thmcheck report on the smoke results: exit ${rc} or a sanitizer report")
endif()
