package org.relocation.platform.deployment;

import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.interceptor.CommandContextListener;
import org.relocation.processes.model.ModelProblem;

import java.util.List;

/**
 * The validator's warnings of the deployment being deployed on this thread, from the pre-deployer
 * ({@link ValidatingDeployer}) to the post-deployer ({@link DeploymentRecorder}), which takes them. Whatever happens
 * in between (the engine's own parser refusing the deployment), they are gone when the engine command ends.
 */
final class DeploymentLogContext {

    private static final ThreadLocal<Warnings> CURRENT = new ThreadLocal<>();

    private record Warnings(String deploymentId, List<ModelProblem> problems) {
    }

    private DeploymentLogContext() {
    }

    /** The warnings of this deployment, until the post-deployer takes them or the command ends. */
    static void put(CommandContext context, String deploymentId, List<ModelProblem> warnings) {
        CURRENT.set(new Warnings(deploymentId, List.copyOf(warnings)));
        if (context != null) {
            context.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext commandContext) {
                    CURRENT.remove();
                }

                @Override
                public void onCommandFailed(CommandContext commandContext, Throwable t) {
                    CURRENT.remove();
                }
            });
        }
    }

    /** The warnings put for this deployment (none if there were none, or they belong to another one), then nothing. */
    static List<ModelProblem> take(String deploymentId) {
        Warnings warnings = CURRENT.get();
        CURRENT.remove();
        return warnings != null && warnings.deploymentId() != null && warnings.deploymentId().equals(deploymentId)
                ? warnings.problems() : List.of();
    }
}
