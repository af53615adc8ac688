package io.aicodecraft.operator;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.InvalidStackException;
import io.aicodecraft.operator.model.PoolPlan;
import io.aicodecraft.operator.model.SecretValues;
import io.aicodecraft.operator.model.StackFile;
import io.aicodecraft.operator.model.StackObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code render -f stack.yaml}: prints, offline, every object the operator would create for a stack,
 * built by the same model classes the operator uses.
 *
 * <p>Exit codes: 0 rendered; 1 the file is unreadable or not a stack the API server would accept;
 * 2 wrong usage; 3 rendered, but the pool plan does not fit a fixed {@code maxConnections}, so the
 * operator would report {@code PoolsConfigured=False} and not roll the API out.
 */
public final class RenderCommand {

    public static final int RENDERED = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int POOLS_DO_NOT_FIT = 3;

    private RenderCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !(args.get(0).equals("-f") || args.get(0).equals("--file"))) {
            err.println("usage: render -f stack.yaml");
            return USAGE;
        }
        Path file = Path.of(args.get(1));
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return INVALID;
        }
        AICodeCraftStack stack;
        try {
            stack = StackFile.parse(text);
        } catch (InvalidStackException e) {
            err.println(file + " is not a valid AICodeCraftStack:");
            e.problems().forEach(problem -> err.println("  - " + problem));
            return INVALID;
        }
        PoolPlan plan = PoolPlan.of(stack.getSpec());
        out.println("# Rendered offline from " + file.getFileName() + " by the operator's own builders.");
        out.println("# Secret values are placeholders, not secrets: in a cluster the operator generates them");
        out.println("# once from a secure random source and changes them only for a rotation you ask for.");
        out.println("# Pool plan: " + plan.apiPodsMax() + " API pods x " + plan.databasePoolPerPod()
                + " connections + " + plan.migrationReserve() + " migration + " + plan.superuserReserve()
                + " superuser = " + plan.needed() + " needed; PostgreSQL max_connections " + plan.postgresMaxConnections()
                + "; Redis maxclients " + plan.redisMaxClients() + ".");
        for (HasMetadata object : StackObjects.render(stack, SecretValues.placeholders())) {
            String yaml = Serialization.asYaml(object);
            out.print(yaml.startsWith("---") ? yaml : "---\n" + yaml);
        }
        if (!plan.fits()) {
            err.println("PoolsConfigured=False: " + plan.shortfallMessage()
                    + ". The operator would not roll the API out with this configuration.");
            return POOLS_DO_NOT_FIT;
        }
        return RENDERED;
    }
}
