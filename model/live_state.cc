#include "model/live_state.h"

namespace synlint {

std::string LiveListener::Endpoint() const {
  if (address.find(':') != std::string::npos) return "[" + address + "]:" + std::to_string(port);
  return address + ":" + std::to_string(port);
}

}  // namespace synlint
