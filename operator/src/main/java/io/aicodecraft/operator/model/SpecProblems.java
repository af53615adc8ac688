package io.aicodecraft.operator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AICodeCraftStackSpec;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.crd.ModelProvider;
import io.aicodecraft.operator.crd.PostgresSslMode;
import io.aicodecraft.operator.crd.RedisEvictionPolicy;
import io.aicodecraft.operator.crd.SpecRules;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is wrong with a stack as the reconciler received it, before anything is created for it: a name too long
 * for the names derived from it, values this operator could not read (an enum value it does not know, read as
 * null), and the CRD's own schema and rules applied to the spec as {@code render} applies them
 * ({@link StackSchema}), since a CRD older or newer than the operator may not have enforced them. Empty when the
 * stack can be reconciled.
 */
public final class SpecProblems {

    private SpecProblems() {
    }

    public static List<String> of(AICodeCraftStack stack) {
        AICodeCraftStackSpec spec = stack.getSpec();
        if (spec == null) {
            return List.of("spec: required, an object");
        }
        var problems = new ArrayList<String>();
        String name = stack.getMetadata().getName();
        if (name != null && name.length() > StackNames.MAX_STACK_NAME_LENGTH) {
            problems.add("metadata.name: " + name.length() + " characters; " + SpecRules.NAME_FITS_DERIVED_NAMES_MESSAGE
                    + " (a StatefulSet's at most " + StackNames.MAX_STATEFUL_SET_NAME_LENGTH + ")");
        }
        unknown(problems, "spec.deletionPolicy", spec.getDeletionPolicy(), DeletionPolicy.values(), DeletionPolicy::name);
        if (spec.getApi() != null && spec.getApi().getModel() != null) {
            unknown(problems, "spec.api.model.provider", spec.getApi().getModel().getProvider(), ModelProvider.values(),
                    ModelProvider::wireName);
        }
        if (spec.getRedis() != null && spec.getRedis().getManaged() != null) {
            unknown(problems, "spec.redis.managed.maxMemoryPolicy", spec.getRedis().getManaged().getMaxMemoryPolicy(),
                    RedisEvictionPolicy.values(), RedisEvictionPolicy::wireName);
        }
        if (spec.getPostgres() != null && spec.getPostgres().getExternal() != null) {
            unknown(problems, "spec.postgres.external.sslMode", spec.getPostgres().getExternal().getSslMode(),
                    PostgresSslMode.values(), PostgresSslMode::wireName);
        }
        if (spec.getPostgres() != null && spec.getPostgres().getBackup() != null
                && spec.getPostgres().getBackup().getSchedule() != null) {
            CronSchedule.problem(spec.getPostgres().getBackup().getSchedule())
                    .ifPresent(problem -> problems.add("spec.postgres.backup.schedule: " + problem));
        }
        CredentialRotation.scheduleText(spec)
                .flatMap(CronSchedule::problem)
                .ifPresent(problem -> problems.add("spec.postgres.credentials.rotationSchedule: " + problem));
        if (problems.isEmpty()) {
            ObjectNode tree = Serialization.jsonMapper().valueToTree(spec);
            problems.addAll(StackSchema.generated().defaultAndValidate(tree));
        }
        return problems;
    }

    private static <E> void unknown(List<String> problems, String path, E value, E[] known, Function<E, String> wireName) {
        if (value == null) {
            problems.add(path + ": a value this operator does not know; one of "
                    + Arrays.stream(known).map(wireName).collect(Collectors.joining(", ")));
        }
    }
}
