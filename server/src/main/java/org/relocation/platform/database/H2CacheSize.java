package org.relocation.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Gives H2 (the demo database) a page cache fitted to the heap: an eighth of the JVM's maximum heap, at most 256 MB.
 * H2's own default, 64 MB, is outgrown by a database holding a few hundred cases: its pages are then read from the
 * file and decoded again and again (on the journey benchmark the larger cache was worth a tenth of the throughput). A
 * heap too small for more than H2's default keeps the default, and a URL that sets {@code CACHE_SIZE} itself keeps
 * its own.
 */
@Component
class H2CacheSize implements BeanPostProcessor {

    static final long MAX_KB = 256 * 1024;
    static final long H2_DEFAULT_KB = 64 * 1024;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
            dataSource.setJdbcUrl(withCacheSize(dataSource.getJdbcUrl(), Runtime.getRuntime().maxMemory()));
        }
        return bean;
    }

    /** The URL with a cache size for this heap, or unchanged when it is not H2, sets one, or the heap is small. */
    static String withCacheSize(String url, long maxHeapBytes) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";CACHE_SIZE=")) {
            return url;
        }
        long kb = Math.min(MAX_KB, maxHeapBytes / 8 / 1024);
        return kb <= H2_DEFAULT_KB ? url : url + ";CACHE_SIZE=" + kb;
    }
}
