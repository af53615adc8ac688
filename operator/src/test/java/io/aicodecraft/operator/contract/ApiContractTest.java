package io.aicodecraft.operator.contract;

import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.operator.install.Repository;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackFile;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator-API contract, executable: for every example in {@code k8s/examples/}, the API container's
 * environment as the operator writes it (its ConfigMap, its Secrets, and the tenant's Secrets as the example's
 * comment says to create them) is read by the API's own configuration reader, and the pool plan covers every
 * pool the API opens with it.
 */
class ApiContractTest {

    // kubectl create secret generic NAME --from-literal=KEY=VALUE ... in an example's comment
    private static final Pattern SECRET = Pattern.compile("create secret generic (\\S+)((?: --from-literal=\\S+)+)");
    private static final Pattern LITERAL = Pattern.compile("--from-literal=([^=\\s]+)=(\\S+)");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Repository.EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theApiReadsWhatTheOperatorWritesAndThePlanCoversItsPools(Path example) throws Exception {
        String yaml = Files.readString(example);
        var stack = StackFile.parse(yaml);
        var plan = PoolPlan.of(stack.getSpec());
        List<HasMetadata> objects = StackObjects.render(stack, SecretValues.generate());
        Optional<Deployment> api = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(StackNames.api(stack))).findFirst();
        if (!plan.fits()) {
            assertThat(api).as("a refused plan configures and deploys no API").isEmpty();
            return;
        }

        ApiConfig config = ApiConfig.read(Config.just(ConfigSources.create(
                EnvironmentVariables.expand(environment(api.orElseThrow(), objects, tenantSecrets(yaml))))));

        assertThat(config.database().poolMaxSize()).isEqualTo(plan.databasePoolPerPod());
        assertThat(config.chains().workers()).as("the chain workers the plan counts").isEqualTo(PoolPlan.CHAIN_WORKERS);
        // each pod: the cache's pool, and the chain queue's own pool of workers + maxTotal (api-app's ChainQueue)
        int redisPerPod = config.redis().poolMaxTotal() + config.chains().workers() + config.redis().poolMaxTotal();
        assertThat(plan.redisMaxClients()).as("Redis maxclients against the cache and chain pools of every pod")
                .isGreaterThanOrEqualTo(plan.apiPodsMax() * redisPerPod);
    }

    /** The container's environment, each reference resolved from what the operator renders or the tenant creates. */
    private static Map<String, String> environment(Deployment api, List<HasMetadata> objects,
                                                   Map<String, Map<String, String>> tenantSecrets) {
        var container = api.getSpec().getTemplate().getSpec().getContainers().getFirst();
        var env = new HashMap<String, String>();
        container.getEnvFrom().forEach(source -> env.putAll(configMap(objects, source.getConfigMapRef().getName())));
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            } else {
                var ref = variable.getValueFrom().getSecretKeyRef();
                var secret = secret(objects, ref.getName()).orElseGet(() -> tenantSecrets.get(ref.getName()));
                assertThat(secret).as("Secret %s for %s", ref.getName(), variable.getName()).isNotNull();
                if (Boolean.TRUE.equals(ref.getOptional()) && !secret.containsKey(ref.getKey())) {
                    continue; // unset, as the kubelet leaves it (the previous admin key before any rotation)
                }
                assertThat(secret).as("key %s of Secret %s", ref.getKey(), ref.getName()).containsKey(ref.getKey());
                env.put(variable.getName(), secret.get(ref.getKey()));
            }
        }
        return env;
    }

    private static Map<String, String> configMap(List<HasMetadata> objects, String name) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getMetadata().getName().equals(name)).findFirst().orElseThrow().getData();
    }

    private static Optional<Map<String, String>> secret(List<HasMetadata> objects, String name) {
        return objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .filter(secret -> secret.getMetadata().getName().equals(name)).findFirst()
                .map(secret -> {
                    var values = new HashMap<String, String>();
                    if (secret.getData() != null) {
                        secret.getData().forEach((key, value) ->
                                values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
                    }
                    if (secret.getStringData() != null) {
                        values.putAll(secret.getStringData());
                    }
                    return values;
                });
    }

    private static Map<String, Map<String, String>> tenantSecrets(String yaml) {
        var secrets = new HashMap<String, Map<String, String>>();
        var matcher = SECRET.matcher(yaml);
        while (matcher.find()) {
            var values = new HashMap<String, String>();
            var literal = LITERAL.matcher(matcher.group(2));
            while (literal.find()) {
                values.put(literal.group(1), literal.group(2));
            }
            secrets.put(matcher.group(1), values);
        }
        return secrets;
    }
}
