package org.relocation.platform.history;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.history.HistoryLevel;
import org.operaton.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.operaton.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminatorJdbcTemplateImpl;
import org.operaton.bpm.spring.boot.starter.property.OperatonBpmProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the history level {@value JourneyHistoryLevel#NAME} known: to the engine, which then accepts it as
 * {@code operaton.bpm.history-level} (or {@code history-level-default}) and stores its id in a new database, and to
 * {@code history-level: auto}, which reads that id back on the next start.
 */
@Configuration(proxyBeanMethods = false)
class JourneyHistoryConfiguration {

    static final HistoryLevel LEVEL = new JourneyHistoryLevel();

    @Bean
    AbstractProcessEnginePlugin journeyHistoryLevelPlugin() {
        return new JourneyHistoryLevelPlugin();
    }

    /** Adds the level to the engine's custom levels before it resolves the configured one. */
    static final class JourneyHistoryLevelPlugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                    ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
            if (levels.stream().noneMatch(l -> l.getId() == LEVEL.getId())) {
                levels.add(LEVEL);
            }
            configuration.setCustomHistoryLevels(levels);
        }
    }

    /** The starter's own determinator (it backs off for a bean of this name), knowing this level too. */
    @Bean
    HistoryLevelDeterminator historyLevelDeterminator(OperatonBpmProperties properties, JdbcTemplate jdbcTemplate) {
        HistoryLevelDeterminator determinator = HistoryLevelDeterminatorJdbcTemplateImpl.createHistoryLevelDeterminator(properties, jdbcTemplate);
        if (determinator instanceof HistoryLevelDeterminatorJdbcTemplateImpl jdbc) {
            jdbc.addCustomHistoryLevels(List.of(LEVEL));
        }
        return determinator;
    }
}
