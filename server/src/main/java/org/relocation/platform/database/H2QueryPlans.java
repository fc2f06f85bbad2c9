package org.relocation.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the query plans of H2 (the demo database) fit for the tables as they grow.
 * <p>
 * With {@code QUERY_CACHE_SIZE} in its URL (the default URL has it) H2 keeps the parsed statements of each connection
 * with their query plans, which spares parsing every statement the engine and the case records send again and again.
 * But H2 plans a statement once, for the table sizes of the moment: a plan made on the empty tables of a new database
 * scans tables that later hold thousands of rows, and keeps doing so. H2 drops every cached statement whenever the
 * schema changes, and any {@code SET} command counts as such a change; so this runs {@code SET THROTTLE 0} (the
 * default: no throttling of the connection) {@code relocation.h2.replan-after} after start and then at doubling
 * intervals, up to {@code relocation.h2.replan-at-most-every}: early, while a new database fills, and rarely later.
 * Runs only when the datasource is H2.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class H2QueryPlans implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2QueryPlans.class);
    static final String REPLAN = "SET THROTTLE 0";

    private final DataSource dataSource;
    private final Duration first;
    private final Duration longest;
    private volatile ScheduledExecutorService scheduler;
    private Duration next;

    H2QueryPlans(DataSource dataSource,
                 @Value("${relocation.h2.replan-after:10s}") Duration first,
                 @Value("${relocation.h2.replan-at-most-every:10m}") Duration longest) {
        if (first.isNegative() || first.isZero()) {
            // zero would re-plan without pause, over and over
            throw new IllegalArgumentException("relocation.h2.replan-after must be a positive duration, not " + first);
        }
        this.dataSource = dataSource;
        this.first = first;
        this.longest = longest.compareTo(first) < 0 ? first : longest;
    }

    /** Drops the cached statements of every connection: each is planned again when next used. */
    void replan() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(REPLAN);
        }
    }

    private void replanAndReschedule() {
        try {
            replan();
        } catch (SQLException | RuntimeException e) {
            log.warn("Re-planning the H2 statements failed ({}); trying again later", e.getClass().getSimpleName());
        }
        next = next.multipliedBy(2).compareTo(longest) > 0 ? longest : next.multipliedBy(2);
        schedule();
    }

    private void schedule() {
        ScheduledExecutorService s = scheduler;
        if (s != null && !s.isShutdown()) {
            s.schedule(this::replanAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-query-plans");
            t.setDaemon(true);
            return t;
        });
        next = first;
        schedule();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
