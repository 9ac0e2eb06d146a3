// SPDX-License-Identifier: MIT
// Hosts in memory for the tune tests.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/file_system.h"
#include "linter/tune/load_spec.h"
#include "model/host.h"

namespace synlint::tune {

/// A MemoryFileSystem and the host loaded from it (the host refers to it).
struct TestHost {
  MemoryFileSystem fs;
  HostOptions options;
  std::unique_ptr<Host> host;

  TestHost& File(const std::string& path, const std::string& text) {
    fs.AddFile(path, text);
    return *this;
  }
  /// Loads with `--kernel kernel` (and `--systemd-version` when given).
  const Host& Load(const std::string& kernel, std::optional<int> systemd = std::nullopt) {
    options.kernel = KernelVersion::Parse(kernel);
    options.systemd_version = systemd;
    host = LoadHost(fs, options);
    return *host;
  }
};

/// The same load on every port.
inline LoadSpec Everywhere(int64_t rate, int64_t delay_ms, int64_t headroom_milli = 2000) {
  LoadSpec spec;
  spec.global = {rate, delay_ms, Headroom{headroom_milli}};
  return spec;
}

inline constexpr const char* kNginxPort80 = "events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\n";

}  // namespace synlint::tune
