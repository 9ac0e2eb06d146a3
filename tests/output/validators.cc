// SPDX-License-Identifier: MIT
#include "tests/output/validators.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace synlint {

std::string ValidatorDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SYNLINT_SARIF_VALIDATOR_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(SYNLINT_SOURCE_DIR) + "/build/tools/node");
  candidates.push_back(std::string(SYNLINT_BINARY_DIR) + "/tools/node");
  for (const std::string& dir : candidates) {
    if (std::filesystem::exists(dir + "/sarif-schema-2.1.0.json") &&
        std::filesystem::exists(dir + "/node_modules/ajv-draft-04"))
      return dir;
  }
  return "";
}

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

int RunValidator(const std::string& command, std::string* log) {
  const std::string cmd = command + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) log->append(buf, n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string SchemaPath(const std::string& name) {
  return std::string(SYNLINT_SOURCE_DIR) + "/tests/output/schemas/" + name;
}

}  // namespace synlint
