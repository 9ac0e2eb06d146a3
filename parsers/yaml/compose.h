// SPDX-License-Identifier: MIT
// What a Compose file (compose.yaml, docker-compose.yml) says about its
// services' network namespaces: `sysctls:` as a list ("key=value") or a
// mapping, `network_mode: host`, and the files a service mounts from the
// repository (bind volumes, short and long syntax, and `configs:` with a
// `file:`), by their place in the container.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/yaml/kubernetes.h"
#include "parsers/yaml/yaml_file.h"

namespace synlint::yaml {

struct ComposeSysctl {
  std::string key;
  std::string value;
  Span key_span;
  Span value_span;
  bool quoted = false;  // the value (map form) or the whole entry (list form) is quoted
};

struct ComposeMount {
  std::string source;  // as written, relative to the Compose file's directory
  std::string target;  // in the container
};

struct ComposeService {
  std::string name;
  Span at;  // the service's key
  std::string image;
  bool host_network = false;
  bool sysctls_as_map = false;
  std::vector<ComposeSysctl> sysctls;
  std::optional<Insertion> add_sysctl;  // open: "" (list item or map entry), or "sysctls"
  std::vector<ComposeMount> mounts;
};

struct ComposeFile {
  std::vector<ComposeService> services;
  std::vector<SyntaxError> errors;
};

/// Whether the documents look like a Compose file (a `services` mapping).
bool LooksLikeCompose(const std::vector<YAML::Node>& docs);

void ExtractCompose(std::string_view text, const std::vector<YAML::Node>& docs, ComposeFile* out);

}  // namespace synlint::yaml
