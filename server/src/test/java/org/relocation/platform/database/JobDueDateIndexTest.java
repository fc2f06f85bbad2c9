package org.relocation.platform.database;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class JobDueDateIndexTest {

    private JdbcDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:job-due-date-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table ACT_RU_JOB (ID_ varchar(64) primary key, DUEDATE_ timestamp)");
            s.execute("insert into ACT_RU_JOB values ('async', null), ('timer', timestamp '2031-01-01 09:00:00')");
        }
    }

    @Test
    void createsTheIndexOnceAndGivesJobsWithoutADueDateOne() throws SQLException {
        JobDueDateIndex.prepare(dataSource, "ACT_RU_JOB");
        JobDueDateIndex.prepare(dataSource, "ACT_RU_JOB"); // a second node, or the next start

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(JobDueDateIndex.hasIndex(c, "ACT_RU_JOB")).isTrue();
            try (ResultSet r = s.executeQuery("select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME = 'ACT_IDX_JOB_DUEDATE'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            try (ResultSet r = s.executeQuery("select ID_, DUEDATE_ from ACT_RU_JOB order by ID_")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("async");
                assertThat(r.getTimestamp(2)).isNotNull();
                r.next();
                assertThat(r.getTimestamp(2).toLocalDateTime()).hasYear(2031); // a timer keeps its own
            }
            // the job executor's question is answered from the index
            try (ResultSet r = s.executeQuery("explain select ID_ from ACT_RU_JOB where DUEDATE_ <= current_timestamp")) {
                r.next();
                assertThat(r.getString(1)).contains("ACT_IDX_JOB_DUEDATE");
            }
        }
    }

    @Test
    void aTablePrefixThatNamesASchemaIsFollowed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema ENGINE");
            s.execute("create table ENGINE.ACT_RU_JOB (ID_ varchar(64) primary key, DUEDATE_ timestamp)");
            s.execute("insert into ENGINE.ACT_RU_JOB values ('async', null)");
        }

        JobDueDateIndex.prepare(dataSource, "ENGINE.ACT_RU_JOB");
        JobDueDateIndex.prepare(dataSource, "ENGINE.ACT_RU_JOB");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(JobDueDateIndex.hasIndex(c, "ENGINE.ACT_RU_JOB")).isTrue();
            assertThat(JobDueDateIndex.hasIndex(c, "ACT_RU_JOB")).isFalse(); // the one in PUBLIC has none yet
            try (ResultSet r = s.executeQuery("select count(*) from ENGINE.ACT_RU_JOB where DUEDATE_ is null")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
    }

    @Test
    void anIndexOnTheDueDateUnderAnotherNameIsEnough() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create index MY_JOB_DUE on ACT_RU_JOB (DUEDATE_)");
        }

        JobDueDateIndex.prepare(dataSource, "ACT_RU_JOB");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME = 'ACT_IDX_JOB_DUEDATE'")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }
}
