package io.aicodecraft.operator;

import io.aicodecraft.operator.reconciler.FailureText;
import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.runtime.OperatorRuntime;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Commands: {@code run} (the default) and {@code render -f stack.yaml}. */
public final class OperatorMain {

    static final String USAGE = """
            usage: operator [run]                 reconcile AICodeCraftStack resources (configured by the environment)
                   operator render -f stack.yaml  print every object the operator would create for a stack, offline""";

    private OperatorMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.getFirst().equals("run") && arguments.size() == 1) {
            int code = run(System.getenv(), System.err);
            if (code != 0) {
                System.exit(code);
            }
            // the operator's and the endpoints' threads keep the JVM up until SIGTERM
            return;
        }
        System.exit(command(arguments, System.out, System.err));
    }

    /** Every command but {@code run}: the exit code. */
    public static int command(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.getFirst().equals("render")) {
            return RenderCommand.run(args.subList(1, args.size()), out, err);
        }
        err.println(args.isEmpty() ? USAGE : "unknown command: " + String.join(" ", args) + "\n" + USAGE);
        return 2;
    }

    /**
     * Starts the operator against the in-cluster or kubeconfig client, and stops it and its
     * endpoints on SIGTERM. Returns 0 once started, non-zero when the environment is invalid.
     */
    static int run(Map<String, String> env, PrintStream err) {
        return run(env, () -> new KubernetesClientBuilder().build(), err);
    }

    /** {@link #run(Map, PrintStream)} with the client made by {@code clients}. */
    static int run(Map<String, String> env, Supplier<KubernetesClient> clients, PrintStream err) {
        OperatorSettings settings;
        try {
            settings = OperatorSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println("invalid configuration: " + e.getMessage());
            return 2;
        }
        KubernetesClient client = clients.get();
        OperatorRuntime runtime;
        try {
            runtime = OperatorRuntime.start(client, settings, StackOperatorOptions.defaults(),
                    new InetSocketAddress(settings.httpPort()), () -> {
                        err.println("lost the leader election Lease: exiting so that a fresh replica campaigns");
                        // from a thread of its own: the elector that calls this holds locks the shutdown needs
                        Thread.ofPlatform().start(() -> System.exit(1));
                    });
        } catch (IOException | RuntimeException e) {
            client.close();
            err.println("cannot start the operator: " + FailureText.of(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            client.close();
        }, "operator-shutdown"));
        return 0;
    }
}
