// The derivation behind one listener's queues (filled in by the host model).
#include <iostream>

#include "linter/cli/options.h"

namespace synlint::cli {

int ExplainPort(const HostArgs& host_args, const std::string& target) {
  HostOptions options;
  std::string err;
  if (!host_args.ToHostOptions(&options, &err)) return Fail(err);
  auto fs = host_args.OpenRoot(&err);
  if (!fs) return Fail(err);
  auto host = LoadHost(*fs, options);
  size_t shown = 0;
  for (const ServiceFacts& s : host->services) {
    for (const Listener& l : s.listeners) {
      const std::string port = std::to_string(l.port);
      if (target != port && target != l.address_text && target != l.host + ":" + port) continue;
      ++shown;
      std::cout << s.service << " " << l.address_text << "\n";
    }
  }
  if (shown == 0) return Fail("no listener on '" + target + "' under --root " + host_args.root);
  return kExitClean;
}

}  // namespace synlint::cli
