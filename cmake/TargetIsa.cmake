# The instruction set the binaries target (THMCHECK_ARCH, a -march value). Recorded numbers are
# byte-identical on every machine that runs the same binary (no runtime dispatch: Eigen picks its
# kernels at compile time), and differ in the last digits between two targets.
#   auto (default)  x86-64-v3 (AVX2 + FMA: Intel since Haswell 2013, AMD since 2015) when the build
#                   machine runs it, else x86-64. Why not plain x86-64 always: Eigen's SSE2 kernels
#                   run the suite's dense algebra at half the speed or less (measured 2026-11-23:
#                   alpha_separation quick 87 s → 46 s; Cholesky at n = 3000 0.85 s → 0.32 s).
#                   The two targets' quick runs of every claim gave the same verdicts; main-arm
#                   cells agreed to ≤ 3e−9 relative (values that are 0 in exact arithmetic aside),
#                   control arms that leave the kernel regime (ntk_closeness mean_field,
#                   large_step) to ≤ 3% per cell (chaotic training).
#   x86-64          any x86-64 machine (SSE2 only).
#   x86-64-v3, native, ... passed to -march as given (native: the build machine's ISA).
# Non-x86 processors: no -march (the compiler's default).
set(THMCHECK_ARCH "auto" CACHE STRING "-march of every target: auto, x86-64, x86-64-v3, native…")

set(THMCHECK_ARCH_FLAG "")
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(_arch "${THMCHECK_ARCH}")
  if(_arch STREQUAL "auto")
    # Probe the build machine: a binary built for x86-64-v3 dies with SIGILL on a CPU without it.
    set(_probe ${CMAKE_BINARY_DIR}/CMakeFiles/thmcheck_isa_probe.cc)
    file(WRITE ${_probe} "int main() {\n  __builtin_cpu_init();\n  return "
         "__builtin_cpu_supports(\"avx2\") && __builtin_cpu_supports(\"fma\") ? 0 : 1;\n}\n")
    try_run(_runs _compiles ${CMAKE_BINARY_DIR}/CMakeFiles/thmcheck_isa_probe ${_probe})
    if(_compiles AND "${_runs}" STREQUAL "0")
      set(_arch "x86-64-v3")
    else()
      set(_arch "x86-64")
      message(STATUS "thmcheck: this CPU lacks AVX2/FMA: building for x86-64 (slower; numbers "
                     "differ from x86-64-v3 builds in the last digits)")
    endif()
  endif()
  set(THMCHECK_ARCH_FLAG "-march=${_arch}")
  message(STATUS "thmcheck: targeting ${THMCHECK_ARCH_FLAG}")
elseif(NOT THMCHECK_ARCH STREQUAL "auto")
  set(THMCHECK_ARCH_FLAG "-march=${THMCHECK_ARCH}")
endif()
if(THMCHECK_ARCH_FLAG)
  add_compile_options(${THMCHECK_ARCH_FLAG})
endif()
