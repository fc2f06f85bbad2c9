package org.relocation.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2CacheSizeTest {

    private static final long MB = 1024 * 1024;
    private static final String DEMO = "jdbc:h2:file:./data/relocation;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=512";

    @Test
    void anEighthOfTheHeapAtMost256Megabytes() {
        assertThat(H2CacheSize.withCacheSize(DEMO, 1024 * MB)).isEqualTo(DEMO + ";CACHE_SIZE=131072");
        assertThat(H2CacheSize.withCacheSize(DEMO, 6 * 1024 * MB)).isEqualTo(DEMO + ";CACHE_SIZE=262144");
    }

    @Test
    void aSmallHeapKeepsH2sDefault() {
        assertThat(H2CacheSize.withCacheSize(DEMO, 512 * MB)).isEqualTo(DEMO);
    }

    @Test
    void aUrlThatSetsItsOwnCacheSizeOrIsNotH2IsLeftAlone() {
        assertThat(H2CacheSize.withCacheSize(DEMO + ";cache_size=8192", 6 * 1024 * MB)).isEqualTo(DEMO + ";cache_size=8192");
        String mysql = "jdbc:mysql://127.0.0.1:3306/relocation";
        assertThat(H2CacheSize.withCacheSize(mysql, 6 * 1024 * MB)).isEqualTo(mysql);
    }
}
