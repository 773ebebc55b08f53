// libFuzzer target (ctest label `fuzz`, clang builds only): the `--set KEY=VALUE` parser.
// Input: lines of KEY=VALUE, resolved against one parameter of every declared type. Property:
// ResolveParams either returns values that pass their own validation, or throws UsageError
// naming the key — never another exception, a crash, UB or a leak (ASan + UBSan).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "harness/errors.h"
#include "harness/params.h"

namespace {

const std::vector<thmcheck::ParamSpec>& Specs() {
  using namespace thmcheck;
  static const std::vector<ParamSpec> specs = {
      IntParam("n", 2, 2000, "").Defaults(20, 20),
      RealParam("eta", 1e-3, 1.9, "").Defaults(1.0, 1.0),
      ChoiceParam("act", {"relu", "tanh"}, "").Defaults("relu", "relu"),
      IntListParam("widths", 16, 65536, 3, true, "").Defaults({16, 32, 64}, {16, 32, 64}),
      RealListParam("alphas", -1, 1, 1, false, "").Defaults({0.5}, {0.5}),
      ChoiceParam("s", {}, "any string").Defaults("x", "x"),
  };
  return specs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> sets;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const size_t eq = line.find('=');
    if (eq != std::string::npos) sets.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    start = end + 1;
  }
  try {
    const nlohmann::json params = thmcheck::ResolveParams(Specs(), "quick", sets);
    for (const auto& spec : Specs())
      if (!thmcheck::ValidateParam(spec, params.at(spec.name)).empty()) std::abort();
  } catch (const thmcheck::UsageError& e) {
    if (std::string(e.what()).find("--set ") != 0) std::abort();  // must name the input
  }
  return 0;
}
