// Library versions, read from the headers this binary was compiled against.
#include "harness/build_info.h"

#include <Eigen/Core>
#include <boost/version.hpp>
#include <string>

namespace thmcheck {

nlohmann::json BuildContext() {
  const std::string eigen = std::to_string(EIGEN_WORLD_VERSION) + "." +
                            std::to_string(EIGEN_MAJOR_VERSION) + "." +
                            std::to_string(EIGEN_MINOR_VERSION);
  const std::string json = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                           std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                           std::to_string(NLOHMANN_JSON_VERSION_PATCH);
  return {{"suite", SuiteVersion()},
          {"commit", BuildCommit()},
          {"compiler", BuildCompiler()},
          {"flags", BuildFlags()},
          {"eigen", eigen},
          {"boost", BOOST_LIB_VERSION},
          {"json", json}};
}

}  // namespace thmcheck
