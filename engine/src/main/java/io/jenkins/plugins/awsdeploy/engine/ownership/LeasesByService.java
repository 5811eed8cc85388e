package io.jenkins.plugins.awsdeploy.engine.ownership;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import java.util.Optional;

/**
 * Sends each resource to the adapter of its service, by its ARN: load balancer parts to ELB, services to ECS,
 * Route 53 record sets to their hosted zone's tags, Lambda functions to their own tags.
 */
public final class LeasesByService implements LeasePort {

    private final LeasePort elb;
    private final LeasePort ecs;
    private final LeasePort route53;
    private final LeasePort lambda;

    public LeasesByService(LeasePort elb, LeasePort ecs) {
        this(elb, ecs, null, null);
    }

    /** @param route53 markers of Route 53 record sets ({@link Route53Leases}); null where none are driven */
    public LeasesByService(LeasePort elb, LeasePort ecs, LeasePort route53) {
        this(elb, ecs, route53, null);
    }

    /** @param lambda markers of Lambda functions ({@link LambdaLeases}); null where none are driven */
    public LeasesByService(LeasePort elb, LeasePort ecs, LeasePort route53, LeasePort lambda) {
        this.elb = elb;
        this.ecs = ecs;
        this.route53 = route53;
        this.lambda = lambda;
    }

    @Override
    public Optional<Lease> read(String arn) {
        return of(arn).read(arn);
    }

    @Override
    public void write(String arn, Lease lease) {
        of(arn).write(arn, lease);
    }

    @Override
    public void remove(String arn) {
        of(arn).remove(arn);
    }

    private LeasePort of(String arn) {
        String service = AwsArn.parse(arn).map(AwsArn::service).orElse("");
        if (service.equals("elasticloadbalancing")) return elb;
        if (service.equals("ecs")) return ecs;
        if (service.equals("route53") && route53 != null) return route53;
        if (service.equals("lambda") && lambda != null) return lambda;
        throw new IllegalArgumentException("no ownership marker can be stored on " + arn);
    }
}
