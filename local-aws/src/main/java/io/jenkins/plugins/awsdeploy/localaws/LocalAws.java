package io.jenkins.plugins.awsdeploy.localaws;

import java.io.IOException;
import java.net.URI;

/**
 * moto_server with a {@link CloudWatchBridge} in front: the one endpoint that the demo and the integration
 * tests give to every SDK client, CloudWatch included.
 */
public final class LocalAws implements AutoCloseable {

    private final MotoServer moto;
    private final CloudWatchBridge bridge;

    private LocalAws(MotoServer moto, CloudWatchBridge bridge) {
        this.moto = moto;
        this.bridge = bridge;
    }

    /** Starts moto_server with default settings, and the bridge. */
    public static LocalAws start() throws IOException {
        return start(MotoServer.builder());
    }

    /** Starts moto_server as {@code moto} describes (e.g. with environment variables), and the bridge. */
    public static LocalAws start(MotoServer.Builder moto) throws IOException {
        MotoServer server = moto.start();
        try {
            return new LocalAws(server, CloudWatchBridge.start(server.endpoint()));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The endpoint for every SDK client ({@code endpointOverride}). */
    public URI endpoint() {
        return bridge.endpoint();
    }

    public MotoServer moto() {
        return moto;
    }

    /** Forgets everything moto stores; see {@link MotoServer#reset()}. */
    public void reset() {
        moto.reset();
    }

    @Override
    public void close() {
        bridge.close();
        moto.close();
    }
}
