package io.jenkins.plugins.awsdeploy.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MotoServerTest {

    @Test
    void servesPassesItsEnvironmentResetsAndStops() throws Exception {
        MotoServer moto = MotoServer.builder().environment("MOTO_ACCOUNT_ID", "111122223333").start();
        try (moto; ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(moto.endpoint(), SdkClients.noRetries())) {
            assertThat(moto.endpoint().toString()).isEqualTo("http://127.0.0.1:" + moto.port());

            String arn = elbv2.createTargetGroup(b -> b.name("green").targetType(TargetTypeEnum.LAMBDA))
                    .targetGroups().get(0).targetGroupArn();
            assertThat(arn).contains(":111122223333:targetgroup/green/");

            moto.reset();
            assertThatThrownBy(() -> elbv2.describeTargetGroups(b -> b.names("green")))
                    .isInstanceOf(TargetGroupNotFoundException.class);
        }

        assertThat(moto.isAlive()).isFalse();
        assertThat(refusesConnections(moto.port())).isTrue();
        // Kept for diagnosis, and with the requests in it rather than on the build's console.
        assertThat(Files.readString(moto.logFile())).contains("Running on http://127.0.0.1:" + moto.port(), "POST / HTTP/1.1");
    }

    @Test
    void missingCommandSaysHowToInstallIt(@TempDir Path empty) {
        assertThatThrownBy(() -> MotoServer.locate(empty + File.pathSeparator))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("moto_server is not on the PATH")
                .hasMessageContaining("pip install 'moto[server]' awscli");
    }

    @Test
    void commandIsFoundInAnyPathDirectory(@TempDir Path first, @TempDir Path second) throws IOException {
        Path executable = Files.createFile(second.resolve("moto_server"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(first.resolve("moto_server")); // not executable: skipped

        assertThat(MotoServer.locate(first + File.pathSeparator + second)).isEqualTo(executable);
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }
}
