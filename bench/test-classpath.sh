# Sourced by the benchmarks that run a main from the api-app test classes: picks a JDK 21 or newer (the machine's
# default java may be 17), compiles the tests into api-app/$BUILD_DIR and sets TEST_CLASSPATH.
source .ci/jdk.sh

classpath_file="api-app/$BUILD_DIR/test-classpath.txt"
echo "compiling the api-app tests into api-app/$BUILD_DIR" >&2
./mvnw -B -ntp -q -Dbuild.dir.name="$BUILD_DIR" -pl api-app test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file"
TEST_CLASSPATH="api-app/$BUILD_DIR/test-classes:api-app/$BUILD_DIR/classes:$(cat "$classpath_file")"
