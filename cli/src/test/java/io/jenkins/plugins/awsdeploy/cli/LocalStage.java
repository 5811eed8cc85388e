package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.cli.demo.DemoResources;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoEcs;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * A private moto_server (behind the CloudWatch bridge) with one load balancer, on which each test builds its
 * own scene: two target groups, a listener on a port of its own, and an alarm. One per test class.
 */
final class LocalStage implements AutoCloseable {

    /** What a canary runs on. The listener forwards everything to the stable group. */
    record Scene(String listener, String stable, String canary, String alarm) {
    }

    final LocalAws aws;
    final DemoResources resources;
    final MotoEcs ecs;
    private final String loadBalancer;
    private int nextPort = 8000;

    private LocalStage(LocalAws aws, int tasksAtCreation) {
        this.aws = aws;
        this.resources = new DemoResources(aws.endpoint());
        this.loadBalancer = resources.loadBalancer("cli-tests");
        this.ecs = new MotoEcs(aws.endpoint(), resources.elb(), tasksAtCreation);
    }

    static LocalStage start() throws IOException {
        return start(0);
    }

    /**
     * @param tasksAtCreation how many tasks moto reports running for every service it creates
     *                        ({@code MOTO_ECS_SERVICE_RUNNING}); a service of that size is created settled in one call
     */
    static LocalStage start(int tasksAtCreation) throws IOException {
        // The command takes its credentials from the default chain, whose first link is these properties.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        LocalAws aws = LocalAws.start(MotoServer.builder().environment("MOTO_ECS_SERVICE_RUNNING", String.valueOf(tasksAtCreation)));
        try {
            return new LocalStage(aws, tasksAtCreation);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    Scene scene(String name) {
        String stable = resources.targetGroup(name + "-stable");
        String canary = resources.targetGroup(name + "-canary");
        String listener = resources.listener(loadBalancer, nextPort++, weights(stable, 100, canary, 0));
        String alarm = name + "-5xx";
        resources.alarm(alarm, canary);
        return new Scene(listener, stable, canary, alarm);
    }

    String targetGroup(String name) {
        return resources.targetGroup(name);
    }

    String listener(Map<String, Integer> weights) {
        return resources.listener(loadBalancer, nextPort++, weights);
    }

    /** The canary's share as moto stores it: stable weight, canary weight. */
    List<Integer> weights(Scene scene) {
        Map<String, Integer> w = resources.listenerWeights(scene.listener());
        return List.of(w.getOrDefault(scene.stable(), 0), w.getOrDefault(scene.canary(), 0));
    }

    void alarm(String name, StateValue state) {
        resources.setAlarm(name, state, "set by the test");
    }

    /** Everything a refused command must leave untouched: every listener's and rule's actions, every alarm's state. */
    Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        resources.elb().describeListeners(r -> r.loadBalancerArn(loadBalancer)).listeners().forEach(l -> {
            all.put(l.listenerArn(), l.defaultActions().toString());
            List<String> rules = new ArrayList<>();
            resources.elb().describeRules(r -> r.listenerArn(l.listenerArn())).rules()
                    .forEach(rule -> rules.add(rule.ruleArn() + " " + rule.actions()));
            all.put(l.listenerArn() + " rules", rules);
        });
        all.put("alarms", resources.alarmStates());
        return all;
    }

    static Map<String, Integer> weights(String stable, int s, String canary, int c) {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put(stable, s);
        w.put(canary, c);
        return w;
    }

    @Override
    public void close() {
        ecs.close();
        resources.close();
        aws.close();
    }
}
