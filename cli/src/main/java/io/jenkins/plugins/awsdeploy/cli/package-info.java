/**
 * {@code aws-deploy}, the command line over the engine.
 *
 * <p>Adding a deployment command (say {@code blue-green}):
 * <ol>
 *   <li>Write {@code BlueGreenCommand extends DeploymentCommand}, annotated {@code @Command(name = "blue-green",
 *       mixinStandardHelpOptions = true, sortOptions = false, exitCodeListHeading = ExitCodeHelp.HEADING,
 *       exitCodeList = {...ExitCodeHelp constants...})}. Declare only its own {@code @Option}s, with
 *       {@code order} 1..100; {@code --region}, {@code --endpoint-url}, {@code --state-file}, {@code --timeline}
 *       and {@code --json} come from {@link io.jenkins.plugins.awsdeploy.cli.CommonOptions}.</li>
 *   <li>Implement {@code plan(region)}: build the engine's request from the options and return its first
 *       checkpoint; let {@code InvalidInputException} out, its problems are printed with option spelling
 *       ({@code serviceArn} becomes {@code --service-arn}, {@code alarms} becomes {@code --alarm}).
 *       The checkpoint's strategy (engine {@code Strategies}) gives the identity that decides whether a state
 *       file is resumed and the timeline's title. Override {@code approvalOption()} and
 *       {@code autoApprove()} if it asks a person, {@code stopWords()} if a stop does not put traffic back on
 *       the stable side, {@code figures(last)} to report a figure after the outcome (ecs-rollback's time to
 *       restore), and {@code engine(ports)} if it needs another engine.</li>
 *   <li>Add the class to {@code subcommands} in {@link io.jenkins.plugins.awsdeploy.cli.AwsDeploy}.</li>
 * </ol>
 * The base class does the rest the same way for every command: checks before any AWS call (exit code 2),
 * the state file, the loop with Ctrl-C and SIGTERM handling, printing, the timeline and the exit code.
 * Tests run a command in-process with {@code AwsDeploy.execute(Host, String...)}; docs/cli.md is the reference
 * for people.
 */
package io.jenkins.plugins.awsdeploy.cli;
