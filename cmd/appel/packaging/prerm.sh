#!/bin/sh
# prerm of appel: stop the service on removal (not on upgrade: postinst
# restarts it). The school's data in /var/lib/appel is never removed.
set -e
[ -z "$DPKG_ROOT" ] || exit 0
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
	systemctl stop appel.service || true
fi
