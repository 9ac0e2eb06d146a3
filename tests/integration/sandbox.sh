#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs a real server's configuration check (nginx -t, apache2ctl -t) against an
# /etc-shaped tree as if the tree were the machine's /etc, without touching the
# machine and without any network:
#   - a private mount namespace (nothing mounted here is seen outside it) and
#     an empty network namespace (nginx -t binds its listen sockets: they land
#     there, on no interface, and no packet can leave);
#   - /usr is an overlay of SERVERS/usr (Debian's nginx and Apache packages
#     unpacked by tools/install_servers.sh) on the machine's /usr, so the
#     binaries, Apache's modules and their libraries sit at their real paths;
#   - /etc is an overlay of ROOT/etc on the machine's /etc (users such as
#     www-data still resolve), and each directory of ROOT/etc is bind-mounted
#     over its /etc counterpart, so /etc/nginx and /etc/apache2 hold exactly the
#     tree's files, never a mix with the machine's;
#   - /run and /var are empty tmpfs holding what the packages would create
#     (nginx -t creates its temp paths under /var/lib/nginx and opens its logs;
#     apache2ctl creates its run and lock directories; Apache checks that a
#     DocumentRoot under /var/www exists).
# So the configurations keep Debian's absolute paths (include
# /etc/nginx/sites-enabled/*, LoadModule /usr/lib/apache2/modules/...) and the
# tools run with their compiled-in defaults, exactly as an administrator would.
#
# Usage: sandbox.sh ROOT SERVERS COMMAND [ARG...]   (as root)
set -eu

if [ $# -lt 3 ]; then
  echo "usage: $0 ROOT SERVERS COMMAND [ARG...]" >&2
  exit 2
fi
if [ "${SYNLINT_SANDBOXED:-}" != 1 ]; then
  exec env SYNLINT_SANDBOXED=1 unshare --mount --net --fork --propagation private sh "$0" "$@"
fi

root=$(cd "$1" && pwd)
servers=$(cd "$2" && pwd)
shift 2

mount -t overlay synlint-usr -o "lowerdir=$servers/usr:/usr" /usr
mount -t overlay synlint-etc -o "lowerdir=$root/etc:/etc" /etc
for dir in "$root"/etc/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  mount --bind "$root/etc/$name" "/etc/$name"
done
mount -t tmpfs -o mode=755 synlint-run /run
mount -t tmpfs -o mode=755 synlint-var /var
mkdir -p /run/lock /var/lib/nginx /var/log/nginx /var/log/apache2 /var/cache /var/tmp /var/www/html
chmod 1777 /var/tmp
ln -s /run /var/run
ln -s /run/lock /var/lock
exec "$@"
