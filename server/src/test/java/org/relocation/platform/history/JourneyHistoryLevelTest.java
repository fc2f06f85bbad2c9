package org.relocation.platform.history;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The journey history level on a real engine and database: what it keeps, what it leaves out, and that it is read back. */
class JourneyHistoryLevelTest {

    private final JourneyHistoryConfiguration configuration = new JourneyHistoryConfiguration();
    private JdbcDataSource dataSource;
    private ProcessEngine engine;

    @BeforeEach
    void engine() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:journey-history-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        engine = start(JourneyHistoryLevel.NAME);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private ProcessEngine start(String historyLevel) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(historyLevel)
                .setJobExecutorActivate(false);
        config.setProcessEngineName("journey-history-" + System.nanoTime());
        config.setProcessEnginePlugins(List.<ProcessEnginePlugin>of(configuration.journeyHistoryLevelPlugin()));
        return config.buildProcessEngine();
    }

    @Test
    void keepsProcessTaskAndIncidentHistoryButNeitherActivityInstancesNorVariables() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("phase").operatonHistoryTimeToLive(180)
                .startEvent("started").exclusiveGateway("route")
                .userTask("review").name("Review").operatonCandidateGroups("mobility-specialist")
                .endEvent("ended").done();
        engine.getRepositoryService().createDeployment().addModelInstance("phase.bpmn", model).deploy();

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("phase", "RL-2026-0001", Map.of("caseId", 7L));
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        engine.getTaskService().claim(task.getId(), "specialist");
        engine.getTaskService().complete(task.getId(), Map.of("reviewed", true));

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult())
                .satisfies(p -> {
                    assertThat(p.getBusinessKey()).isEqualTo("RL-2026-0001");
                    assertThat(p.getEndTime()).isNotNull();
                    assertThat(p.getState()).isEqualTo("COMPLETED");
                });
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).singleResult())
                .satisfies(t -> {
                    assertThat(t.getTaskDefinitionKey()).isEqualTo("review");
                    assertThat(t.getAssignee()).isEqualTo("specialist");
                    assertThat(t.getEndTime()).isNotNull();
                });
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDatabaseCreatedAtTheJourneyLevelIsReadBackAsItByHistoryLevelAuto() throws Exception {
        OperatonBpmProperties properties = new OperatonBpmProperties();
        properties.setHistoryLevelDefault("activity"); // what the configuration asks for a new database
        HistoryLevelDeterminator determinator = configuration.historyLevelDeterminator(properties, new JdbcTemplate(dataSource));
        ((InitializingBean) determinator).afterPropertiesSet(); // as Spring does

        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class)).isEqualTo(String.valueOf(JourneyHistoryLevel.ID));
        assertThat(determinator.determineHistoryLevel()).isEqualTo(JourneyHistoryLevel.NAME);

        // and an engine started with it on that database accepts the level stored there
        engine.close();
        engine = start(determinator.determineHistoryLevel());
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getId())
                .isEqualTo(JourneyHistoryLevel.ID);
    }
}
