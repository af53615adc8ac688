package io.aicodecraft.operator.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The operator with its production options on a test class's {@link RealApiServer}, for the class's tests; registered
 * after the server's extension, so the server is up first and the operator stops before it.
 */
public final class OperatorOnApiServer implements BeforeAllCallback, AfterAllCallback {

    private final RealApiServer server;
    private RunningOperator operator;
    private StackDriver driver;

    public OperatorOnApiServer(RealApiServer server) {
        this.server = server;
    }

    public StackDriver driver() {
        return driver;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        operator = RunningOperator.start(server.client(), RunningOperator.NO_POD_NETWORK, new ReconcileCounter());
        driver = new StackDriver(server.client());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (operator != null) {
            operator.close();
        }
    }
}
