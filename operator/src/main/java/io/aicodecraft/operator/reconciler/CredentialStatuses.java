package io.aicodecraft.operator.reconciler;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.CredentialsStatus;
import io.aicodecraft.operator.crd.LoginStatus;
import io.aicodecraft.operator.dependent.StackSecrets;
import io.aicodecraft.operator.model.StackNames;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.Optional;

/** status.credentials: the login roles' state as the login Secret's annotations say it, read from the informers' cache. */
final class CredentialStatuses {

    private CredentialStatuses() {
    }

    static Optional<CredentialsStatus> of(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.postgresLogins(stack, context).map(logins -> {
            var login = new LoginStatus();
            login.setSecret(StackNames.postgresLogin(stack));
            login.setRole(logins.active().orElse(null));
            login.setRotatedAt(logins.rotatedAt().map(Instant::toString).orElse(null));
            login.setRotation(logins.rotation().isEmpty() ? null : logins.rotation());
            login.setRotatingTo(logins.rotatingTo().orElse(null));
            var credentials = new CredentialsStatus();
            credentials.setPostgres(login);
            return credentials;
        });
    }
}
