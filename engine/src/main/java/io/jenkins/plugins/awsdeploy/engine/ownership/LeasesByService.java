package io.jenkins.plugins.awsdeploy.engine.ownership;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import java.util.Optional;

/** Sends each resource to the adapter of its service, by its ARN: load balancer parts to ELB, services to ECS,
 * groups to Auto Scaling. */
public final class LeasesByService implements LeasePort {

    private final LeasePort elb;
    private final LeasePort ecs;
    private final LeasePort autoScaling;

    public LeasesByService(LeasePort elb, LeasePort ecs) {
        this(elb, ecs, null);
    }

    /** @param autoScaling the adapter for Auto Scaling groups; null where none is wired */
    public LeasesByService(LeasePort elb, LeasePort ecs, LeasePort autoScaling) {
        this.elb = elb;
        this.ecs = ecs;
        this.autoScaling = autoScaling;
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
        if (service.equals("autoscaling") && autoScaling != null) return autoScaling;
        throw new IllegalArgumentException("no ownership marker can be stored on " + arn);
    }
}
