package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The plain pieces of the steps, without a Jenkins. */
class StepPartsTest {

    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

    @Test
    void consoleAddressesPerRegionAndPartition() {
        AwsConsole console = new AwsConsole("eu-west-1");
        assertEquals("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ListenerDetails:listenerArn="
                + LISTENER, console.listener(LISTENER));
        assertEquals("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/web%205xx",
                console.alarm("web 5xx"));
        assertEquals("https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web?region=eu-west-1",
                console.ecsService("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", "web"));
        assertEquals(console.listener(LISTENER), console.rule(LISTENER.replace(":listener/", ":listener-rule/") + "/9d1a2b3c"));
        assertEquals("https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/a",
                new AwsConsole("cn-north-1").alarm("a"));
        String alias = "https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/api/aliases/live";
        assertEquals(alias, console.lambdaAlias("api:live"));
        assertEquals(alias, console.lambdaAlias("arn:aws:lambda:eu-west-1:123456789012:function:api:live"));
    }

    @Test
    void formTextBecomesLists() throws Exception {
        JSONObject form = JSONObject.fromObject("{\"steps\": \"[10, 50, 100]\", \"approveBefore\": \"\", "
                + "\"alarms\": \"web-5xx\\nweb-latency\"}");
        ListFields.integers("steps", "approveBefore").strings("alarms").toArrays(form);
        assertEquals(JSONArray.fromObject(List.of(10, 50, 100)), form.get("steps"));
        assertEquals(JSONArray.fromObject(List.of("web-5xx", "web-latency")), form.get("alarms"));
        assertEquals(false, form.has("approveBefore"));
    }
}
