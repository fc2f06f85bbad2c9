package org.relocation.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.relocation.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own data source gets the H2 cache size for its heap (and a MySQL one is left as configured). */
@ServerTest
class DataSourceSettingsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    @Test
    void theServersDataSourceHasTheCacheSizeForItsHeap() {
        String configured = environment.getRequiredProperty("spring.datasource.url");
        assertThat(((HikariDataSource) dataSource).getJdbcUrl())
                .isEqualTo(H2CacheSize.withCacheSize(configured, Runtime.getRuntime().maxMemory()));
    }
}
