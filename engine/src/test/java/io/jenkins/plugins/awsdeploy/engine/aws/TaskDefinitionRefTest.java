package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDefinitionRefTest {

    static final TaskDefinitionRef WEB_5 = new TaskDefinitionRef("web", 5);

    @Test
    void anArnAndFamilyRevisionOfOneRevisionAreTheSame() {
        assertThat(TaskDefinitionRef.parse("arn:aws:ecs:us-east-1:123456789012:task-definition/web:5")).contains(WEB_5);
        assertThat(TaskDefinitionRef.parse(" web:5 ")).contains(WEB_5);
        assertThat(TaskDefinitionRef.parse("arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:5")).contains(WEB_5);
        assertThat(WEB_5.sameAs("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:5")).isTrue();
        assertThat(WEB_5.toString()).isEqualTo("web:5");
    }

    @Test
    void otherRevisionsFamiliesAndNonRevisionsDiffer() {
        assertThat(WEB_5.sameAs("web:50")).isFalse();
        assertThat(WEB_5.sameAs("web-api:5")).isFalse();
        assertThat(WEB_5.sameAs("web")).isFalse();
        assertThat(WEB_5.sameAs(null)).isFalse();
    }

    @Test
    void onlyWholeRevisionsParse() {
        for (String bad : new String[] {"web", "web:0", "web:-1", "web:latest", "web:5:6", "we b:5", ":5", "",
                "arn:aws:ecs:us-east-1:123456789012:service/prod/web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web",
                "web:99999999999"}) {
            assertThat(TaskDefinitionRef.parse(bad)).as(bad).isEqualTo(Optional.empty());
        }
        assertThatThrownBy(() -> TaskDefinitionRef.of("web")).hasMessageContaining("not a task definition revision: web");
        assertThatThrownBy(() -> new TaskDefinitionRef("web", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
