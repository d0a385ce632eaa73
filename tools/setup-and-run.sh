#!/usr/bin/env bash
# Installs what is missing (Debian 12, as root), builds, creates the small demo shop in SQLite
# (once) and starts MerchantDesk on it. Without a desktop session it runs under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_missing_packages
build

DEMO=${MERCHANTDESK_DEMO_DB:-$ROOT/demo-shop.sqlite}
if [ ! -s "$DEMO" ]; then
    echo "== Creating the demo shop in $DEMO"
    "$BUILD/app/cli/merchantdesk-cli" --db "$DEMO" init --demo
fi

echo "== Starting MerchantDesk on $DEMO"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$BUILD/app/gui/merchantdesk" --db "$DEMO"
fi
echo "No desktop session (DISPLAY is not set): running under Xvfb."
exec xvfb-run -a -s "-screen 0 1280x800x24" "$BUILD/app/gui/merchantdesk" --db "$DEMO"
