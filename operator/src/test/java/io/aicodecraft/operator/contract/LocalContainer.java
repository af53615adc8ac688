package io.aicodecraft.operator.contract;

import io.aicodecraft.api.MainProcess;
import io.aicodecraft.api.backup.Postgres15;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One container of a pod the operator builds, run on this machine as a kubelet would run it: its environment from
 * its values, Secrets and ConfigMaps; {@code $(VAR)} in its arguments expanded; each mount a directory. A container
 * with a command is a PostgreSQL tool (Debian's PostgreSQL 15 binaries play the postgres image) or a shell with the
 * tools on the PATH (redis-cli plays the Redis image's); one without is the API image's entrypoint,
 * {@code io.aicodecraft.api.Main}. {@code overrides} point the environment at the test's
 * servers, as the cluster's DNS would.
 */
record LocalContainer(Map<String, Path> volumes, Map<String, Map<String, String>> secrets,
                      Map<String, Map<String, String>> configMaps, Map<String, String> overrides) {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    record Exit(int code, String output) {
    }

    /** The values of every Secret among {@code objects}, by Secret name, as a pod reads them: a mutable copy. */
    static Map<String, Map<String, String>> secrets(List<? extends HasMetadata> objects) {
        Map<String, Map<String, String>> all = new HashMap<>();
        objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast).forEach(secret -> {
            Map<String, String> values = new HashMap<>();
            secret.getData().forEach((key, value) ->
                    values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            all.put(secret.getMetadata().getName(), values);
        });
        return all;
    }

    Exit run(Container container) throws IOException, InterruptedException {
        Map<String, String> env = environment(container);
        List<String> args = arguments(container, container.getArgs(), env);
        if (container.getCommand() == null || container.getCommand().isEmpty()) {
            var run = MainProcess.run(env, args.toArray(String[]::new));
            return new Exit(run.exitCode(), run.output());
        }
        // Debian's PostgreSQL 15 plays the postgres image's tools; anything else (sh, redis-cli) is on the PATH
        String tool = container.getCommand().getFirst();
        Path postgresTool = Postgres15.BIN.resolve(tool);
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(postgresTool) ? postgresTool.toString() : tool));
        command.addAll(container.getCommand().subList(1, container.getCommand().size()).stream()
                .map(part -> script(container, part)).toList());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end");
        }
        return new Exit(process.exitValue(), output);
    }

    /** {@code args} of {@code container} (its args, or a probe's command) as the kubelet passes them: expanded, mapped. */
    List<String> arguments(Container container, List<String> args, Map<String, String> env) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            expanded.add(mapped(container, expand(arg, env)));
        }
        return expanded;
    }

    /** The container's environment as the kubelet sets it, then the test's overrides. */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnvFrom().forEach(source -> env.putAll(lookup(configMaps, source.getConfigMapRef().getName(), "ConfigMap")));
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), expand(variable.getValue(), env));
            } else {
                var ref = variable.getValueFrom().getSecretKeyRef();
                String value = lookup(secrets, ref.getName(), "Secret").get(ref.getKey());
                if (value != null) {
                    env.put(variable.getName(), value);
                } else if (!Boolean.TRUE.equals(ref.getOptional())) {
                    // the kubelet starts no container whose required key is missing; an optional one is left unset
                    throw new AssertionError("Secret " + ref.getName() + " has no key " + ref.getKey());
                }
            }
        }
        env.replaceAll((name, value) -> mapped(container, value));
        env.putAll(overrides);
        return new HashMap<>(env);
    }

    private static Map<String, String> lookup(Map<String, Map<String, String>> objects, String name, String kind) {
        var found = objects.get(name);
        if (found == null) {
            throw new AssertionError("the container needs " + kind + " " + name + ", which the test does not have");
        }
        return found;
    }

    /** Kubernetes' expansion: {@code $(NAME)} of a variable defined, anything else as it is. */
    private static String expand(String text, Map<String, String> env) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = env.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        return matcher.appendTail(out).toString();
    }

    /** A shell script of {@code container} (a probe's, a Job's {@code sh -c}), each mount path in it the volume's directory. */
    String script(Container container, String text) {
        List<VolumeMount> mounts = mountsLongestFirst(container);
        if (mounts.isEmpty()) {
            return text;
        }
        // one pass, whole path segments only: a directory put in must not be mapped again (/tmp in /tmp/junit...)
        Pattern paths = Pattern.compile("(?<![\\w./-])(" + String.join("|", mounts.stream()
                .map(mount -> Pattern.quote(mount.getMountPath())).toList()) + ")(?![\\w.-])");
        Map<String, String> directories = new HashMap<>();
        mounts.forEach(mount -> directories.put(mount.getMountPath(), directory(mount).toString()));
        return paths.matcher(text).replaceAll(match -> Matcher.quoteReplacement(directories.get(match.group(1))));
    }

    /**
     * A path under a mount, as the directory that plays the volume; the longest mount path first. A path may be the
     * value of {@code --option=} or of a server setting {@code name=} (PostgreSQL's {@code ssl_cert_file=...}).
     */
    private String mapped(Container container, String text) {
        int equals = text.indexOf('=');
        if (equals > 0 && (text.startsWith("--") || text.startsWith("/", equals + 1))) {
            return text.substring(0, equals + 1) + mapped(container, text.substring(equals + 1));
        }
        for (VolumeMount mount : mountsLongestFirst(container)) {
            Path directory = directory(mount);
            if (text.equals(mount.getMountPath()) || text.startsWith(mount.getMountPath() + "/")) {
                return directory + text.substring(mount.getMountPath().length());
            }
        }
        return text;
    }

    private static List<VolumeMount> mountsLongestFirst(Container container) {
        return container.getVolumeMounts().stream()
                .sorted(Comparator.comparing((VolumeMount m) -> m.getMountPath().length()).reversed()).toList();
    }

    private Path directory(VolumeMount mount) {
        Path directory = volumes.get(mount.getName());
        if (directory == null) {
            throw new AssertionError("no directory for volume " + mount.getName());
        }
        return directory;
    }
}
