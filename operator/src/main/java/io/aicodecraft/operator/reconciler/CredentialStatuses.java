package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.AdminKeyStatus;
import io.aicodecraft.operator.crd.CredentialsStatus;
import io.aicodecraft.operator.crd.LoginStatus;
import io.aicodecraft.operator.crd.PasswordStatus;
import io.aicodecraft.operator.crd.RotatedCredentialStatus;
import io.aicodecraft.operator.dependent.JobOutcome;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.dependent.StackWorkloads;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.Optional;

/** status.credentials: the login roles', the owner's, Redis's and the admin key's rotations as their Secrets say them, read from the informers' cache. */
final class CredentialStatuses {

    private CredentialStatuses() {
    }

    static Optional<CredentialsStatus> of(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        Optional<LoginStatus> postgres = StackSecrets.postgresLogins(stack, context).map(logins -> {
            var login = rotated(new LoginStatus(), StackNames.postgresLogin(stack), logins.rotatedAt(), logins.rotation());
            login.setRole(logins.active().orElse(null));
            login.setRotatingTo(logins.rotatingTo().orElse(null));
            login.setProblem(problem(StackWorkloads.currentGrant(stack, context)).orElse(null));
            return login;
        });
        Optional<AdminKeyStatus> adminKey = StackSecrets.adminKeys(stack, context).map(keys -> {
            var admin = rotated(new AdminKeyStatus(), StackNames.adminKeySecret(stack), keys.rotatedAt(), keys.rotation());
            admin.setPreviousKeyExpires(keys.previous().map(previous -> previous.expires().toString()).orElse(null));
            return admin;
        });
        Optional<PasswordStatus> redis = StackSecrets.redisPasswords(stack, context).map(passwords ->
                password(StackNames.redisSecret(stack), passwords.rotatedAt(), passwords.rotation(),
                        passwords.next().isPresent(), StackWorkloads.currentRedisPasswordJob(stack, context)));
        Optional<PasswordStatus> owner = StackSecrets.ownerPassword(stack, context).map(password ->
                password(StackNames.postgresSecret(stack), password.rotatedAt(), password.rotation(),
                        password.next().isPresent(), StackWorkloads.currentOwnerPasswordJob(stack, context)));
        if (postgres.isEmpty() && owner.isEmpty() && adminKey.isEmpty() && redis.isEmpty()) {
            return Optional.empty();
        }
        var credentials = new CredentialsStatus();
        credentials.setPostgres(postgres.orElse(null));
        credentials.setPostgresOwner(owner.orElse(null));
        credentials.setRedis(redis.orElse(null));
        credentials.setAdminKey(adminKey.orElse(null));
        return Optional.of(credentials);
    }

    /** A password whose rotation's step is its {@code job}, which matters only while {@code rotating}. */
    private static PasswordStatus password(String secret, Optional<Instant> rotatedAt, String rotation, boolean rotating,
                                           Optional<Job> job) {
        var status = rotated(new PasswordStatus(), secret, rotatedAt, rotation);
        status.setRotating(rotating ? true : null);
        status.setProblem(problem(job.filter(j -> rotating)).orElse(null));
        return status;
    }

    /** What a failed Job of a rotation's step says, and what to do about it. */
    private static Optional<String> problem(Optional<Job> job) {
        return job.filter(j -> JobOutcome.of(j).state() == JobOutcome.State.FAILED)
                .map(j -> "Job %s failed (%s); delete the Job to run it again"
                        .formatted(j.getMetadata().getName(), JobOutcome.of(j).message()));
    }

    private static <S extends RotatedCredentialStatus> S rotated(S status, String secret, Optional<Instant> rotatedAt,
                                                                  String rotation) {
        status.setSecret(secret);
        status.setRotatedAt(rotatedAt.map(Instant::toString).orElse(null));
        status.setRotation(rotation.isEmpty() ? null : rotation);
        return status;
    }
}
