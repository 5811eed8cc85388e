package io.jenkins.plugins.awsdeploy.cli.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The default VPC's subnets, which a load balancer needs. Asked with one signed EC2 query (DescribeSubnets)
 * through the SDK's own HTTP client and signer, so the command line does not carry the whole EC2 module for
 * it. moto routes the call to EC2 by the signature's credential scope.
 */
final class DefaultSubnets {

    record Subnet(String id, String vpcId, String zone) {
    }

    private DefaultSubnets() {
    }

    static List<Subnet> find(SdkHttpClient http, URI endpoint, String region, AwsCredentialsIdentity credentials) {
        String body = "Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=default-for-az&Filter.1.Value.1=true";
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .identity(credentials)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2"));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow())
                    .build()).call();
            byte[] answer;
            Optional<? extends InputStream> stream = response.responseBody();
            try (InputStream in = stream.isPresent() ? stream.get() : InputStream.nullInputStream()) {
                answer = in.readAllBytes();
            }
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("EC2 DescribeSubnets answered HTTP " + response.httpResponse().statusCode()
                        + ": " + new String(answer, java.nio.charset.StandardCharsets.UTF_8));
            }
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException("EC2 DescribeSubnets failed", e);
        }
    }

    private static List<Subnet> parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            List<Subnet> subnets = new ArrayList<>();
            NodeList sets = doc.getElementsByTagName("subnetSet");
            if (sets.getLength() == 0) return subnets;
            for (org.w3c.dom.Node n = sets.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element item && item.getTagName().equals("item")) {
                    subnets.add(new Subnet(text(item, "subnetId"), text(item, "vpcId"), text(item, "availabilityZone")));
                }
            }
            return subnets;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("EC2 DescribeSubnets answered something that is not XML", e);
        }
    }

    private static String text(Element item, String tag) {
        NodeList n = item.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }
}
