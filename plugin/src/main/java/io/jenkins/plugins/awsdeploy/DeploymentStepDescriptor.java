package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * What the three step descriptors share: the context they need, the credentials drop-down of the Snippet Generator and
 * the translation of its text fields into lists.
 */
public abstract class DeploymentStepDescriptor extends StepDescriptor {

    /**
     * No FilePath or Launcher: outside a {@code node} block the AWS calls run on the controller, inside one on its
     * agent, which the execution finds from the context when it needs it.
     */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FlowNode.class);
    }

    /** The fields of this step that are lists in a script and text in a form. */
    abstract ListFields listFields();

    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        return super.newInstance(req, listFields().toArrays(formData));
    }

    /**
     * AWS credentials the configuring user could pick for this job; only ids and descriptions, never secrets. POST,
     * as Jenkins fills drop-downs, since it checks permissions (like the global configuration's list).
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            return result.includeCurrentValue(credentialsId == null ? "" : credentialsId);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, AmazonWebServicesCredentials.class, List.of())
                .includeCurrentValue(credentialsId == null ? "" : credentialsId);
    }
}
