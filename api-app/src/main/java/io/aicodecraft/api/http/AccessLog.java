package io.aicodecraft.api.http;

import io.aicodecraft.api.auth.Principal;
import io.helidon.webserver.accesslog.AccessLogContext;
import io.helidon.webserver.accesslog.AccessLogEntry;
import io.helidon.webserver.accesslog.AccessLogFeature;
import io.helidon.webserver.accesslog.StatusLogEntry;
import io.helidon.webserver.accesslog.TimeTakenLogEntry;

import java.util.concurrent.TimeUnit;

/**
 * One line per request on the logger {@value #LOGGER}: method, path, route, status, milliseconds taken and the id of
 * the API key that made it ({@code -} without one), never the key itself, e.g.
 * {@code POST /v1/generations route=/v1/generations status=200 ms=4 key=5f0c...}.
 */
public final class AccessLog {
    public static final String LOGGER = AccessLogFeature.DEFAULT_LOGGER_NAME;

    private AccessLog() {
    }

    public static AccessLogFeature feature(RouteName routeName) {
        return AccessLogFeature.builder()
                .loggerName(LOGGER)
                .addEntry(context -> context.serverRequest().prologue().method().text())
                .addEntry(context -> context.serverRequest().path().absolute().path())
                .addEntry(context -> "route=" + routeName.apply(context.serverRequest()))
                .addEntry(labelled("status=", StatusLogEntry.create()))
                .addEntry(labelled("ms=", TimeTakenLogEntry.builder().unit(TimeUnit.MILLISECONDS).build()))
                .addEntry(context -> "key=" + context.serverRequest().context().get(Principal.class)
                        .flatMap(Principal::keyId).map(Object::toString).orElse(AccessLogEntry.NOT_AVAILABLE))
                .build();
    }

    private static AccessLogEntry labelled(String label, AccessLogEntry entry) {
        return (AccessLogContext context) -> label + entry.apply(context);
    }
}
