package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.BackupRetentionSpec;
import io.aicodecraft.operator.crd.BackupSpec;
import io.aicodecraft.operator.crd.S3BackupSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod of one backup run, scheduled or on demand: the stack's own PostgreSQL image dumps the database
 * ({@code pg_dump} of the server's major version, custom format) to a scratch volume, then the API image's
 * {@code backup store} puts the dump in the destination, prunes what retention lets go, and reports the dump's
 * name, size and the count kept as its termination message, which the operator reads into the status.
 */
public final class BackupPod {

    /** The container whose termination message is the run's result. */
    public static final String STORE_CONTAINER = "store";
    public static final String DUMP_CONTAINER = "dump";

    private static final long ACTIVE_DEADLINE_SECONDS = 6 * 60 * 60;
    public static final String WORK = "work";
    static final String WORK_DIRECTORY = "/work";
    private static final String DUMP_FILE = WORK_DIRECTORY + "/stack.dump";
    public static final String TMP = "tmp";
    /** The volume of the object storage's CA, when the spec names one. */
    public static final String S3_CA_VOLUME = "s3-ca";
    private static final String S3_CA_DIRECTORY = "/etc/aicodecraft/s3-ca";
    /** The volume of the backups' claim, when they go to a volume. */
    public static final String BACKUPS_VOLUME = "backups";
    static final String BACKUP_DIRECTORY = "/backups";

    private BackupPod() {
    }

    /** Backups are taken of a managed PostgreSQL (a CRD rule refuses them for an external one). */
    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getPostgres().getBackup() != null && PostgresStatefulSet.applies(stack);
    }

    /**
     * The Job of one run. No retry: a failed run is reported as it is and the next one is the schedule's. A
     * deadline, because the CronJob starts no run while one is active and a dump waiting on a lock would wait
     * for good.
     */
    public static JobSpec jobSpec(AICodeCraftStack stack) {
        return new JobSpecBuilder()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(ACTIVE_DEADLINE_SECONDS)
                .withTemplate(template(stack))
                .build();
    }

    static PodTemplateSpec template(AICodeCraftStack stack) {
        BackupSpec backup = stack.getSpec().getPostgres().getBackup();
        List<Volume> volumes = new ArrayList<>(List.of(RestrictedSecurity.scratchVolume(WORK),
                RestrictedSecurity.scratchVolume(TMP)));
        if (backup.getVolume() != null) {
            volumes.add(new VolumeBuilder().withName(BACKUPS_VOLUME).withNewPersistentVolumeClaim()
                    .withClaimName(StackNames.backupClaim(stack)).endPersistentVolumeClaim().build());
        }
        s3CaVolume(backup).ifPresent(volumes::add);
        ApiPodVolumes.postgresCaVolume(stack).ifPresent(volumes::add);
        // where the PostgreSQL pod may run, its dumps may too
        return PodScheduling.apply(RestrictedSecurity.podTemplate(stack, StackComponent.BACKUP, RestrictedSecurity.API_USER,
                        store(stack, backup), volumes.toArray(Volume[]::new))
                .editSpec()
                .withInitContainers(dump(stack))
                .withRestartPolicy("Never")
                .endSpec()
                .build(), stack.getSpec().getPostgres().getManaged().getScheduling());
    }

    private static Container dump(AICodeCraftStack stack) {
        return new ContainerBuilder()
                .withName(DUMP_CONTAINER)
                .withImage(stack.getSpec().getPostgres().getManaged().getImage())
                .withCommand("pg_dump")
                .withArgs("--format=custom", "--no-password", "--file=" + DUMP_FILE)
                .withEnv(postgresClientEnvironment(stack))
                .withResources(ContainerResources.BACKUP.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withVolumeMounts(postgresClientMounts(stack))
                .build();
    }

    private static Container store(AICodeCraftStack stack, BackupSpec backup) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(WORK, WORK_DIRECTORY),
                RestrictedSecurity.mount(TMP, "/tmp")));
        if (backup.getVolume() != null) {
            mounts.add(RestrictedSecurity.mount(BACKUPS_VOLUME, BACKUP_DIRECTORY));
        }
        s3CaMount(backup).ifPresent(mounts::add);
        return new ContainerBuilder()
                .withName(STORE_CONTAINER)
                .withImage(stack.getSpec().getApi().getImage())
                .withArgs("backup", "store", "--file", DUMP_FILE)
                .withEnv(storeEnvironment(stack, backup))
                .withResources(ContainerResources.BACKUP.with(null))
                .withSecurityContext(RestrictedSecurity.container())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withVolumeMounts(mounts)
                .build();
    }

    /** The settings of {@code backup store}, the API's backup command. */
    private static List<EnvVar> storeEnvironment(AICodeCraftStack stack, BackupSpec backup) {
        List<EnvVar> env = new ArrayList<>();
        env.add(EnvVars.plain("AICC_BACKUP_STACK", stack.getMetadata().getName()));
        env.addAll(destinationEnvironment(backup));
        BackupRetentionSpec retention = backup.getRetention();
        if (retention != null && retention.getCount() != null) {
            env.add(EnvVars.plain("AICC_BACKUP_KEEP_COUNT", retention.getCount().toString()));
        }
        if (retention != null && retention.getAge() != null) {
            env.add(EnvVars.plain("AICC_BACKUP_KEEP_AGE", retention.getAge()));
        }
        return env;
    }

    /** The object storage's CA as one read-only file, when the spec names one. */
    static Optional<Volume> s3CaVolume(BackupSpec backup) {
        return Optional.ofNullable(backup.getS3()).map(S3BackupSpec::getCaSecretRef)
                .map(ca -> ApiPodVolumes.caVolume(S3_CA_VOLUME, ca));
    }

    static Optional<VolumeMount> s3CaMount(BackupSpec backup) {
        return s3CaVolume(backup).map(volume -> RestrictedSecurity.readOnlyMount(S3_CA_VOLUME, S3_CA_DIRECTORY));
    }

    /**
     * libpq's settings for the stack's own PostgreSQL tools, connecting as the owner the operator generated; over
     * TLS with spec.tls, the server's certificate checked against the stack's CA and its name, as the API does.
     */
    static List<EnvVar> postgresClientEnvironment(AICodeCraftStack stack) {
        String secret = StackNames.postgresSecret(stack);
        List<EnvVar> env = new ArrayList<>(List.of(
                EnvVars.plain("PGHOST", StackNames.serviceHost(stack, StackNames.postgres(stack))),
                EnvVars.plain("PGPORT", String.valueOf(PostgresService.PORT)),
                EnvVars.fromSecret("PGUSER", secret, StackNames.POSTGRES_USERNAME_KEY),
                EnvVars.fromSecret("PGPASSWORD", secret, StackNames.POSTGRES_PASSWORD_KEY),
                EnvVars.fromSecret("PGDATABASE", secret, StackNames.POSTGRES_DATABASE_KEY)));
        if (StackTls.postgres(stack)) {
            env.add(EnvVars.plain("PGSSLMODE", "verify-full"));
            env.add(EnvVars.plain("PGSSLROOTCERT", ApiPodVolumes.CA_FILE));
        }
        return env;
    }

    /** The work directory, and the PostgreSQL CA when the server's certificate is checked. */
    static List<VolumeMount> postgresClientMounts(AICodeCraftStack stack) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(RestrictedSecurity.mount(WORK, WORK_DIRECTORY)));
        ApiPodVolumes.postgresCaMount(stack).ifPresent(mounts::add);
        return mounts;
    }

    /** Where the API's backup command finds the dumps: the mounted claim, or the bucket with its credentials. */
    static List<EnvVar> destinationEnvironment(BackupSpec backup) {
        List<EnvVar> env = new ArrayList<>();
        S3BackupSpec s3 = backup.getS3();
        if (s3 == null) {
            env.add(EnvVars.plain("AICC_BACKUP_DESTINATION", "volume"));
            env.add(EnvVars.plain("AICC_BACKUP_DIR", BACKUP_DIRECTORY));
            return env;
        }
        env.add(EnvVars.plain("AICC_BACKUP_DESTINATION", "s3"));
        if (s3.getEndpoint() != null) {
            env.add(EnvVars.plain("AICC_BACKUP_S3_ENDPOINT", s3.getEndpoint()));
        }
        env.add(EnvVars.plain("AICC_BACKUP_S3_BUCKET", s3.getBucket()));
        if (s3.getPrefix() != null && !s3.getPrefix().isEmpty()) {
            env.add(EnvVars.plain("AICC_BACKUP_S3_PREFIX", s3.getPrefix()));
        }
        env.add(EnvVars.plain("AICC_BACKUP_S3_REGION", s3.getRegion()));
        env.add(EnvVars.plain("AICC_BACKUP_S3_PATH_STYLE", String.valueOf(s3.isPathStyle())));
        if (s3.getCaSecretRef() != null) {
            env.add(EnvVars.plain("AICC_BACKUP_S3_CA_FILE", S3_CA_DIRECTORY + "/" + ApiPodVolumes.CA_NAME));
        }
        String secret = s3.getCredentialsSecretRef().getName();
        env.add(EnvVars.fromSecret("AWS_ACCESS_KEY_ID", secret, StackNames.S3_ACCESS_KEY_ID_KEY));
        env.add(EnvVars.fromSecret("AWS_SECRET_ACCESS_KEY", secret, StackNames.S3_SECRET_ACCESS_KEY_KEY));
        return env;
    }
}
