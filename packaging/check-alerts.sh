#!/usr/bin/env bash
# Raises a recluster run's three alerts (COMPLETE, FAILED, DECISION) through the console's real DesktopAlerts on a
# private Linux desktop, and checks that each arrived where a lead on a call would notice it:
#   - a private X server (Xvfb), a D-Bus session bus, a notification daemon (dunst) and a sound server (PulseAudio
#     with a null sink), none shared with the desktop this runs on;
#   - the notification daemon was asked (dbus-monitor on the session bus) for each alert, with its title and urgency:
#     normal for COMPLETE, critical for FAILED and DECISION; and it holds three notifications (dunstctl);
#   - the chime's samples reached the sound server's sink (recorded from its monitor with parec), not silence;
#   - what the platform lacks is said, not hidden: a taskbar or dock attention request (AWT's Taskbar
#     USER_ATTENTION) and a system tray, as AWT finds them on this desktop.
# Tools missing are installed with apt-get when run as root (as in CI and the development machines), else named.
# Evidence goes to target/alerts/: what the app said, the notification calls, the recording, a screenshot.
#
#   packaging/check-alerts.sh [MAVEN ARGS...]      e.g. -o to build offline
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-alerts: FAILED: $*" >&2; exit 1; }

[[ $(uname -s) == Linux* ]] || { echo "check-alerts: Linux only (a private X server, D-Bus and PulseAudio)"; exit 0; }

# The tools, by the Debian package that brings each.
declare -A package=([Xvfb]=xvfb [dbus-daemon]=dbus-daemon [dbus-monitor]=dbus-bin [dbus-send]=dbus-bin
    [dunst]=dunst [dunstctl]=dunst [notify-send]=libnotify-bin [pulseaudio]=pulseaudio [parec]=pulseaudio-utils
    [pactl]=pulseaudio-utils)
missing=()
for tool in "${!package[@]}"; do
    command -v "$tool" > /dev/null || missing+=("${package[$tool]}")
