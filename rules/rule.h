// SPDX-License-Identifier: MIT
// The rule interface: a rule is metadata plus a pure function Host -> findings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/rule_meta.h"
#include "model/host.h"
#include "model/listen_model.h"

namespace synlint {

class RuleContext {
 public:
  RuleContext(const Host& host, const FixOptions& fix_options, std::vector<Finding>* out)
      : host_(host), fix_options_(fix_options), out_(out) {}
  const Host& host() const { return host_; }
  const FixOptions& fix_options() const { return fix_options_; }
  /// ListenerViews(host()), computed once for all the rules of a run.
  const std::vector<ListenerView>& listener_views() {
    if (!views_) views_ = ListenerViews(host_);
    return *views_;
  }

  /// Records a finding of the current rule; severity defaults to the rule's.
  void Report(Finding f, std::optional<Severity> severity = std::nullopt) {
    f.rule = std::string(meta_->id);
    f.severity = severity.value_or(meta_->severity);
    out_->push_back(std::move(f));
  }
  void set_rule(const RuleMeta* meta) { meta_ = meta; }

 private:
  const Host& host_;
  const FixOptions& fix_options_;
  std::vector<Finding>* out_;
  const RuleMeta* meta_ = nullptr;
  std::optional<std::vector<ListenerView>> views_;
};

struct Rule {
  const RuleMeta* meta;
  void (*check)(RuleContext& ctx);
};

}  // namespace synlint
