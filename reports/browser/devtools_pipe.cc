// DevTools over a pipe; see devtools_pipe.h. The child gets the read end of one pipe as fd 3 and
// the write end of another as fd 4, the numbers --remote-debugging-pipe expects; its stdout and
// stderr go to /dev/null (Chromium's own warnings about D-Bus, GPU etc. are not the page's errors).
#include "reports/browser/devtools_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace thmcheck::browser {
namespace {

using Clock = std::chrono::steady_clock;

// Flags that keep a headless Chromium quiet and offline: no sandbox (we run as root in CI), no GPU,
// no first-run UI, and nothing that phones home (the report must work offline).
const char* const kBaseFlags[] = {
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
};

}  // namespace

DevToolsPipe::DevToolsPipe(const std::string& chromium,
                           const std::vector<std::string>& extra_flags) {
  char profile_template[] = "/tmp/thmcheck-chromium-XXXXXX";
  if (::mkdtemp(profile_template) == nullptr) {
    error_ = std::string("mkdtemp: ") + std::strerror(errno);
    return;
  }
  profile_ = profile_template;
  int to[2], from[2];
  if (::pipe(to) != 0 || ::pipe(from) != 0) {
    error_ = std::string("pipe: ") + std::strerror(errno);
    return;
  }
  std::vector<std::string> args = {chromium};
  for (const char* flag : kBaseFlags) args.emplace_back(flag);
  args.push_back("--user-data-dir=" + profile_);
  for (const std::string& flag : extra_flags) args.push_back(flag);
  args.emplace_back("about:blank");

  pid_ = ::fork();
  if (pid_ < 0) {
    error_ = std::string("fork: ") + std::strerror(errno);
    return;
  }
  if (pid_ == 0) {  // the child: fds 3 and 4, quiet stdout/stderr, exec
    const int null = ::open("/dev/null", O_WRONLY);
    // dup first to high numbers so that moving them to 3 and 4 never clobbers one another.
    const int in = ::fcntl(to[0], F_DUPFD, 10), out = ::fcntl(from[1], F_DUPFD, 10);
    if (in < 0 || out < 0 || ::dup2(in, 3) < 0 || ::dup2(out, 4) < 0) ::_exit(126);
    if (null >= 0) ::dup2(null, 1), ::dup2(null, 2);
    for (int fd = 5; fd < 1024; ++fd) ::close(fd);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(to[0]);
  ::close(from[1]);
  to_browser_ = to[1];
  from_browser_ = from[0];
  ::signal(SIGPIPE, SIG_IGN);  // a browser that died must give EPIPE, not kill us
}

DevToolsPipe::~DevToolsPipe() {
  if (to_browser_ >= 0) ::close(to_browser_);
  if (from_browser_ >= 0) ::close(from_browser_);
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 50; ++i) {  // up to 5 s, then force
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      ::usleep(100000);
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (!profile_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(profile_, ec);
  }
}

bool DevToolsPipe::Send(const nlohmann::json& message) {
  std::string text = message.dump();
  text.push_back('\0');
  size_t sent = 0;
  while (sent < text.size()) {
    const ssize_t n = ::write(to_browser_, text.data() + sent, text.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = std::string("write to chromium: ") + std::strerror(errno);
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::optional<nlohmann::json> DevToolsPipe::Receive(Clock::time_point deadline) {
  for (;;) {
    const size_t nul = buffer_.find('\0');
    if (nul != std::string::npos) {
      const std::string text = buffer_.substr(0, nul);
      buffer_.erase(0, nul + 1);
      const nlohmann::json message =
          nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (message.is_discarded()) {
        error_ = "chromium sent a message that is not JSON";
        return std::nullopt;
      }
      return message;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd pfd{from_browser_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return std::nullopt;
    char chunk[65536];
    const ssize_t n = ::read(from_browser_, chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = "chromium closed the DevTools pipe (did it start? is it Chromium?)";
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

std::optional<nlohmann::json> DevToolsPipe::Call(const std::string& method,
                                                 const nlohmann::json& params,
                                                 const std::string& session,
                                                 std::chrono::milliseconds timeout) {
  if (!ok()) return std::nullopt;
  const int id = next_id_++;
  nlohmann::json message = {{"id", id}, {"method", method}, {"params", params}};
  if (!session.empty()) message["sessionId"] = session;
  if (!Send(message)) return std::nullopt;
  const Clock::time_point deadline = Clock::now() + timeout;
  while (std::optional<nlohmann::json> m = Receive(deadline)) {
    if (m->contains("id") && (*m)["id"] == id) {
      if (m->contains("error")) {
        error_ = method + ": " + (*m)["error"].dump();
        return std::nullopt;
      }
      return m->value("result", nlohmann::json::object());
    }
    if (m->contains("method") && on_event) {
      on_event((*m)["method"].get<std::string>(), m->value("params", nlohmann::json::object()),
               m->value("sessionId", std::string()));
    }
  }
  if (ok()) error_ = method + ": no response within " + std::to_string(timeout.count()) + " ms";
  return std::nullopt;
}

bool DevToolsPipe::WaitForEvent(const std::string& method, std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (std::optional<nlohmann::json> m = Receive(deadline)) {
    if (!m->contains("method")) continue;
    const std::string name = (*m)["method"].get<std::string>();
    if (on_event) {
      on_event(name, m->value("params", nlohmann::json::object()),
               m->value("sessionId", std::string()));
    }
    if (name == method) return true;
  }
  return false;
}

}  // namespace thmcheck::browser
