#!/usr/bin/env bash
# Fails when the build or the tests use anything that tools/debian-packages.txt does not bring
# in: a package installed by hand hides a missing install step on a fresh machine.
#
# 1. Every absolute path CMakeCache.txt records (package-config folders, libraries, include
#    folders, programs) and every program and plugin the tests start is mapped to the Debian
#    package that owns it (dpkg -S).
# 2. Each such package must be in the Depends/PreDepends closure of the list, as apt-get install
#    --no-install-recommends installs it. For a folder several packages share (/usr/include), one
#    owner in the closure is enough.
#
# Usage: tools/check-packages.sh BUILD_DIR
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:?usage: check-packages.sh BUILD_DIR}
CACHE="$BUILD/CMakeCache.txt"
[ -f "$CACHE" ] || { echo "check-packages: no $CACHE: configure first" >&2; exit 2; }

# Programs the tests and CI start by name. Add one here when a test starts a new program
# (python3 -m aiosmtpd: add python3-aiosmtpd's module file once a test uses it).
PROGRAMS="pg_ctlcluster psql xvfb-run Xvfb xauth trayer clang clang++ cpack ctest cmake ninja
    sqlite3 dpkg-deb file clang-format git"
# Files the tests load at run time that no link line records: Qt's plugins.
QT_PLUGINS=/usr/lib/x86_64-linux-gnu/qt6/plugins
PLUGINS="$QT_PLUGINS/sqldrivers/libqsqlite.so $QT_PLUGINS/sqldrivers/libqsqlpsql.so
    $QT_PLUGINS/platforms/libqoffscreen.so $QT_PLUGINS/platforms/libqxcb.so"

wanted=$(grep -v '^#' "$ROOT/tools/debian-packages.txt" | grep -v '^[[:space:]]*$')
# The closure: apt-cache prints each package of the recursion on an unindented line.
# shellcheck disable=SC2086
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances $wanted \
    | grep -v '^ ' | sed 's/[<>]//g; s/:.*$//' >"$BUILD/package-closure.txt"
# Essential packages (coreutils, dpkg, ...) are on every Debian system without being asked for.
dpkg-query -W -f='${Package} ${Essential}\n' | awk '$2 == "yes" { print $1 }' \
    >>"$BUILD/package-closure.txt"
sort -u -o "$BUILD/package-closure.txt" "$BUILD/package-closure.txt"

# What the build and the tests use: "what<TAB>path".
uses="$BUILD/package-uses.txt"
: >"$uses"
grep -E '^[A-Za-z0-9_]+:(PATH|FILEPATH|STRING|INTERNAL)=/' "$CACHE" \
    | grep -Ev '^(CMAKE_INSTALL_PREFIX|CMAKE_INSTALL_OLDINCLUDEDIR|_GNUInstallDirs_LAST_CMAKE_INSTALL_PREFIX|CMAKE_HOME_DIRECTORY|CMAKE_CACHEFILE_DIR|MERCHANTDESK_[A-Z_]+|[A-Za-z0-9_]+_BINARY_DIR|[A-Za-z0-9_]+_SOURCE_DIR):' \
    | while IFS= read -r line; do
        name=${line%%:*}
        value=${line#*=}
        # A value may be a list, or a command with arguments (MAKECOMMAND).
        for path in ${value//;/ }; do
            case $path in
            "$ROOT"/* | "$BUILD"/*) ;; # the project's own files
            /*)
                [ -e "$path" ] || continue
                # Find modules record optional libraries they found but nobody links
                # (FindOpenGL's EGL and GLU): a library counts when a link line names it.
                if [[ $name == *_LIBRARY* ]] && [ -f "$path" ] \
                    && ! grep -qF "$path" "$BUILD/build.ninja"; then
                    echo "check-packages: $name = $path is recorded but not linked; not counted" >&2
                    continue
                fi
                # A package-config folder may be shared (qt6-base-dev ships a file into
                # cmake/Qt6OpenGL): what find_package read is the Config file inside it.
                if [[ $name == *_DIR ]] && [ -d "$path" ]; then
                    base=${name%_DIR}
                    for config in "$path/${base}Config.cmake" "$path/${base,,}-config.cmake"; do
                        [ -f "$config" ] && { path=$config; break; }
                    done
                fi
                printf '%s\t%s\n' "$name" "$path"
                ;;
            esac
        done
    done >>"$uses"
for program in $PROGRAMS; do
    path=$(command -v "$program" || true)
    if [ -z "$path" ]; then
        # pg_ctlcluster lives outside PATH for non-root users on some set-ups
        echo "check-packages: the tests start $program, but it is not installed" >&2
        exit 1
    fi
    printf 'program %s\t%s\n' "$program" "$path" >>"$uses"
done
for plugin in $PLUGINS; do
    [ -e "$plugin" ] || { echo "check-packages: the tests load $plugin, which is missing" >&2; exit 1; }
    printf 'Qt plugin\t%s\n' "$plugin" >>"$uses"
done

# Map each path to its owners. A path may be registered under /usr or not (merged /usr), and a
# program may be an alternatives symlink: try the path, then what it resolves to.
owners_of() {
    local path=$1 candidate out
    for candidate in "$path" "$(readlink -f "$path")" "${path#/usr}" "$(readlink -f "$path" | sed 's|^/usr||')"; do
        [ -n "$candidate" ] || continue
        out=$(dpkg-query -S "$candidate" 2>/dev/null | grep -F ": $candidate" | sed 's/: .*$//' \
            | tr ',' '\n' | sed 's/^ *//; s/:.*$//' | grep -v '^diversion by' | sort -u) || true
        if [ -n "$out" ]; then
            echo "$out"
            return
        fi
    done
}

failures=0
checked=0
while IFS=$'\t' read -r what path; do
    checked=$((checked + 1))
    owners=$(owners_of "$path")
    if [ -z "$owners" ]; then
        echo "check-packages: $what = $path belongs to no Debian package (installed by hand?)" >&2
        failures=$((failures + 1))
        continue
    fi
    if ! grep -qxF -f <(echo "$owners") "$BUILD/package-closure.txt"; then
        echo "check-packages: $what = $path comes from $(echo "$owners" | paste -sd' ') which" \
            "tools/debian-packages.txt does not bring in" >&2
        failures=$((failures + 1))
    fi
done <"$uses"

if [ "$failures" -gt 0 ]; then
    echo "check-packages: $failures of $checked things the build and tests use are not covered" \
        "by tools/debian-packages.txt: add the package(s) named above" >&2
    exit 1
fi
echo "check-packages: all $checked paths the build and tests use come from" \
    "$(wc -l <"$BUILD/package-closure.txt") packages in the closure of tools/debian-packages.txt"
