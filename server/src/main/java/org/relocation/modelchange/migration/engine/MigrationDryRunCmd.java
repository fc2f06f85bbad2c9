package org.relocation.modelchange.migration.engine;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.ProcessEngineImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.operaton.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.operaton.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.operaton.bpm.engine.impl.migration.instance.parser.MigratingInstanceParser;
import org.operaton.bpm.engine.impl.migration.validation.instance.MigratingProcessInstanceValidationReportImpl;
import org.operaton.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.operaton.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The first half of {@link MigrateProcessInstanceCmd#migrateProcessInstance}, per instance and without moving
 * anything: the engine's {@link MigratingInstanceParser} matches the plan's instructions to the instance's activity
 * instances, then the engine's configured activity, transition and compensation validators run
 * ({@code validateInstructions}, inherited, so they are exactly the ones a migration runs). Every failure the engine
 * would refuse the instance for is returned as its sentence. It writes nothing (and {@link EngineMigrations} runs it in
 * a transaction that is rolled back, in case a later engine version flushes what the parser touches).
 */
final class MigrationDryRunCmd extends MigrateProcessInstanceCmd {

    /** An instance's check: the activities it waits in, and why it cannot move (empty: movable). */
    record Check(String processInstanceId, String businessKey, List<String> waitingIn, List<String> failures) {
    }

    private final MigrationPlan plan;
    private final List<String> processInstanceIds;

    MigrationDryRunCmd(MigrationPlanExecutionBuilderImpl builder, MigrationPlan plan, List<String> processInstanceIds) {
        super(builder, false);
        this.plan = plan;
        this.processInstanceIds = processInstanceIds;
    }

    List<Check> check(CommandContext context) {
        ProcessEngineImpl engine = context.getProcessEngineConfiguration().getProcessEngine();
        List<Check> checks = new ArrayList<>();
        for (String id : processInstanceIds) {
            var instance = context.getExecutionManager().findExecutionById(id);
            if (instance == null) {
                continue; // ended since it was listed: nothing to move
            }
            List<String> waitingIn = waitingIn(engine.getRuntimeService().getActivityInstance(id));
            List<String> failures = new ArrayList<>();
            try {
                MigratingProcessInstanceValidationReportImpl report = new MigratingProcessInstanceValidationReportImpl();
                report.setProcessInstanceId(id);
                MigratingProcessInstance migrating = new MigratingInstanceParser(engine).parse(id, plan, report);
                validateInstructions(context, migrating, report);
                failures.addAll(report.getFailures());
                for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
                    a.getFailures().forEach(f -> failures.add(a.getSourceScopeId() + ": " + f));
                }
                for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
                    t.getFailures().forEach(f -> failures.add(t.getSourceScopeId() + ": " + f));
                }
            } catch (ProcessEngineException e) {
                failures.add(e.getMessage());
            }
            checks.add(new Check(id, instance.getBusinessKey(), waitingIn, failures));
        }
        return checks;
    }

    /** The activities the instance's tokens wait in: the leaves of its activity instance tree (and transitions). */
    static List<String> waitingIn(ActivityInstance root) {
        TreeSet<String> ids = new TreeSet<>();
        collect(root, ids, true);
        return List.copyOf(ids);
    }

    private static void collect(ActivityInstance instance, TreeSet<String> ids, boolean root) {
        if (instance == null) {
            return;
        }
        for (TransitionInstance t : instance.getChildTransitionInstances()) {
            ids.add(t.getActivityId());
        }
        if (!root && instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
            ids.add(instance.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, ids, false);
        }
    }
}
