package io.jenkins.plugins.awsdeploy.engine;

import java.io.Serializable;

/**
 * One thing wrong with a deployment's input, found before anything in AWS changed.
 *
 * @param parameter the parameter's name in camelCase ({@code listenerArn}); each shell renders it in its
 *                  own spelling ({@code --listener-arn} on the command line)
 */
public record Problem(String parameter, String message) implements Serializable {

    @Override
    public String toString() {
        return parameter + ": " + message;
    }
}
