package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A moto_server of its own, unlike {@link Moto}'s shared one: its ECS services start with 2 running tasks,
 * so that a service with 2 desired reads as stable, its rollout COMPLETED. The engine's session does not
 * retry, so a test sees the first failure; {@link #setup} is a plain client for building scenes.
 */
public final class EcsMoto implements AutoCloseable {

    public final MotoServer moto;
    public final AwsSession session;
    public final EcsClient setup;

    private EcsMoto(MotoServer moto) {
        this.moto = moto;
        this.session = new AwsSession(Moto.access(moto.endpoint()), AwsRetryStrategy.doNotRetry());
        this.setup = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build();
    }

    public static EcsMoto start() throws IOException {
        return new EcsMoto(MotoServer.builder().environment("MOTO_ECS_SERVICE_RUNNING", "2").start());
    }

    @Override
    public void close() {
        setup.close();
        session.close();
        moto.close();
    }
}
