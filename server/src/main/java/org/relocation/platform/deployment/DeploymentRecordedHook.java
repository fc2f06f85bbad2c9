package org.relocation.platform.deployment;

/**
 * A feature's record of every new deployment (the deployment log): the platform's post-deployer
 * ({@link DeploymentRecorder}) calls every hook once per new deployment, whichever route it took, inside the engine
 * command that deploys it. A hook that writes in that transaction writes nothing for a deployment that is refused or
 * rolled back. The start-up deployment, made while the engine is built and before the features' beans exist, is
 * handed over once the server's beans exist, after it committed, outside any engine command.
 */
public interface DeploymentRecordedHook {

    void deploymentRecorded(RecordedDeployment deployment);
}
