// SPDX-License-Identifier: MIT
// KnowledgeBase::Builtin: the tables knowledge_codegen generated from
// model/knowledge/*.yaml at build time.
#include "model/knowledge.h"

namespace synlint {

/// Defined in the generated knowledge_tables.cc.
void AddBuiltinKnowledge(KnowledgeBase* kb);

const KnowledgeBase& KnowledgeBase::Builtin() {
  static const KnowledgeBase* kb = [] {
    auto* k = new KnowledgeBase;
    AddBuiltinKnowledge(k);
    return k;
  }();
  return *kb;
}

}  // namespace synlint
