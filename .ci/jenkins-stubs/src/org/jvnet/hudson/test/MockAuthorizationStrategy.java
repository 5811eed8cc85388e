// Stand-in for: jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/MockAuthorizationStrategy.java
// Omitted: getACL(AbstractItem)/getACL(Job) overrides (not part of the stand-in AuthorizationStrategy).
package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Collection;

public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Grant grantWithoutImplication(Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public class Grant {
        Grant() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn onRoot() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn onFolders(ItemGroup<?>... folders) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public GrantOn onPaths(String... pathRegexps) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public class GrantOn {
            GrantOn() {
                throw new UnsupportedOperationException("compile-only stand-in");
            }

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("compile-only stand-in");
            }

            public MockAuthorizationStrategy to(User... users) {
                throw new UnsupportedOperationException("compile-only stand-in");
            }

            public MockAuthorizationStrategy toEveryone() {
                throw new UnsupportedOperationException("compile-only stand-in");
            }

            public MockAuthorizationStrategy toAuthenticated() {
                throw new UnsupportedOperationException("compile-only stand-in");
            }
        }
    }

    @NonNull
    @Override
    public ACL getRootACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public Collection<String> getGroups() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
