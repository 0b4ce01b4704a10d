#!/usr/bin/env bash
# Builds the app-image (and, on Linux with dpkg-deb, the .deb) and checks that what was built runs:
#   - the launcher prints the version the build recorded;
#   - the launcher's command line reviews a runbook file offline and finds it safe to send (exit 0);
#   - the window starts from the launcher on a lone .json file, as a file manager opens it, and is still running
#     after 15 s (under xvfb-run when there is no display); a screenshot goes to target/package/check-window.png
#     when ImageMagick's import is there; start-up prints no "Unsupported JavaFX configuration" warning (JavaFX is
#     on the module path, linked into the package's runtime);
#   - the .deb installs the launcher, and a desktop entry that takes the opened file (%f) for application/json,
#     and depends on the libraries JavaFX loads at run time (GTK 3, OpenGL, X).
# Too slow for every test run (a minute or two), so it is its own command; the README names it.
#
#   packaging/check-package.sh [MAVEN ARGS...]      e.g. -o to build offline
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

# Internal: check-package.sh --window LAUNCHER FILE runs the window part on the display it is given.
if [[ ${1:-} == --window ]]; then
    "$2" "$3" > target/package/check-window.log 2>&1 &
    pid=$!
    sleep 15
    kill -0 "$pid" 2>/dev/null || { cat target/package/check-window.log; fail "the window exited within 15 s"; }
    # JavaFX is a set of named modules in the package's runtime: loaded from the class path instead, it warns.
    if grep -qi "JavaFX configuration" target/package/check-window.log; then
        cat target/package/check-window.log
        kill "$pid"
        fail "start-up printed a JavaFX configuration warning (JavaFX is not on the module path)"
    fi
    if command -v import > /dev/null; then
        import -window root target/package/check-window.png && echo "screenshot: target/package/check-window.png"
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "ok: the window started on a lone .json file and ran for 15 s, with no JavaFX configuration warning"
    exit 0
fi

packaging/package.sh app-image "$@"
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
launcher=target/package/rollback-console/bin/rollback-console
[[ -x $launcher ]] || fail "no launcher at $launcher"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printed=$("$launcher" --version)
[[ $printed == "rollback-console $version" ]] || fail "--version printed '$printed', expected 'rollback-console $version'"
echo "ok: $launcher --version -> $printed"

cat > "$work/affected-records.json" <<'JSON'
[
  {
    "person_uuid" : "782a5cbe-5a10-4694-a046-0be9e82f0591",
    "source_system" : "COMMON_PLATFORM",
    "source_system_id" : "6d6fa987-c680-4f18-ba58-ec507463a75c"
  },
  {
    "person_uuid" : null,
    "source_system" : "NOMIS",
    "source_system_id" : "A1234BC"
  }
]
JSON
"$launcher" validate "$work/affected-records.json" > "$work/validate.out" \
    || { cat "$work/validate.out"; fail "validate of a good file did not exit 0"; }
grep -q "^Records: 2 " "$work/validate.out" && grep -qx "Safe to send: yes" "$work/validate.out" \
    || { cat "$work/validate.out"; fail "validate did not find 2 records safe to send"; }
echo "ok: $launcher validate FILE -> exit 0, 2 records"

# The window, opened on a file as a desktop file association opens it.
if [[ -n ${DISPLAY:-} ]]; then
    packaging/check-package.sh --window "$launcher" "$work/affected-records.json"
elif command -v xvfb-run > /dev/null; then
    xvfb-run -a -s "-screen 0 1280x860x24" packaging/check-package.sh --window "$launcher" "$work/affected-records.json"
else
    echo "skipped: the window (no display and no xvfb-run)"
fi

if [[ $(uname -s) == Linux* ]] && command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
    packaging/package.sh deb "$@"
    deb=$(ls target/package/rollback-console_*.deb)
    dpkg-deb -c "$deb" > "$work/deb-contents"
    grep -q '\./opt/rollback-console/bin/rollback-console$' "$work/deb-contents" || fail "the .deb has no launcher"
    dpkg-deb -x "$deb" "$work/deb"
    entry=$(cat "$work"/deb/opt/rollback-console/lib/*.desktop)
    grep -qx 'Exec=/opt/rollback-console/bin/rollback-console %f' <<< "$entry" \
        || fail "the desktop entry does not pass the opened file: $entry"
    grep -q '^MimeType=application/json' <<< "$entry" || fail "the desktop entry is not offered for .json files"
    grep -qx 'Name=Rollback Console' <<< "$entry" || fail "the desktop entry is not named Rollback Console"
    echo "ok: $deb has the launcher and a desktop entry for .json files"
    depends=$(dpkg-deb -f "$deb" Depends)
    for lib in "libgtk-3-0 | libgtk-3-0t64" libgl1 libxtst6 libxxf86vm1; do
        grep -qF "$lib" <<< "$depends" || fail "the .deb does not depend on $lib (JavaFX loads it): Depends: $depends"
    done
    echo "ok: $deb depends on what JavaFX loads: $depends"
else
    echo "skipped: the .deb (needs Linux, dpkg-deb and fakeroot)"
fi
echo "check-package: all checks passed"
