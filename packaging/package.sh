#!/usr/bin/env bash
# Builds the console with jpackage, with its own Java runtime inside, under target/package/.
#
#   packaging/package.sh [TYPE] [MAVEN ARGS...]
#
# TYPE is what jpackage builds on this platform (jpackage cannot cross-build):
#   Linux:   app-image (default), deb, rpm
#   macOS:   app-image, dmg, pkg
#   Windows: app-image, msi, exe   (run from Git Bash; msi and exe need the WiX Toolset on the PATH)
# Maven arguments follow, e.g. -o to build offline. Installers register the console for .json files (the offline
# review) and carry a desktop or start-menu entry; the app-image is the folder you can run in place.
set -euo pipefail
cd "$(dirname "$0")/.."

type=app-image
if [[ $# -gt 0 && $1 != -* ]]; then
    type=$1
    shift
fi

name=rollback-console
main_class=uk.gov.justice.digital.hmpps.rollbackconsole.Main

case "$(uname -s)" in
    Linux*) platform=linux ;;
    Darwin*) platform=mac ;;
    MINGW*|MSYS*|CYGWIN*) platform=windows ;;
    *) echo "package.sh: unknown platform $(uname -s)" >&2; exit 2 ;;
esac
case "$platform:$type" in
    linux:app-image|linux:deb|linux:rpm|mac:app-image|mac:dmg|mac:pkg|windows:app-image|windows:msi|windows:exe) ;;
    *) echo "package.sh: jpackage cannot build '$type' on $platform (see the list at the top of this script)" >&2
       exit 2 ;;
esac

# Stale jars from an earlier build would land on the class path; jpackage refuses an existing image.
rm -rf target/libs "target/package/$name" target/package/*."$type" target/package/jpackage-temp

# Runtime dependencies only: the test libraries stay out. The database binaries for the rehearsal are this
# platform's alone (the pom picks them by OS and architecture), so a package carries one platform's copy.
mvn -B -q "$@" -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory=target/libs

# JavaFX goes into the package's own Java runtime as modules, not on the class path: loaded from the class path,
# JavaFX 21 warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at start-up. Its
# Maven jars come in pairs, an empty one and this platform's (classifier linux, mac, win...): the platform's are
# the modules, given to jlink through jpackage's --module-path; the empty ones are left out.
rm -rf target/javafx-modules
mkdir -p target/javafx-modules
for jar in target/libs/javafx-*.jar; do
    if [[ $(basename "$jar") =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then
        mv "$jar" target/javafx-modules/
    else
        rm "$jar"
    fi
done
[[ -n $(ls target/javafx-modules) ]] || { echo "package.sh: no JavaFX platform jars in target/libs" >&2; exit 1; }
# The runtime's modules, named since --add-modules replaces jpackage's default set: Java SE, the JDK modules that
# libraries or TLS reach at run time (Unsafe, the EC and PKCS#11 providers, charsets, locales, zip file systems,
# JFR), and JavaFX's controls (javafx.graphics and javafx.base come with them).
runtime_modules=java.se,jdk.unsupported,jdk.unsupported.desktop,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets
runtime_modules+=,jdk.localedata,jdk.zipfs,jdk.net,jdk.management,jdk.naming.dns,jdk.security.auth,jdk.security.jgss
runtime_modules+=,jdk.jfr,jdk.xml.dom,jdk.accessibility,jdk.httpserver,jdk.jsobject,javafx.controls

# The jar plugin records the version it built, which spares parsing the pom.
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
main_jar="$name-$version.jar"
cp "target/$main_jar" target/libs/

args=(--type "$type"
      --name "$name"
      --input target/libs
      --main-jar "$main_jar"
      --main-class "$main_class"
      --dest target/package
      --app-version "$version"
      --description "Walks an incident lead through the HMPPS Person Record rollback runbook"
      --vendor "HMPPS Person Record"
      --copyright "MIT licence"
      --java-options '-Xmx1g'
      --module-path target/javafx-modules
      --add-modules "$runtime_modules")

case $platform in
    linux) args+=(--icon icons/rollback-console-256.png) ;;
    mac)
        # macOS wants an .icns; iconutil (part of every macOS) makes one from the PNGs.
        iconset=target/package/jpackage-temp/$name.iconset
        mkdir -p "$iconset"
        for size in 16 32 128 256 512; do
            cp "icons/$name-$size.png" "$iconset/icon_${size}x${size}.png"
        done
        for size in 16 128 256; do
            cp "icons/$name-$((size * 2)).png" "$iconset/icon_${size}x${size}@2x.png"
        done
        iconutil -c icns "$iconset" -o "target/package/jpackage-temp/$name.icns"
        args+=(--icon "target/package/jpackage-temp/$name.icns"
               --mac-package-identifier uk.gov.justice.digital.hmpps.rollbackconsole) ;;
    windows) args+=(--icon icons/rollback-console.ico) ;;
esac

if [[ $type != app-image ]]; then
    args+=(--file-associations packaging/file-associations/json.properties --license-file LICENSE)
fi
case $type in
    # packaging/linux/rollback-console.desktop is jpackage's desktop-entry template with "%f" added, so that
    # the file a file manager opens arrives as the launcher's argument (jpackage's own entry drops it).
    deb|rpm) args+=(--resource-dir packaging/linux --linux-shortcut --linux-menu-group "Development;Utility;" --linux-app-category devel
                    --linux-package-name "$name" --linux-deb-maintainer "hmpps-person-record@digital.justice.gov.uk") ;;&
    # JavaFX loads GTK 3, OpenGL and the X libraries at run time from the native code inside its jars, so jpackage
    # cannot see them; without them a fresh desktop gets "Unable to load glass GTK library". Debian 13 and Ubuntu
    # 24.04 renamed GTK's package for the 64-bit time change, hence the alternatives.
    deb) args+=(--linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1") ;;
    rpm) args+=(--linux-package-deps "gtk3, mesa-libGL, libXtst, libXxf86vm") ;;
    msi|exe) args+=(--win-menu --win-menu-group "Rollback Console" --win-shortcut --win-dir-chooser
                    # Fixed, so that a newer installer replaces an older one instead of installing beside it.
                    --win-upgrade-uuid 6f1d3c52-5a4e-4b8e-9a43-2d0f6b7f3c11) ;;
esac

# The application and its libraries go on the class path; JavaFX is in the runtime. JavaFX's jars carry a platform
# classifier, so a package runs on the platform it was built on.
jpackage "${args[@]}"

if [[ $type == app-image ]]; then
    launcher=target/package/$name/bin/$name
    [[ $platform == mac ]] && launcher=target/package/$name.app/Contents/MacOS/$name
    [[ $platform == windows ]] && launcher=target/package/$name/$name.exe
    echo "App image: $PWD/target/package (run $PWD/$launcher)"
else
    echo "Installer: $(ls "$PWD"/target/package/*."$type")"
fi
