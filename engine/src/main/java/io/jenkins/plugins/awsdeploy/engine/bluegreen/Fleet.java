package io.jenkins.plugins.awsdeploy.engine.bluegreen;

/**
 * What runs the two sides of a blue/green deployment, read the same way before every step that depends
 * on a side, whatever the fleet is. One read is one look at the fleet and one DescribeTargetHealth.
 */
interface Fleet {

    SideState read(Colour side);
}
