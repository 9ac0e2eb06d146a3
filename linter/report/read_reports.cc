// SPDX-License-Identifier: MIT
#include "linter/report/read_reports.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace synlint {

namespace {

namespace fs = std::filesystem;

bool ReadWhole(const std::string& path, std::string* text, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) {
    *err = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  *text = std::move(s).str();
  return true;
}

std::string HostOf(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) name.resize(name.size() - 5);
  return name;
}

}  // namespace

bool ReadReports(const std::vector<std::string>& inputs, const std::vector<std::string>& expected,
                 std::vector<HostReport>* out, std::string* err) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (fs::directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && it->is_regular_file(ec))
          found.push_back(it->path().string());
      }
      if (ec) {
        *err = input + ": cannot list: " + ec.message();
        return false;
      }
      if (found.empty()) {
        *err = input + ": no *.json report in this directory";
        return false;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  std::unordered_map<std::string, std::string> seen;  // host -> file
  out->reserve(files.size() + expected.size());
  std::string text;
  for (const std::string& file : files) {
    const std::string host = HostOf(file);
    if (auto [it, added] = seen.try_emplace(host, file); !added) {
      *err = file + ": a second report for host '" + host + "' (the first is " + it->second + ")";
      return false;
    }
    if (!ReadWhole(file, &text, err)) return false;
    out->emplace_back();
    if (!ReadHostReport(text, file, host, &out->back(), err)) return false;
  }
  for (const std::string& host : expected) {
    if (seen.count(host)) continue;
    seen.emplace(host, "");
    HostReport missing;
    missing.host = host;
    missing.status = HostStatus::kMissing;
    missing.error = "no report file";
    out->push_back(std::move(missing));
  }
  return true;
}

bool ReadHostList(const std::string& path, std::vector<std::string>* out, std::string* err) {
  std::string text;
  if (!ReadWhole(path, &text, err)) return false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    const size_t e = line.find_last_not_of(" \t\r");
    out->push_back(line.substr(b, e - b + 1));
  }
  return true;
}

}  // namespace synlint
