package org.relocation.document;

import org.junit.jupiter.api.Test;
import org.relocation.relocationcase.CaseService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The server refuses to start without a document key; the standalone workers (no web application) need none. */
class DocumentConfigurationTest {

    private static final String KEY = "VC8m1xg/PE+vyAKANzwgXVvgXLGX77rgAR+PR5z0I1s=";

    private final WebApplicationContextRunner server = new WebApplicationContextRunner()
            .withUserConfiguration(DocumentConfiguration.class)
            .withBean(CaseService.class, () -> mock(CaseService.class))
            .withBean(ChecklistDocuments.class, () -> mock(ChecklistDocuments.class))
            .withBean(DocumentFileRepository.class, () -> mock(DocumentFileRepository.class))
            .withBean(DocumentFileChunkRepository.class, () -> mock(DocumentFileChunkRepository.class))
            .withBean(DocumentAccessRepository.class, () -> mock(DocumentAccessRepository.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

    @Test
    void withoutAKeyTheServerDoesNotStartAndSaysWhichSettingIsMissing() {
        server.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("relocation.documents.encryption-key (RELOCATION_DOCUMENTS_ENCRYPTION_KEY) is not set");
        });
        server.withPropertyValues("relocation.documents.encryption-key=" + KEY).run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("relocation.documents.key-id"));
    }

    @Test
    void withAKeyAndIdTheDocumentServiceIsReady() {
        server.withPropertyValues("relocation.documents.encryption-key=" + KEY, "relocation.documents.key-id=2026-01").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DocumentService.class);
            assertThat(context.getBean(DocumentCipher.class).currentKeyId()).isEqualTo("2026-01");
        });
    }

    @Test
    void aRetiredKeyStillDecryptsTheFilesItEncrypted() {
        String oldKey = "q2Wn5b0cV7m3Jk9LpQ1rT4uX6yZ8aB0cD2eF4gH6iJ8=";
        DocumentCipher.Sealed old = DocumentCipher.of("2025-07", oldKey, Map.of()).encrypt(new byte[]{1, 2, 3}, DocumentCipher.associatedData(5));
        server.withPropertyValues("relocation.documents.encryption-key=" + KEY, "relocation.documents.key-id=2026-01",
                "relocation.documents.retired-keys.2025-07=" + oldKey).run(context ->
                assertThat(context.getBean(DocumentCipher.class).decrypt(old, DocumentCipher.associatedData(5))).containsExactly(1, 2, 3));
    }

    @Test
    void theStandaloneWorkersHaveNoDocumentsAndNeedNoKey() {
        new ApplicationContextRunner().withUserConfiguration(DocumentConfiguration.class).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(DocumentService.class).doesNotHaveBean(DocumentCipher.class));
    }
}
