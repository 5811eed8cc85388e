package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which endpoints a Jenkinsfile may send signed requests to (the plugin's allowedEndpointUrls setting). */
class EndpointPolicyTest {

    private static boolean awsOnly(String url) {
        return EndpointPolicy.awsOnly().permits(URI.create(url));
    }

    @Test
    void awsOwnEndpointsOverHttpsAreAlwaysAllowed() {
        assertThat(EndpointPolicy.awsOnly().permits(null)).isTrue();
        assertThat(awsOnly("https://elasticloadbalancing.eu-west-1.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://ecs-fips.us-gov-west-1.amazonaws.com/")).isTrue();
        assertThat(awsOnly("https://monitoring.cn-north-1.amazonaws.com.cn")).isTrue();
        assertThat(awsOnly("https://ecs.eu-west-1.api.aws")).isTrue();
        assertThat(awsOnly("https://VPCE-123.ELASTICLOADBALANCING.EU-WEST-1.VPCE.AMAZONAWS.COM.")).isTrue();
    }

    @Test
    void everyFormOfTheEnginesServiceEndpointsIsAllowed() {
        assertThat(awsOnly("https://elasticloadbalancing-fips.us-east-1.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://ecs.dualstack.eu-central-1.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://monitoring-fips.dualstack.us-gov-east-1.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://elasticloadbalancing.cn-northwest-1.amazonaws.com.cn")).isTrue();
        assertThat(awsOnly("https://sts.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://sts.ap-southeast-2.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://logs.us-west-2.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://monitoring-fips.us-east-1.api.aws")).isTrue();
        assertThat(awsOnly("https://vpce-0a1b2c3d4e5f67890-abcdefgh.monitoring.us-east-1.vpce.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://vpce-0a1b2c3d4e5f67890-abcdefgh-us-east-1a.ecs.us-east-1.vpce.amazonaws.com")).isTrue();
        assertThat(awsOnly("https://monitoring.eusc-de-east-1.amazonaws.eu")).isTrue();
    }

    @Test
    void customerHostsUnderAwsDomainsGetNoCredentials() {
        // Anyone can own these names: an API Gateway stage, a load balancer's DNS name, an S3 bucket, a CloudFront site.
        assertThat(awsOnly("https://abc123defg.execute-api.us-east-1.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://my-alb-1234567890.us-east-1.elb.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://internal-ecs-1234567890.us-east-1.elb.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://bucket.s3.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://ecs.s3.us-east-1.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://my-site.s3-website-us-east-1.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://abc.lambda-url.us-east-1.on.aws")).isFalse();
        assertThat(awsOnly("https://abc.execute-api.us-east-1.api.aws")).isFalse();
        assertThat(awsOnly("https://ec2-1-2-3-4.compute-1.amazonaws.com")).isFalse();
        assertThat(awsOnly("https://vpce-123.execute-api.us-east-1.vpce.amazonaws.com")).isFalse();
    }

    @Test
    void hostsThatOnlyLookLikeAwsAreRefused() {
        assertThat(awsOnly("https://amazonaws.com.attacker.example")).isFalse();
        assertThat(awsOnly("https://evilamazonaws.com")).isFalse();
        assertThat(awsOnly("https://ecs.eu-west-1.amazonaws.com@attacker.example/")).isFalse();
        assertThat(awsOnly("https://user@ecs.eu-west-1.amazonaws.com/")).isFalse();
        // Plain http would hand the session token to anyone on the path.
        assertThat(awsOnly("http://ecs.eu-west-1.amazonaws.com")).isFalse();
        assertThat(awsOnly("http://127.0.0.1:5000")).isFalse();
        assertThat(awsOnly("http://localhost:4566")).isFalse();
    }

    @Test
    void listedEndpointsMatchBySchemeHostAndPort() {
        EndpointPolicy policy = EndpointPolicy.parse("http://127.0.0.1:5000/\n  https://proxy.corp.example , http://Moto:80");
        assertThat(policy.permits(URI.create("http://127.0.0.1:5000"))).isTrue();
        assertThat(policy.permits(URI.create("http://127.0.0.1:5000/any/path"))).isTrue();
        assertThat(policy.permits(URI.create("https://proxy.corp.example:443"))).isTrue();
        assertThat(policy.permits(URI.create("http://moto"))).isTrue();
        assertThat(policy.permits(URI.create("http://127.0.0.1:5001"))).isFalse();
        assertThat(policy.permits(URI.create("https://127.0.0.1:5000"))).isFalse();
        assertThat(policy.permits(URI.create("http://proxy.corp.example"))).isFalse();
        assertThat(policy.permits(URI.create("http://me@127.0.0.1:5000"))).isFalse();
    }

    @Test
    void badEntriesAllowNothingAndAreNamed() {
        String text = "localhost:5000\nftp://files.example\nhttp://ok.example";
        assertThat(EndpointPolicy.parse(text).allowed()).containsExactly(URI.create("http://ok.example"));
        assertThat(EndpointPolicy.problemsIn(text)).containsExactly(
                "'localhost:5000' is not an http(s) URL with a host", "'ftp://files.example' is not an http(s) URL with a host");
        assertThat(EndpointPolicy.parse(null).allowed()).isEmpty();
        assertThat(EndpointPolicy.parse("  ").allowed()).isEmpty();
    }

    @Test
    void loopbackIsRecognisedWithoutALookup() {
        assertThat(EndpointPolicy.isLoopback(URI.create("http://127.0.0.1:5000"))).isTrue();
        assertThat(EndpointPolicy.isLoopback(URI.create("http://localhost:4566"))).isTrue();
        assertThat(EndpointPolicy.isLoopback(URI.create("http://[::1]:4566"))).isTrue();
        assertThat(EndpointPolicy.isLoopback(URI.create("http://127.0.0.1.attacker.example"))).isFalse();
        assertThat(EndpointPolicy.isLoopback(URI.create("http://10.0.0.7:8080"))).isFalse();
    }

    @Test
    void aRefusalNamesTheParameterAndWhereAnAdministratorAllowsIt() {
        var problem = EndpointPolicy.awsOnly().check("endpointUrl", URI.create("http://10.0.0.7:8080"));
        assertThat(problem).isPresent();
        assertThat(problem.get().toString()).startsWith("endpointUrl: 'http://10.0.0.7:8080' is not an AWS endpoint")
                .contains("Allowed endpoint URLs");
        assertThat(EndpointPolicy.awsOnly().check("endpointUrl", null)).isEmpty();
    }
}
