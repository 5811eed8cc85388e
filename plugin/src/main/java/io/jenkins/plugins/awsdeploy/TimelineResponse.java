package io.jenkins.plugins.awsdeploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.kohsuke.stapler.StaplerResponse2;

/** How the build page serves a timeline picture: one place for the headers that keep an SVG document harmless. */
final class TimelineResponse {

    private TimelineResponse() {
    }

    /**
     * @param live a running deployment's picture, which changes at every refresh and must not be cached
     */
    static void send(StaplerResponse2 rsp, String svg, boolean live) throws IOException {
        byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
        rsp.setContentType("image/svg+xml;charset=UTF-8");
        // Opened on its own, an SVG is a document: forbid scripts and everything else it does not need.
        rsp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        if (live) rsp.setHeader("Cache-Control", "no-store");
        rsp.setContentLength(bytes.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(bytes);
        }
    }
}
