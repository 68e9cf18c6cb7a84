#include "aa/config.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <fmt/core.h>
#include <unistd.h>

#include "aa/error.hpp"
#include "aa/toml_text.hpp"
#include "aa/xdg.hpp"

namespace aa {

std::optional<std::filesystem::path> config_file() {
  const auto dir = user_config_dir();
  if (!dir) return std::nullopt;
  return *dir / "aa" / "config.toml";
}

Config parse_config(std::string_view toml_text, std::string_view path) {
  const toml::table root = parse_toml(toml_text, path);
  Config config;
  if (const toml::node* save = root.get("save")) {
    const auto value = save->value<bool>();
    if (!save->is_boolean() || !value) {
      const auto& at = save->source().begin;
      throw Error(Exit::data, fmt::format("{}:{}:{}: 'save' must be true or false", path, at.line, at.column));
    }
    config.save = *value;
  }
  return config;
}

Config read_config(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    // No file (or no directory for it) just means no settings.
    if (errno == ENOENT || errno == ENOTDIR) return Config{};
    throw Error(Exit::io, fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
  }
  std::string text;
  char buffer[8192];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw Error(Exit::io, fmt::format("cannot read {}: {}", file.string(), std::strerror(error)));
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return parse_config(text, file.string());
}

}  // namespace aa
