package org.relocation.document;

import org.relocation.relocationcase.CaseService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Documents are uploaded and served through the server's web API only: this configuration is active in a web
 * application (the server), not in the standalone workers, which never touch files and need no key. Without a
 * valid {@code relocation.documents.encryption-key} and {@code key-id} the server does not start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentConfiguration {

    @Bean
    DocumentCipher documentCipher(DocumentProperties properties) {
        return DocumentCipher.of(properties.keyId(), properties.encryptionKey(), properties.retiredKeys());
    }

    @Bean
    DocumentService documentService(CaseService cases, ChecklistDocuments documents, DocumentFileRepository files,
                                    DocumentFileChunkRepository chunks, DocumentAccessRepository accessLog, DocumentCipher cipher,
                                    Clock clock, PlatformTransactionManager transactions) {
        return new DocumentService(cases, documents, files, chunks, accessLog, cipher, clock, transactions);
    }
}
