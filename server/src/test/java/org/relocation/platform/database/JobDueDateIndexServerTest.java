package org.relocation.platform.database;

import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class JobDueDateIndexServerTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;

    @Test
    void theEngineGivesEveryJobADueDateAndItsJobTableHasTheIndex() throws Exception {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnsureJobDueDateNotNull()).isTrue();
        try (Connection c = dataSource.getConnection()) {
            assertThat(JobDueDateIndex.hasIndex(c, "ACT_RU_JOB")).isTrue();
        }
        assertThat(engine.getManagementService().createJobQuery().list()).allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    }
}
