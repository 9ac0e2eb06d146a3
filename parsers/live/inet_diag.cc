// SPDX-License-Identifier: MIT
#include "parsers/live/inet_diag.h"

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>

namespace synlint::live {

namespace {

struct ParseState {
  std::vector<InetSocket>* out;
  std::string* err;
};

int OnMessage(const struct nlmsghdr* nlh, void* data) {
  auto* st = static_cast<ParseState*>(data);
  if (mnl_nlmsg_get_payload_len(nlh) < sizeof(struct inet_diag_msg)) {
    *st->err = "sock_diag: reply of " + std::to_string(nlh->nlmsg_len) + " bytes is too short";
    errno = EBADMSG;
    return MNL_CB_ERROR;
  }
  const auto* m = static_cast<const struct inet_diag_msg*>(mnl_nlmsg_get_payload(nlh));
  InetSocket s;
  s.family = m->idiag_family;
  s.state = m->idiag_state;
  char text[INET6_ADDRSTRLEN] = {};
  if ((s.family != AF_INET && s.family != AF_INET6) ||
      !inet_ntop(s.family, m->id.idiag_src, text, sizeof text)) {
    *st->err = "sock_diag: reply with address family " + std::to_string(s.family);
    errno = EBADMSG;
    return MNL_CB_ERROR;
  }
  s.address = text;
  s.port = ntohs(m->id.idiag_sport);
  s.rqueue = m->idiag_rqueue;
  s.wqueue = m->idiag_wqueue;
  s.inode = m->idiag_inode;
  st->out->push_back(std::move(s));
  return MNL_CB_OK;
}

}  // namespace

ReplyStatus ParseInetDiagReply(const void* buf, size_t len, uint32_t seq, uint32_t portid,
                               std::vector<InetSocket>* out, std::string* err) {
  ParseState st{out, err};
  err->clear();
  // libmnl stops quietly at bytes that do not make a whole message; a
  // datagram is whole messages, so anything left over is a broken reply.
  int left = static_cast<int>(len);
  for (auto* nlh = static_cast<const struct nlmsghdr*>(buf); mnl_nlmsg_ok(nlh, left);
       nlh = mnl_nlmsg_next(nlh, &left)) {
  }
  if (left > 0) {
    *err = "sock_diag: truncated reply (" + std::to_string(left) + " bytes are no whole message)";
    return ReplyStatus::kError;
  }
  errno = 0;
  const int rc = mnl_cb_run(buf, len, seq, portid, OnMessage, &st);
  if (rc == MNL_CB_STOP) return ReplyStatus::kDone;
  if (rc == MNL_CB_OK) return ReplyStatus::kMore;
  if (err->empty()) {
    // An NLMSG_ERROR from the kernel (errno is its error) or a message
    // libmnl found malformed.
    const int e = errno;
    *err = std::string("sock_diag: ") + (e ? std::strerror(e) : "malformed reply");
    if (e == ENOENT || e == EINVAL)
      *err += " (is the tcp_diag module available? 'modprobe tcp_diag')";
  }
  return ReplyStatus::kError;
}

bool DumpTcpSockets(int family, uint32_t states, std::vector<InetSocket>* out, std::string* err,
                    std::vector<std::string>* raw) {
  std::unique_ptr<struct mnl_socket, int (*)(struct mnl_socket*)> nl(mnl_socket_open(NETLINK_SOCK_DIAG),
                                                                     mnl_socket_close);
  if (!nl || mnl_socket_bind(nl.get(), 0, MNL_SOCKET_AUTOPID) < 0) {
    *err = std::string("sock_diag: cannot open a netlink socket: ") + std::strerror(errno);
    return false;
  }
  // Dump replies fill datagrams of up to 32 KiB (what ss reads with); a
  // smaller buffer would truncate them.
  alignas(4) static thread_local char buf[32768];
  struct nlmsghdr* nlh = mnl_nlmsg_put_header(buf);
  nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
  nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  const uint32_t seq = static_cast<uint32_t>(time(nullptr));
  nlh->nlmsg_seq = seq;
  auto* req = static_cast<struct inet_diag_req_v2*>(mnl_nlmsg_put_extra_header(nlh, sizeof(struct inet_diag_req_v2)));
  req->sdiag_family = static_cast<uint8_t>(family);
  req->sdiag_protocol = IPPROTO_TCP;
  req->idiag_states = states;
  if (mnl_socket_sendto(nl.get(), nlh, nlh->nlmsg_len) < 0) {
    *err = std::string("sock_diag: cannot send the request: ") + std::strerror(errno);
    return false;
  }
  const uint32_t portid = mnl_socket_get_portid(nl.get());
  while (true) {
    const ssize_t n = mnl_socket_recvfrom(nl.get(), buf, sizeof buf);
    if (n <= 0) {
      *err = std::string("sock_diag: cannot read the reply: ") + (n < 0 ? std::strerror(errno) : "end of file");
      return false;
    }
    if (raw) raw->emplace_back(buf, static_cast<size_t>(n));
    switch (ParseInetDiagReply(buf, static_cast<size_t>(n), seq, portid, out, err)) {
      case ReplyStatus::kDone: return true;
      case ReplyStatus::kError: return false;
      case ReplyStatus::kMore: break;
    }
  }
}

}  // namespace synlint::live
