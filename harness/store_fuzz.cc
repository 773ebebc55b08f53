// libFuzzer target (ctest label `fuzz`, clang builds only): the cell-file reader. Every input is
// read twice: as it is (almost always a checksum mismatch), and re-sealed with a correct checksum
// when it is a JSON object, so the fuzzer also reaches the field checks behind the checksum.
// Property: ParseCell returns an outcome or a problem — never throws, crashes, or trips ASan/UBSan.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "harness/store.h"

namespace {

// Deeper JSON is refused by the reader; the re-sealing dump() below recurses, so stop early too.
constexpr int kMaxDepth = 64;

const thmcheck::ClaimSpec& Toy() {
  static const thmcheck::ClaimSpec claim = [] {
    thmcheck::ClaimSpec c;
    c.id = "toy";
    c.protocol = 1;
    c.arms = {{"main", thmcheck::ArmRole::kMain, "", nlohmann::json::object(), {}, {}}};
    return c;
  }();
  return claim;
}

const thmcheck::Cell& ToyCell() {
  static const thmcheck::Cell cell = [] {
    thmcheck::Cell c;
    c.params = {{"m", 64}};
    c.seed = 42;
    c.replicate_seed = 7;
    return c;
  }();
  return cell;
}

void Read(const std::string& text) {
  std::string problem;
  const auto outcome = thmcheck::ParseCell(text, Toy(), ToyCell(), &problem);
  if (!outcome && problem.empty()) std::abort();  // a refusal always says why
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Read(text);
  bool too_deep = false;
  nlohmann::json j = nlohmann::json::parse(
      text,
      [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        too_deep |= depth > kMaxDepth;
        return !too_deep;
      },
      /*allow_exceptions=*/false);
  if (too_deep || !j.is_object()) return 0;
  j["checksum"] = thmcheck::CellChecksum(j);
  Read(j.dump(1));
  return 0;
}
