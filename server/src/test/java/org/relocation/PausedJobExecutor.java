package org.relocation;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that move the engine clock: pauses the server's job executor before each test (so timers of other tests'
 * cases do not fire while the clock is moved; the test fires its own case's due jobs), and afterwards resets the clock
 * and starts the job executor again if it was running. Use with {@code @ExtendWith(PausedJobExecutor.class)} after
 * {@link ServerTest}.
 */
public class PausedJobExecutor implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PausedJobExecutor.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        boolean wasActive = jobExecutor.isActive();
        if (wasActive) {
            jobExecutor.shutdown();
        }
        context.getStore(NAMESPACE).put("jobExecutor", jobExecutor);
        context.getStore(NAMESPACE).put("wasActive", wasActive);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
        JobExecutor jobExecutor = context.getStore(NAMESPACE).get("jobExecutor", JobExecutor.class);
        if (Boolean.TRUE.equals(context.getStore(NAMESPACE).get("wasActive", Boolean.class)) && jobExecutor != null) {
            jobExecutor.start();
        }
    }
}
