package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.ServerCertificate;
import io.aicodecraft.operator.model.ServerTlsSecret;
import io.aicodecraft.operator.model.StackComponent;
import io.aicodecraft.operator.model.StackNames;
import io.aicodecraft.operator.model.StackTls;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A managed server's certificate Secret: issued by the stack's CA when missing, and issued anew only when the one it
 * holds cannot go on serving (due for renewal, for other names, not of the current CA, or unreadable), so a reconcile
 * that finds it current changes nothing and draws no key. A new certificate changes the server pod's annotation,
 * which rolls it onto the certificate.
 */
abstract class ServerTlsSecretDependent extends StackOwnedDependent<Secret>
        implements Creator<Secret, AICodeCraftStack>, Updater<Secret, AICodeCraftStack> {

    private final SecondaryToPrimaryMapper<Secret> byStackLabel =
            Mappers.fromLabel(StackComponent.STACK_LABEL, null, AICodeCraftStack.class);

    ServerTlsSecretDependent() {
        super(Secret.class);
    }

    abstract String secretName(AICodeCraftStack stack);

    /** The server's Service, whose names the certificate is for. */
    abstract String service(AICodeCraftStack stack);

    abstract Secret build(AICodeCraftStack stack, ServerCertificate certificate, CertificateAuthority ca);

    /**
     * With {@code spec.tls.issuerRef} cert-manager writes this Secret (CertManagerCertificate): the dependent makes
     * and changes nothing, so the server's workload still follows it in the workflow.
     */
    @Override
    public ReconcileResult<Secret> reconcile(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackTls.certManager(stack) ? ReconcileResult.noOperation(getSecondaryResource(stack, context).orElse(null))
                : super.reconcile(stack, context);
    }

    /** By the stack label: a Secret cert-manager wrote has no owner reference, only the labels asked for. */
    @Override
    public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
        return byStackLabel.toPrimaryResourceIDs(secret);
    }

    @Override
    protected Secret desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        CertificateAuthority ca = authority(stack, context);
        return build(stack, ca.issue(names(stack), Instant.now()), ca);
    }

    @Override
    public Result<Secret> match(Secret actual, AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return Result.nonComputed(ServerTlsSecret.read(actual).current(authority(stack, context), names(stack), Instant.now()));
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(secretName(stack), stack.getMetadata().getNamespace());
    }

    private List<String> names(AICodeCraftStack stack) {
        return StackTls.dnsNames(stack, service(stack));
    }

    /** The workflow reconciles the CA first; one missing here was deleted since, and the next reconcile makes it. */
    private static CertificateAuthority authority(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return StackSecrets.certificateAuthority(stack, context).orElseThrow(() -> new IllegalStateException(
                "Secret " + StackNames.certificateAuthority(stack) + " (the stack's CA) is missing"));
    }
}
