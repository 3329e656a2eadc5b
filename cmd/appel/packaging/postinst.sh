#!/bin/sh
# postinst of appel: the system user appel and its state directory; an
# upgrade restarts a running service (the data stays in /var/lib/appel).
set -e
# Installed under another root (dpkg --root): no user nor service to touch.
[ -z "$DPKG_ROOT" ] || exit 0
if ! getent passwd appel >/dev/null; then
	adduser --system --group --home /var/lib/appel --no-create-home --shell /usr/sbin/nologin appel >/dev/null
fi
install -d -o appel -g appel -m 0700 /var/lib/appel
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload || true
	# An upgrade ($2: the version replaced) restarts the service if it ran.
	if [ -n "$2" ]; then
		systemctl try-restart appel.service || true
	fi
fi
