// Stand-in for: jenkinsci/remoting src/main/java/hudson/remoting/Future.java
package hudson.remoting;

public interface Future<V> extends java.util.concurrent.Future<V> {}
