package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.aws.DnsRecord;
import java.util.List;

/**
 * Two weighted Route 53 record sets of one name and type in a hosted zone, told apart by their set identifiers:
 * the stable one answers now, the canary one takes over step by step.
 *
 * @param hostedZoneId the bare zone id ({@code Z0123456789ABC}), never {@code /hostedzone/...}
 * @param recordName   normalised as Route 53 lists it: lower case, with the trailing dot
 */
public record Route53Records(String hostedZoneId, String recordName, String recordType, String stableSetIdentifier,
                             String canarySetIdentifier) implements RouterSpec {

    public Route53Records {
        recordName = DnsRecord.normalName(recordName);
    }

    @Override
    public String parameter() {
        return "recordName";
    }

    @Override
    public String describe() {
        return "weighted records " + recordName + " " + recordType + " in hosted zone " + hostedZoneId;
    }

    @Override
    public String resource() {
        return recordName + " " + recordType;
    }

    @Override
    public String stableSide() {
        return stableSetIdentifier;
    }

    @Override
    public String canarySide() {
        return canarySetIdentifier;
    }

    @Override
    public List<Resource> resources() {
        return List.of(Resource.of(Resource.Kind.HOSTED_ZONE, "hosted zone of the weighted records " + resource(), hostedZoneId));
    }
}
