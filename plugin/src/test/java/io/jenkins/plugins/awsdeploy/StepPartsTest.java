package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The plain pieces of the steps, without a Jenkins. */
class StepPartsTest {

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
