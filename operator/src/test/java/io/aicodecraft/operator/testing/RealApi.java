package io.aicodecraft.operator.testing;

import io.aicodecraft.api.DevStack;
import io.aicodecraft.operator.probe.AddressTemplate;
import io.aicodecraft.operator.probe.ServiceAddressResolver;
import java.net.URI;

/**
 * One real AICodeCraft API per test JVM (api-app's DevStack: embedded PostgreSQL and Redis, the
 * migrations, the server on 127.0.0.1), started on first use and stopped when the JVM exits.
 */
public final class RealApi {

    private static DevStack stack;

    private RealApi() {
    }

    public static synchronized URI baseUri() {
        if (stack == null) {
            stack = DevStack.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "real-api-stop"));
        }
        return stack.baseUri();
    }

    /** For the operator's probe where pods serve nothing (kwok): every API Service resolves to this one API. */
    public static ServiceAddressResolver addresses() {
        return new AddressTemplate(baseUri().toString());
    }
}
