/**
 * A local stand-in for AWS, for the CLI's {@code demo} command and the integration tests; never used by a
 * real deployment.
 *
 * <pre>{@code
 * try (LocalAws aws = LocalAws.start();                       // moto_server + CloudWatch CBOR bridge
 *      FaultProxy faults = FaultProxy.builder(aws.endpoint())  // optional: AWS misbehaving
 *              .rate(FaultProxy.Fault.THROTTLING, 0.2).seed(1).start()) {
 *     CloudWatchClient cloudWatch = CloudWatchClient.builder()
 *             .endpointOverride(faults.endpoint())             // one endpoint for every service
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
 *             .build();
 *     ...
 *     aws.reset();                                             // between test classes: moto's state is global
 * }
 * }</pre>
 */
package io.jenkins.plugins.awsdeploy.localaws;