done
# Java Sound plays through ALSA; ALSA reaches PulseAudio through the pulse plugin.
ls /usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so > /dev/null 2>&1 || missing+=(libasound2-plugins)
if (( ${#missing[@]} )); then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
        echo "check-alerts: installing ${missing[*]}"
        apt-get update -q > /dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" > /dev/null
    else
        fail "missing tools; install them with: sudo apt-get install ${missing[*]}"
    fi
fi

mvn -B -q "$@" test-compile

out=target/alerts
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

waitFor() { # SECONDS WHAT COMMAND...: until COMMAND succeeds
    local seconds=$1 what=$2
    shift 2
    for ((i = 0; i < seconds * 10; i++)); do
        "$@" > /dev/null 2>&1 && return 0
        sleep 0.1
    done
    fail "$what did not come up within $seconds s"
}

# A private X server on a display number it picks itself.
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3> "$work/display" > "$out/xvfb.log" 2>&1 &
pids+=($!)
waitFor 20 "Xvfb" test -s "$work/display"
export DISPLAY=":$(head -n1 "$work/display")"

# A private session bus, watched for the notifications sent to it.
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/bus"
dbus-daemon --session --nofork --nopidfile --address="$DBUS_SESSION_BUS_ADDRESS" > "$out/dbus.log" 2>&1 &
pids+=($!)
waitFor 10 "the session bus" test -S "$work/bus"
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications',member='Notify'" \
    > "$out/notifications.log" 2>&1 &
pids+=($!)

# The notification daemon, on that bus and that display.
mkdir -p "$work/home/.config"
dunst > "$out/dunst.log" 2>&1 &
pids+=($!)
waitFor 20 "dunst (the notification daemon)" bash -c "dbus-send --session --print-reply --dest=org.freedesktop.DBus \
    / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q 'boolean true'"

# A private sound server whose only sink records nothing to a speaker: its monitor is recorded.
mkdir -m 700 -p "$work/run" "$work/home"
export XDG_RUNTIME_DIR="$work/run"
export PULSE_SERVER="unix:$work/pulse.sock"
pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no --system=false \
    -L "module-native-protocol-unix auth-anonymous=1 socket=$work/pulse.sock" \
    -L "module-null-sink sink_name=alerts sink_properties=device.description=check-alerts" \
    > "$out/pulseaudio.log" 2>&1 &
pids+=($!)
waitFor 20 "PulseAudio" pactl info
pactl set-default-sink alerts
# ALSA's default device is PulseAudio for the app (a private ALSA configuration in a private home).
printf 'pcm.!default { type pulse }\nctl.!default { type pulse }\n' > "$work/home/.asoundrc"
parec -d alerts.monitor --raw --format=s16le --rate=22050 --channels=1 > "$work/chime.raw" 2> "$out/parec.log" &
recorder=$!
pids+=($recorder)
waitFor 10 "the recording" bash -c '[[ -n $(pactl list short source-outputs) ]]'

# The app's own DesktopAlerts, raising the three kinds one after the other.
HOME="$work/home" java -cp target/classes:target/test-classes \
    uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AlertsCheck > "$out/app.log" 2>&1 \
    || { cat "$out/app.log"; fail "the app's alerts check exited with an error"; }
sed 's/^/  app: /' "$out/app.log"
sleep 1
kill "$recorder"
cp "$work/chime.raw" "$out/chime.raw"
if command -v import > /dev/null; then
    import -window root "$out/desktop.png" && echo "screenshot: $out/desktop.png"
fi

failures=0
# Each notification, as one line: its title and its urgency (0 low, 1 normal, 2 critical).
awk '/^method call/ { if (call) print call; call = "" } { gsub(/[ \t]+/, " "); sub(/^ /, ""); call = call " " $0 } END { if (call) print call }' \
    "$out/notifications.log" > "$work/calls"
for expected in "Recluster run complete:1" "Recluster run failed:2" "Recluster run needs a decision:2"; do
    title=${expected%:*}
    urgency=${expected##*:}
    if grep -F "string \"$title\"" "$work/calls" | grep -q "string \"urgency\" variant byte $urgency"; then
        echo "ok: the notification daemon was asked to show \"$title\" with urgency $urgency"
    else
        echo "check-alerts: no notification \"$title\" with urgency $urgency reached the daemon" >&2
        failures=$((failures + 1))
    fi
done
held=$(dunstctl count displayed 2> /dev/null || echo 0)
waiting=$(dunstctl count waiting 2> /dev/null || echo 0)
history=$(dunstctl count history 2> /dev/null || echo 0)
if (( held + waiting + history >= 3 )); then
    echo "ok: dunst holds them ($held shown, $waiting waiting, $history in its history)"
else
    echo "check-alerts: dunst holds $held shown, $waiting waiting, $history in its history, not 3" >&2
    failures=$((failures + 1))
fi

# The chimes: bursts of samples clearly heard (above 1,000 of 32,767) apart by more than a tenth of a second; one
# chime has about 4,500 such samples, a burst of over 2,000 is counted as a chime heard, against silence and clicks.
heard=$(od -An -v -td2 -w2 "$out/chime.raw" | awk '
    $1 > 1000 || $1 < -1000 { if (NR - last > 2205) { if (n > 2000) bursts++; n = 0 } n++; last = NR }
    END { if (n > 2000) bursts++; print bursts + 0 }')
seconds=$(awk -v b="$(stat -c %s "$out/chime.raw")" 'BEGIN { printf "%.1f", b / 2 / 22050 }')
if (( heard == 3 )); then
    echo "ok: the sound server's sink heard the chime 3 times in $seconds s recorded"
else
    echo "check-alerts: the sound server's sink heard $heard chimes of 3 in $seconds s recorded" >&2
    failures=$((failures + 1))
fi

# What this desktop does not offer, as the app found it.
attention=$(sed -n 's/^attention: //p' "$out/app.log")
tray=$(sed -n 's/^tray: //p' "$out/app.log")
echo "note: taskbar or dock attention request: $attention"
echo "note: system tray: $tray (the notification goes through notify-send on Linux either way)"

(( failures == 0 )) || fail "$failures of the checks above (evidence in $out/)"
echo "check-alerts: all checks passed (evidence in $out/)"
