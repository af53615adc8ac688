package io.aicodecraft.operator;

import io.aicodecraft.operator.crd.SpecFormats;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    /** Surefire runs tests in the module directory; the examples sit beside the modules. */
    private static final Path EXAMPLES = Path.of("..", "k8s", "examples");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"minimal.yaml", "autoscaled.yaml", "external-database.yaml"})
    void theExamplesRenderToKubernetesObjects(String example) {
        Result result = render(EXAMPLES.resolve(example));

        assertThat(result.code).as(result.err).isEqualTo(RenderCommand.RENDERED);
        assertThat(result.err).isEmpty();
        assertThat(objects(result.out)).extracting(HasMetadata::getKind).contains("ConfigMap", "Job", "Deployment", "Service");
    }

    @Test
    void theAutoscaledExampleSizesPostgresForMaxReplicas() {
        Result result = render(EXAMPLES.resolve("autoscaled.yaml"));

        assertThat(result.out).contains("max_connections=110").contains("\"--maxclients\"\n        - \"426\"");
        assertThat(objects(result.out)).extracting(HasMetadata::getKind).contains("HorizontalPodAutoscaler");
    }

    @Test
    void aTooSmallMaxConnectionsRendersWhatTheOperatorWouldCreateSaysWhyAndExitsWithThree() {
        Result result = render(EXAMPLES.resolve("too-small-max-connections.yaml"));

        assertThat(result.code).isEqualTo(RenderCommand.POOLS_DO_NOT_FIT);
        assertThat(result.err).contains("PoolsConfigured=False").contains("maxConnections is 40").contains("need 65");
        assertThat(result.out).contains("max_connections=40");
        // what the reconciler holds back (the API's configuration, its Jobs and Deployment), render does not print
        assertThat(objects(result.out)).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .doesNotContain("ConfigMap/team-c-api-config", "Deployment/team-c-api")
                .noneMatch(object -> object.startsWith("Job/"))
                .contains("Deployment/team-c-redis");
    }

    @Test
    void secretsHoldPlaceholdersAndTheOutputSaysSo() {
        Set<String> names = Set.of(StackNames.POSTGRES_USERNAME_KEY, StackNames.POSTGRES_DATABASE_KEY);
        Result result = render(EXAMPLES.resolve("minimal.yaml"));

        assertThat(result.out).contains("# Secret values are placeholders");
        List<String> values = objects(result.out).stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .flatMap(secret -> secret.getData().entrySet().stream())
                // names, not secrets: the owner and login roles and the database
                .filter(entry -> !names.contains(entry.getKey()))
                .map(entry -> new String(Base64.getDecoder().decode(entry.getValue()), StandardCharsets.UTF_8))
                .toList();
        assertThat(values).isNotEmpty().allMatch(value -> value.startsWith("placeholder-"));
    }

    @Test
    void renderingTwiceGivesTheSameOutput() {
        assertThat(render(EXAMPLES.resolve("autoscaled.yaml")).out).isEqualTo(render(EXAMPLES.resolve("autoscaled.yaml")).out);
    }

    @Test
    void malformedYamlIsAnErrorOnStderr() throws IOException {
        Result result = render(write("spec: {api: [\n"));

        assertThat(result.code).isEqualTo(RenderCommand.INVALID);
        assertThat(result.out).isEmpty();
        assertThat(result.err).contains("is not a valid AICodeCraftStack").contains("not valid YAML");
    }

    @Test
    void anotherKindIsAnError() throws IOException {
        Result result = render(write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));

        assertThat(result.code).isEqualTo(RenderCommand.INVALID);
        assertThat(result.err).contains("kind 'ConfigMap'");
    }

    @Test
    void invalidValuesAreListedOneALine() throws IOException {
        Result result = render(write("""
                apiVersion: aicodecraft.io/v1alpha1
                kind: AICodeCraftStack
                metadata: {name: team-a}
                spec:
                  api: {replicas: 0, colour: blue}
                  postgres: {managed: {}}
                  redis: {managed: {maxMemory: plenty}}
                """));

        assertThat(result.code).isEqualTo(RenderCommand.INVALID);
        assertThat(result.out).isEmpty();
        assertThat(result.err.lines().filter(line -> line.startsWith("  - ")))
                .containsExactlyInAnyOrder(
                        "  - spec.api.image: required",
                        "  - spec.api.replicas: must be at least 1, was 0",
                        "  - spec.api.colour: unknown field",
                        "  - spec.redis.managed.maxMemory: 'plenty' does not match " + SpecFormats.QUANTITY);
    }

    @Test
    void aMissingFileIsAnError() {
        Result result = render(dir.resolve("absent.yaml"));

        assertThat(result.code).isEqualTo(RenderCommand.INVALID);
        assertThat(result.err).contains("cannot read");
    }

    @Test
    void wrongUsageShowsTheUsage() {
        Result result = run(List.of("stack.yaml"));

        assertThat(result.code).isEqualTo(RenderCommand.USAGE);
        assertThat(result.err).contains("usage: render -f stack.yaml");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("stack.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Result render(Path file) {
        return run(List.of("-f", file.toString()));
    }

    private static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RenderCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<HasMetadata> objects(String multiDocumentYaml) {
        return Serialization.unmarshal(new ByteArrayInputStream(multiDocumentYaml.getBytes(StandardCharsets.UTF_8)));
    }

    private record Result(int code, String out, String err) {
    }
}
