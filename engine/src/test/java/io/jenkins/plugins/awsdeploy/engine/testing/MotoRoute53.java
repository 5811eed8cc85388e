package io.jenkins.plugins.awsdeploy.engine.testing;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * A hosted zone in moto as a Route 53 canary needs it: {@code api.<zone>} A as two weighted records, "blue" at weight 1
 * and "green" at weight 0, in one of three shapes: plain records with a TTL, alias records (to two load balancers), or
 * plain records each with a health check. The setup uses its own SDK client, not the engine's.
 */
public final class MotoRoute53 implements AutoCloseable {

    public enum Shape { PLAIN, ALIAS, HEALTH_CHECKED }

    public final String zoneId;
    public final String zoneName;
    public final String recordName;
    public final Route53Client route53;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    private MotoRoute53(URI endpoint, String zone, Shape shape) {
        route53 = Route53Client.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http).build();
        zoneName = zone + ".";
        recordName = "api." + zoneName;
        String id = route53.createHostedZone(r -> r.name(zoneName).callerReference(UUID.randomUUID().toString()))
                .hostedZone().id();
        zoneId = id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
        put(record("blue", 1, shape, "192.0.2.10"), record("green", 0, shape, "192.0.2.20"));
    }

    public static MotoRoute53 create(String zone, Shape shape) {
        return new MotoRoute53(Moto.endpoint(), zone, shape);
    }

    public static MotoRoute53 create(URI endpoint, String zone, Shape shape) {
        return new MotoRoute53(endpoint, zone, shape);
    }

    private ResourceRecordSet record(String id, long weight, Shape shape, String address) {
        ResourceRecordSet.Builder b = ResourceRecordSet.builder().name(recordName).type(RRType.A).setIdentifier(id).weight(weight);
        switch (shape) {
            case PLAIN -> b.ttl(300L).resourceRecords(r -> r.value(address));
            case ALIAS -> b.aliasTarget(a -> a.hostedZoneId("Z35SXDOTRQ7X7K").evaluateTargetHealth(true)
                    .dnsName("web-" + id + "-1234567890.us-east-1.elb.amazonaws.com."));
            case HEALTH_CHECKED -> {
                String check = route53.createHealthCheck(r -> r.callerReference(UUID.randomUUID().toString())
                        .healthCheckConfig(c -> c.type(HealthCheckType.HTTP).ipAddress(address).port(80).resourcePath("/health")))
                        .healthCheck().id();
                b.ttl(60L).resourceRecords(r -> r.value(address)).healthCheckId(check);
            }
        }
        return b.build();
    }

    /** UPSERTs records of the zone, as a person would. */
    public void put(ResourceRecordSet... sets) {
        List<Change> changes = java.util.Arrays.stream(sets)
                .map(s -> Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(s).build()).toList();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)));
    }

    /** Every record set of the zone, every field, as Route 53 lists them. */
    public List<ResourceRecordSet> all() {
        return route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets();
    }

    /** The weighted record {@code setIdentifier} of {@link #recordName} A. */
    public ResourceRecordSet record(String setIdentifier) {
        return all().stream().filter(s -> setIdentifier.equals(s.setIdentifier())).findFirst().orElseThrow();
    }

    public long weight(String setIdentifier) {
        return record(setIdentifier).weight();
    }

    public void setWeight(String setIdentifier, long weight) {
        put(record(setIdentifier).toBuilder().weight(weight).build());
    }

    /**
     * A client on this zone that, like Route 53 and unlike moto, rejects a whole change batch (InvalidChangeBatch)
     * when one of its DELETEs does not match the record as stored field for field. {@code beforeChange} runs at the
     * start of every ChangeResourceRecordSets: another writer between the engine's read and its write.
     */
    public Route53Client exactDeletes(Runnable beforeChange) {
        return (Route53Client) java.lang.reflect.Proxy.newProxyInstance(Route53Client.class.getClassLoader(),
                new Class<?>[] {Route53Client.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("changeResourceRecordSets")) return method.invoke(route53, args);
                    beforeChange.run();
                    ChangeResourceRecordSetsRequest request = args[0] instanceof ChangeResourceRecordSetsRequest r ? r
                            : ChangeResourceRecordSetsRequest.builder().applyMutation(
                                    (java.util.function.Consumer<ChangeResourceRecordSetsRequest.Builder>) args[0]).build();
                    List<ResourceRecordSet> stored = all();
                    for (Change c : request.changeBatch().changes()) {
                        if (c.action() == ChangeAction.DELETE && !stored.contains(c.resourceRecordSet())) {
                            throw InvalidChangeBatchException.builder().message("[Tried to delete resource record set ["
                                    + c.resourceRecordSet().name() + ", type = " + c.resourceRecordSet().typeAsString()
                                    + ", set identifier = " + c.resourceRecordSet().setIdentifier()
                                    + "] but the values provided do not match the current values]").build();
                        }
                    }
                    return route53.changeResourceRecordSets(request);
                });
    }

    /** The zone's tags, where the ownership markers live. */
    public java.util.Map<String, String> tags() {
        java.util.Map<String, String> tags = new java.util.TreeMap<>();
        route53.listTagsForResource(r -> r.resourceType("hostedzone").resourceId(zoneId)).resourceTagSet().tags()
                .forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    @Override
    public void close() {
        route53.close();
        http.close();
    }
}
