package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.cli.demo.DemoResources;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * A local AWS to try the deployment commands on: moto_server with the CloudWatch bridge on a free loopback port,
 * until Ctrl-C. It prints the endpoint and the aws CLI commands that set up what a canary needs.
 */
@Command(name = "emulator",
        description = {"Start a private local AWS (moto_server, with the CloudWatch bridge in front) on a free loopback "
                + "port and keep it running until Ctrl-C or SIGTERM. Nothing touches a real AWS account.",
                "",
                "It prints the --endpoint-url to give aws-deploy, and a ready-to-paste setup (aws CLI commands) of a load "
                        + "balancer listener, two target groups and an alarm, then the canary command that uses them. "
                        + "Everything in it is forgotten when it stops."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C or SIGTERM", "1:it could not start (moto_server missing)"})
public final class EmulatorCommand implements Callable<Integer> {

    static final String ALARM = "web-canary-5xx";

    @ParentCommand
    private AwsDeploy parent;

    @Override
    public Integer call() {
        Host host = parent.host();
        LocalAws aws;
        try {
            aws = LocalAws.start();
        } catch (IllegalStateException | IOException e) {
            host.err().println("The emulator needs moto_server (moto 5.x): " + e.getMessage());
            host.err().println("Install it with: " + MotoServer.INSTALL_HINT);
            return 1;
        }
        CompletableFuture<String> stopped = new CompletableFuture<>();
        try (aws; StopSignals signals = StopSignals.install(stopped::complete, stopped)) {
            print(host.out(), aws.endpoint().toString());
            String why = stopped.get();
            host.out().println(why + ": stopping the emulator; everything in it is forgotten.");
            host.out().flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            host.err().println("The emulator failed: " + e.getCause());
            return 1;
        }
        return 0;
    }

    /** Lines for a person to copy: the endpoint first, then a shell script that works as pasted. */
    static void print(PrintWriter out, String endpoint) {
        String e = "aws --endpoint-url \"$E\" ";
        out.println("""
                aws-deploy emulator: moto_server with the CloudWatch bridge, on a private loopback port.

                Give every aws-deploy command:  --endpoint-url %1$s --region %2$s

                Set up a load balancer listener, two target groups and an alarm (paste into a shell; needs the aws CLI):

                export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=%2$s AWS_DEFAULT_REGION=%2$s
                E=%1$s
                VPC=$(%3$sec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)
                SUBNETS=$(%3$sec2 describe-subnets --filters Name=vpc-id,Values=$VPC --query 'Subnets[0:2].SubnetId' --output text)
                LB=$(%3$selbv2 create-load-balancer --name web --subnets $SUBNETS --query 'LoadBalancers[0].LoadBalancerArn' --output text)
                STABLE_TG=$(%3$selbv2 create-target-group --name web-stable --protocol HTTP --port 80 --vpc-id $VPC --query 'TargetGroups[0].TargetGroupArn' --output text)
                CANARY_TG=$(%3$selbv2 create-target-group --name web-canary --protocol HTTP --port 80 --vpc-id $VPC --query 'TargetGroups[0].TargetGroupArn' --output text)
                LISTENER=$(%3$selbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=$STABLE_TG,Weight=100},{TargetGroupArn=$CANARY_TG,Weight=0}]}" --query 'Listeners[0].ListenerArn' --output text)
                %3$scloudwatch put-metric-alarm --alarm-name %4$s --namespace AWS/ApplicationELB --metric-name HTTPCode_Target_5XX_Count --dimensions Name=TargetGroup,Value=web-canary --statistic Sum --period 60 --evaluation-periods 1 --threshold 5 --comparison-operator GreaterThanThreshold
                %3$scloudwatch set-alarm-state --alarm-name %4$s --state-value OK --state-reason 'set up by hand'

                Then run a canary on it:

                java -jar aws-deploy.jar canary --endpoint-url "$E" --listener-arn "$LISTENER" --stable-target-group "$STABLE_TG" --canary-target-group "$CANARY_TG" --steps 10,50,100 --bake 30s --alarm %4$s

                and, from another shell (same variables), make it roll back:

                %3$scloudwatch set-alarm-state --alarm-name %4$s --state-value ALARM --state-reason 'failing on purpose'

                Ctrl-C stops the emulator.""".formatted(endpoint, DemoResources.REGION, e, ALARM));
        out.flush();
    }
}
