package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.MotoServerMissing;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One private moto_server (with the CloudWatch bridge) for the whole test JVM, reset before each test
 * class and stopped when the JVM's tests are done. Use with {@code @ExtendWith(Moto.class)} and
 * {@link #access()}. Where moto_server is not installed, {@link MotoGate} decides: skip, or fail if required.
 */
public final class Moto implements BeforeAllCallback {

    public static final String REGION = "us-east-1";

    private static LocalAws local;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        if (root.get(Moto.class) == null) {
            try {
                local = LocalAws.start();
            } catch (MotoServerMissing e) {
                MotoGate.missing(context, e);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root.put(Moto.class, (AutoCloseable & ExtensionContext.Store.CloseableResource) local::close);
        }
        local.reset();
    }

    /** The one endpoint for every service. */
    public static URI endpoint() {
        return local.endpoint();
    }

    /** Dummy static credentials: moto reads only the credential scope of the signature. */
    public static AwsAccess access() {
        return access(endpoint());
    }

    public static AwsAccess access(URI endpoint) {
        return new AwsAccess(REGION, endpoint, new SessionCredentials("test", "test", null, null), null, null);
    }

    public static LocalAws local() {
        return local;
    }
}
