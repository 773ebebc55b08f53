#include "reports/text_file.h"

#include <fstream>

namespace thmcheck::report {

bool WriteTextFile(const std::filesystem::path& path, const std::string& content,
                   std::string* error) {
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream << content;
  stream.close();
  if (!stream) {
    *error = path.string() + ": cannot write";
    return false;
  }
  return true;
}

}  // namespace thmcheck::report
