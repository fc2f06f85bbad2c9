package org.relocation.platform.database;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class H2QueryPlansTest {

    private JdbcDataSource dataSource;
    private Connection held;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:h2-query-plans-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64");
        dataSource.setUser("sa");
        held = dataSource.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        held.createStatement().execute("SHUTDOWN");
    }

    private long schemaVersion() throws SQLException {
        return ((SessionLocal) held.unwrap(JdbcConnection.class).getSession()).getDatabase().getModificationMetaId();
    }

    @Test
    void replanningDropsTheCachedStatementsOfEveryConnection() throws SQLException {
        H2QueryPlans plans = new H2QueryPlans(dataSource, Duration.ofMinutes(1), Duration.ofMinutes(1));
        long before = schemaVersion();

        plans.replan();

        // H2 re-plans a cached statement whose schema version is older than the database's
        assertThat(schemaVersion()).isGreaterThan(before);
    }

    @Test
    void replansSoonAfterStartAndThenAtDoublingIntervals() throws SQLException {
        H2QueryPlans plans = new H2QueryPlans(dataSource, Duration.ofMillis(50), Duration.ofMillis(400));
        long before = schemaVersion();
        plans.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> schemaVersion() >= before + 3);
            assertThat(plans.isRunning()).isTrue();
        } finally {
            plans.stop();
        }
        assertThat(plans.isRunning()).isFalse();
    }

    @Test
    void aReplanIntervalThatIsNotPositiveIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new H2QueryPlans(dataSource, Duration.ZERO, Duration.ofMinutes(1)))
                .withMessageContaining("relocation.h2.replan-after");
    }
}
