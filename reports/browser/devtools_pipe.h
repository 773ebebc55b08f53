// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe:
// Chromium reads NUL-terminated JSON commands on fd 3 and writes responses and events on fd 4).
// No port, no WebSocket, no npm: a fork/exec, two pipes and nlohmann-json. Used by the report's
// browser test (report_browser_check.cc) to load every page and collect what went wrong.
// Protocol: https://chromedevtools.github.io/devtools-protocol/ (Target, Page, Runtime, Log,
// Network).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace thmcheck::browser {

class DevToolsPipe {
 public:
  // Starts `chromium` (a name on $PATH or a path) headless with a fresh profile folder and
  // `extra_flags`. Check ok() afterwards; error() says why not.
  DevToolsPipe(const std::string& chromium, const std::vector<std::string>& extra_flags);
  ~DevToolsPipe();  // closes the pipes, ends the browser (SIGTERM, then SIGKILL) and its profile
  DevToolsPipe(const DevToolsPipe&) = delete;
  DevToolsPipe& operator=(const DevToolsPipe&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // Sends a command (to the page session `session`, or to the browser when empty) and waits for
  // its response, passing every event that arrives meanwhile to the event handler. Returns the
  // response's "result", or nullopt on timeout, a closed pipe or a protocol error (see error()).
  std::optional<nlohmann::json> Call(const std::string& method, const nlohmann::json& params,
                                     const std::string& session, std::chrono::milliseconds timeout);

  // Waits until an event named `method` arrives (handled like any other event first).
  bool WaitForEvent(const std::string& method, std::chrono::milliseconds timeout);

  // Called for every event: (method, params, sessionId).
  std::function<void(const std::string&, const nlohmann::json&, const std::string&)> on_event;

 private:
  bool Send(const nlohmann::json& message);
  // Reads one message, waiting at most until `deadline`; nullopt on timeout or EOF.
  std::optional<nlohmann::json> Receive(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int to_browser_ = -1;    // our end of the browser's fd 3
  int from_browser_ = -1;  // our end of the browser's fd 4
  std::string buffer_;     // bytes read but not yet split at a NUL
  std::string profile_;    // the --user-data-dir we created
  int next_id_ = 1;
  std::string error_;
};

}  // namespace thmcheck::browser
