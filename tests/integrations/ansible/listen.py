#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Holds listening TCP sockets on 127.0.0.1 for the fleet test, in the network
# namespace it is started in:  listen.py READY_FILE PORT:BACKLOG...
# Touches READY_FILE once every socket listens, then sleeps until killed or
# for at most 600 seconds (so a test that dies cannot leave it behind long).
import socket
import sys
import time

socks = []
for spec in sys.argv[2:]:
    port, backlog = (int(x) for x in spec.split(":"))
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(backlog)
    socks.append(s)
with open(sys.argv[1], "w") as ready:
    ready.write("ready\n")
time.sleep(600)
