#!/usr/bin/env bash
# Builds a self-contained Linux app-image (bundled runtime) under target/package/rollback-console.
# Arguments go to Maven, e.g. -o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

name=rollback-console
main_class=uk.gov.justice.digital.hmpps.rollbackconsole.Main

# Stale jars from an earlier build would land on the class path; jpackage refuses an existing image.
rm -rf target/libs "target/package/$name"

mvn -B -q "$@" -DskipTests package dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory=target/libs

# The jar plugin records the version it built, which spares parsing the pom.
version=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
main_jar="$name-$version.jar"
cp "target/$main_jar" target/libs/

# Everything, JavaFX included, goes on the class path. JavaFX's Maven jars carry a platform classifier, so
# this image runs on Linux only, and JavaFX 21 warns "Unsupported JavaFX configuration: classes were loaded
# from 'unnamed module'" at start-up; it works, and moving JavaFX to the module path will silence it.
jpackage --type app-image \
    --name "$name" \
    --input target/libs \
    --main-jar "$main_jar" \
    --main-class "$main_class" \
    --icon icons/rollback-console-256.png \
    --dest target/package \
    --app-version "$version" \
    --java-options '-Xmx1g'

echo "App image: $PWD/target/package/$name (run $PWD/target/package/$name/bin/$name)"
