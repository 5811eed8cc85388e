package io.jenkins.plugins.awsdeploy;

import hudson.console.HyperlinkNote;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsConsole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the names of a deployment's AWS resources in an event line (listener and rule ARNs, target groups, alarm
 * names, ECS services) into links to their console pages. Made from the checkpoint, so it needs no AWS call.
 */
final class ConsoleLinks {

    private static final ConsoleLinks NONE = new ConsoleLinks(Map.of(), List.of());

    /** Text to link, longest first so that an ARN wins over an alarm name that happens to occur inside it. */
    private final List<String> keys;
    private final Map<String, String> urls;
    /** Label and address of each resource, for the list printed when the deployment starts. */
    private final List<Map.Entry<String, String>> resources;

    private ConsoleLinks(Map<String, String> urls, List<Map.Entry<String, String>> resources) {
        this.urls = urls;
        this.resources = resources;
        this.keys = new ArrayList<>(urls.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
    }

    /**
     * @param emulated true when the deployment talks to an endpoint other than AWS (endpointUrl), whose resources
     *                 have no console pages
     */
    static ConsoleLinks of(Checkpoint checkpoint, String region, boolean emulated) {
        if (emulated || region == null) return NONE;
        AwsConsole console = new AwsConsole(region);
        Map<String, String> urls = new LinkedHashMap<>();
        List<Map.Entry<String, String>> resources = new ArrayList<>();
        // The strategy lists what it touches, each with its label, the names lines use and its console page: nothing
        // here knows a kind of resource, so a new router's resources are linked without a change to this class.
        for (Resource r : Strategies.resources(checkpoint)) {
            String url = console.address(r);
            r.names().forEach(name -> urls.putIfAbsent(name, url));
            resources.add(Map.entry(r.label(), url));
        }
        return new ConsoleLinks(urls, resources);
    }

    /** One line listing every resource as a link, or empty when there is nothing to link. */
    String resourceLine() {
        if (resources.isEmpty()) return "";
        StringBuilder b = new StringBuilder("AWS console:");
        for (Map.Entry<String, String> r : resources) {
            b.append(' ').append(HyperlinkNote.encodeTo(r.getValue(), r.getKey()));
        }
        return b.toString();
    }

    /** The line with each known resource name turned into a link. */
    String annotate(String line) {
        if (keys.isEmpty()) return line;
        StringBuilder b = new StringBuilder(line.length() + 64);
        int i = 0;
        outer:
        while (i < line.length()) {
            for (String key : keys) {
                if (line.startsWith(key, i) && bounded(line, i, key.length())) {
                    b.append(HyperlinkNote.encodeTo(urls.get(key), key));
                    i += key.length();
                    continue outer;
                }
            }
            b.append(line.charAt(i++));
        }
        return b.toString();
    }

    /** A name only counts where it is not part of a longer word: "web" must not link inside "webhook". */
    private static boolean bounded(String line, int start, int length) {
        int end = start + length;
        return (start == 0 || !nameChar(line.charAt(start - 1))) && (end == line.length() || !nameChar(line.charAt(end)));
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
