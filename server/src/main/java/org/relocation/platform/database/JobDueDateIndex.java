package org.relocation.platform.database;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Lets the job executor find due jobs through an index instead of reading every job.
 * <p>
 * Every few seconds, and whenever a job is created, the job executor asks for the jobs that are due. Most jobs of
 * this journey are timers far in the future (a visa's expiry, a permit's renewal, an approval's deadline), a few per
 * case, so the jobs table grows with the cases; but a job without a due date (an asynchronous continuation) counts as
 * due, and that {@code DUEDATE_ is null or DUEDATE_ <= now} condition makes the database read the whole table every
 * time. With {@code ensureJobDueDateNotNull} the engine gives every new job a due date (its creation time when it has
 * none) and asks only {@code DUEDATE_ <= now}, which an index on {@code DUEDATE_} answers; the engine's own schema has
 * no such index, so this creates {@value #INDEX} once, and gives the jobs of an older database that have no due date
 * one, so they are still found. Both steps are idempotent: the nodes of a cluster may run them at the same time.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "ACT_IDX_JOB_DUEDATE";
    private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

    private DataSource dataSource;
    private String table;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            prepare(dataSource, table);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the job table for due-date acquisition: " + e.getMessage(), e);
        }
    }

    /** Creates the index if there is none and gives every job without a due date the engine's current time. */
    static void prepare(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasIndex(connection, table)) {
                createIndex(connection, table);
            }
            try (PreparedStatement due = connection.prepareStatement("update " + table + " set DUEDATE_ = ? where DUEDATE_ is null")) {
                due.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
                int updated = due.executeUpdate();
                if (updated > 0) {
                    log.info("{} jobs without a due date are due now", updated);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static void createIndex(Connection connection, String table) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("create index " + INDEX + " on " + table + " (DUEDATE_)");
            log.info("Created index {} on {}(DUEDATE_) for the job executor", INDEX, table);
        } catch (SQLException e) {
            if (!hasIndex(connection, table)) { // another node may have created it meanwhile
                throw e;
            }
        }
    }

    static boolean hasIndex(Connection connection, String table) throws SQLException {
        int dot = table.lastIndexOf('.'); // a table prefix may name a schema: "relocation.ACT_RU_JOB"
        String prefix = dot < 0 ? null : table.substring(0, dot);
        DatabaseMetaData meta = connection.getMetaData();
        // databases differ in the case they keep names in
        for (UnaryOperator<String> spelling : List.<UnaryOperator<String>>of(n -> n, n -> n.toUpperCase(Locale.ROOT), n -> n.toLowerCase(Locale.ROOT))) {
            String name = spelling.apply(table.substring(dot + 1));
            boolean found = prefix == null
                    ? indexOnDueDate(meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), name, false, false))
                    // what the prefix names MySQL calls a catalog, H2 and the others a schema
                    : indexOnDueDate(meta.getIndexInfo(spelling.apply(prefix), null, name, false, false))
                    || indexOnDueDate(meta.getIndexInfo(connection.getCatalog(), spelling.apply(prefix), name, false, false));
            if (found) {
                return true;
            }
        }
        return false;
    }

    private static boolean indexOnDueDate(ResultSet indexes) throws SQLException {
        try (indexes) {
            while (indexes.next()) {
                if ("DUEDATE_".equalsIgnoreCase(indexes.getString("COLUMN_NAME")) && indexes.getShort("ORDINAL_POSITION") == 1) {
                    return true;
                }
            }
            return false;
        }
    }
}
