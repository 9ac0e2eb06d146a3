// SPDX-License-Identifier: MIT
#include "model/knowledge.h"

#include <stdexcept>

namespace synlint {

std::optional<std::string> KeyInfo::DefaultOn(KernelVersion kernel) const {
  std::optional<std::string> out;
  for (const auto& [since, value] : defaults) {
    if (since <= kernel) out = value;
  }
  return out;
}

std::optional<KeyInfo::DefaultChange> KeyInfo::LastDefaultChange(KernelVersion kernel) const {
  std::optional<DefaultChange> out;
  for (size_t i = 1; i < defaults.size() && defaults[i].first <= kernel; ++i)
    out = DefaultChange{defaults[i].first, defaults[i - 1].second, defaults[i].second};
  return out;
}

bool KeyInfo::ExistsOn(KernelVersion kernel) const {
  if (since && kernel < *since) return false;
  if (removed && kernel >= *removed) return false;
  return true;
}

ChangeState ChangeInfo::StateOn(KernelVersion kernel) const {
  if (kernel >= since) return ChangeState::kPresent;
  const KernelVersion* backport = BackportOn(kernel);
  if (!backport) return ChangeState::kAbsent;
  if (!kernel.patch) return ChangeState::kUnknown;
  return *kernel.patch >= *backport->patch ? ChangeState::kPresent : ChangeState::kAbsent;
}

const KernelVersion* ChangeInfo::BackportOn(KernelVersion kernel) const {
  for (const KernelVersion& b : backports) {
    if (b == kernel) return &b;
  }
  return nullptr;
}

void KnowledgeBase::Add(KeyInfo key) {
  std::string name = key.key;
  keys_.insert_or_assign(std::move(name), std::move(key));
}

void KnowledgeBase::AddChange(ChangeInfo change) {
  const size_t i = static_cast<size_t>(change.change);
  changes_[i] = std::move(change);
}

const ChangeInfo* KnowledgeBase::FindChange(KernelChange change) const {
  const auto& c = changes_[static_cast<size_t>(change)];
  return c ? &*c : nullptr;
}

KernelVersion KnowledgeBase::Since(KernelChange change) const {
  if (const ChangeInfo* c = FindChange(change)) return c->since;
  throw std::logic_error("the knowledge base has no kernel change '" + std::string(KernelChangeName(change)) +
                         "'");
}

const KeyInfo* KnowledgeBase::Find(std::string_view key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

}  // namespace synlint
