package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A permanent transfer may have no planned end: {@code relocation_case.end_date} becomes nullable. Java, not SQL,
 * because the two databases spell it differently: H2 {@code ALTER COLUMN ... SET NULL}, MySQL/MariaDB
 * {@code MODIFY ... DATE NULL} (which H2 accepts only in its MySQL mode).
 */
public class V18__OptionalEndDate extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        String database = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String sql = database.contains("h2")
                ? "ALTER TABLE relocation_case ALTER COLUMN end_date SET NULL"
                : "ALTER TABLE relocation_case MODIFY end_date DATE NULL";
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(sql);
        }
    }
}
