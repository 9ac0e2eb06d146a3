// SPDX-License-Identifier: MIT
#include "rules/edits/apache_capacity.h"

namespace synlint {

namespace {

const Setting* Limit(const ServiceFacts& s, const std::string& name) {
  auto it = s.limits.find(name);
  return it == s.limits.end() ? nullptr : &it->second;
}

}  // namespace

ApacheCapacity ApacheWorkers(const ServiceFacts& s) {
  ApacheCapacity c;
  c.setting = Limit(s, "MaxRequestWorkers");
  if (!c.setting) c.setting = Limit(s, "MaxClients");
  const Setting* mpm = Limit(s, "mpm");
  if (c.setting && c.setting->value) {
    c.workers = *c.setting->value;
    c.why = "'MaxRequestWorkers " + c.setting->text + "'";
  } else {
    const bool prefork = mpm && mpm->text == "prefork";
    c.workers = prefork ? 256 : 400;
    c.why = prefork ? "the prefork default 256" : "the worker/event default 400 (16 x 25)";
  }
  return c;
}

}  // namespace synlint
