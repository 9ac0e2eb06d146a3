#include "model/knowledge.h"


namespace synlint {

std::optional<std::string> KeyInfo::DefaultOn(KernelVersion kernel) const {
  std::optional<std::string> out;
  for (const auto& [since, value] : defaults) {
    if (since <= kernel) out = value;
  }
  return out;
}

bool KeyInfo::ExistsOn(KernelVersion kernel) const {
  if (since && kernel < *since) return false;
  if (removed && kernel >= *removed) return false;
  return true;
}

void KnowledgeBase::Add(KeyInfo key) {
  std::string name = key.key;
  keys_.insert_or_assign(std::move(name), std::move(key));
}

const KeyInfo* KnowledgeBase::Find(std::string_view key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

}  // namespace synlint
