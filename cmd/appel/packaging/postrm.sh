#!/bin/sh
# postrm of appel: forget the unit. /var/lib/appel (the db, its backups)
# stays, even on purge: a school's year is not a package's to delete.
set -e
[ -z "$DPKG_ROOT" ] || exit 0
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload || true
fi
