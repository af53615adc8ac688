package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.RestoreSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The restore of spec.postgres.restoreFrom into a new stack's database, before its first migration: the API image
 * checks that the database holds nothing ({@code backup check-empty}, exit 3 otherwise) and fetches the dump, then
 * the stack's PostgreSQL image runs {@code pg_restore} in one transaction, so a failed restore leaves the database
 * empty for the next try. A database that holds data fails the Job at once, without retries.
 */
public final class RestoreJob {

    public static final String CHECK_CONTAINER = "check-empty";
    public static final String FETCH_CONTAINER = "fetch";
    public static final String RESTORE_CONTAINER = "restore";
    /** {@code backup check-empty}'s exit code for a database that holds data. */
    public static final int NOT_EMPTY_EXIT_CODE = 3;

    private static final String DUMP_FILE = BackupPod.WORK_DIRECTORY + "/restore.dump";
    /** The volume of the claim the dump is read from, when it is on one. */
    public static final String SOURCE_VOLUME = "source";
    private static final String SOURCE_DIRECTORY = "/source";
    /** {@code -yyyyMMddTHHmmssZ.dump}, after the stack's name in a dump's name. */
    private static final int DUMP_NAME_SUFFIX = "-20261203T030000Z.dump".length();

    private RestoreJob() {
    }

    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getPostgres().getRestoreFrom() != null && PostgresStatefulSet.applies(stack);
    }

    public static Job build(AICodeCraftStack stack) {
        RestoreSpec source = stack.getSpec().getPostgres().getRestoreFrom();
        List<Volume> volumes = new ArrayList<>(List.of(RestrictedSecurity.scratchVolume(BackupPod.WORK),
                RestrictedSecurity.scratchVolume(BackupPod.TMP)));
        Optional.ofNullable(stack.getSpec().getPostgres().getBackup()).flatMap(BackupPod::s3CaVolume)
                .ifPresent(volumes::add);
        ApiPodVolumes.postgresCaVolume(stack).ifPresent(volumes::add);
        sourceClaim(stack, source).ifPresent(claim -> volumes.add(new VolumeBuilder().withName(SOURCE_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(claim).withReadOnly(true).endPersistentVolumeClaim()
                .build()));
        return new JobBuilder()
                .withMetadata(StackComponent.RESTORE.metadata(stack, StackNames.restoreJob(stack)))
                .withNewSpec()
                .withBackoffLimit(2)
                .withNewPodFailurePolicy()
                .withRules(new PodFailurePolicyRuleBuilder().withAction("FailJob")
                        .withNewOnExitCodes().withContainerName(CHECK_CONTAINER).withOperator("In")
                        .withValues(NOT_EMPTY_EXIT_CODE).endOnExitCodes().build())
                .endPodFailurePolicy()
                .withTemplate(PodScheduling.apply(RestrictedSecurity.podTemplate(stack, StackComponent.RESTORE,
                                RestrictedSecurity.API_USER, restore(stack), volumes.toArray(Volume[]::new))
                        .editSpec()
                        .withInitContainers(checkEmpty(stack), fetch(stack, source))
                        .withRestartPolicy("Never")
                        .endSpec()
                        .build(), stack.getSpec().getPostgres().getManaged().getScheduling()))
                .endSpec()
                .build();
    }

    private static Container checkEmpty(AICodeCraftStack stack) {
        return apiContainer(stack, CHECK_CONTAINER)
                .withArgs("backup", "check-empty")
                .withEnvFrom(ApiEnvironment.fromConfigMap(stack))
                .withEnv(ApiEnvironment.databaseSecrets(stack))
                .withVolumeMounts(checkMounts(stack))
                .build();
    }

    /** Scratch space, and the PostgreSQL CA the JDBC URL names when the server's certificate is checked. */
    private static List<VolumeMount> checkMounts(AICodeCraftStack stack) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(BackupPod.TMP, "/tmp")));
        ApiPodVolumes.postgresCaMount(stack).ifPresent(mounts::add);
        return mounts;
    }

    private static Container fetch(AICodeCraftStack stack, RestoreSpec source) {
        List<String> args = new ArrayList<>(List.of("backup", "fetch"));
        List<EnvVar> env = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(BackupPod.WORK, BackupPod.WORK_DIRECTORY),
                RestrictedSecurity.mount(BackupPod.TMP, "/tmp")));
        if (source.getVolume() != null) {
            args.addAll(List.of("--path", SOURCE_DIRECTORY + "/" + source.getVolume().getPath()));
            mounts.add(RestrictedSecurity.readOnlyMount(SOURCE_VOLUME, SOURCE_DIRECTORY));
        } else {
            env.addAll(BackupPod.destinationEnvironment(stack.getSpec().getPostgres().getBackup()));
            BackupPod.s3CaMount(stack.getSpec().getPostgres().getBackup()).ifPresent(mounts::add);
            if (source.getBackup() != null) {
                args.addAll(List.of("--name", source.getBackup()));
                if (stack.getSpec().getPostgres().getBackup().getS3() == null) {
                    mounts.add(RestrictedSecurity.readOnlyMount(SOURCE_VOLUME, BackupPod.BACKUP_DIRECTORY));
                }
            } else {
                args.addAll(List.of("--key", source.getS3Key()));
            }
        }
        args.addAll(List.of("--to", DUMP_FILE));
        return apiContainer(stack, FETCH_CONTAINER).withArgs(args).withEnv(env).withVolumeMounts(mounts).build();
    }

    private static Container restore(AICodeCraftStack stack) {
        return new ContainerBuilder()
                .withName(RESTORE_CONTAINER)
                .withImage(stack.getSpec().getPostgres().getManaged().getImage())
                .withCommand("pg_restore")
                // objects become the stack's owner's; the dump's roles need not exist here
                .withArgs("--dbname=$(PGDATABASE)", "--no-owner", "--no-privileges", "--exit-on-error",
                        "--single-transaction", DUMP_FILE)
                .withEnv(BackupPod.postgresClientEnvironment(stack))
                .withResources(ContainerResources.BACKUP.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withVolumeMounts(BackupPod.postgresClientMounts(stack))
                .build();
    }

    private static ContainerBuilder apiContainer(AICodeCraftStack stack, String name) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(stack.getSpec().getApi().getImage())
                .withResources(ContainerResources.BACKUP.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withTerminationMessagePolicy("FallbackToLogsOnError");
    }

    /** The claim the dump is read from: the one named, or the backups' claim of the stack the dump is of. */
    private static Optional<String> sourceClaim(AICodeCraftStack stack, RestoreSpec source) {
        if (source.getVolume() != null) {
            return Optional.of(source.getVolume().getClaimName());
        }
        if (source.getBackup() != null && stack.getSpec().getPostgres().getBackup().getS3() == null) {
            String name = source.getBackup();
            return Optional.of(StackNames.backupClaim(name.substring(0, name.length() - DUMP_NAME_SUFFIX)));
        }
        return Optional.empty();
    }
}
