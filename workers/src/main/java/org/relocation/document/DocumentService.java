package org.relocation.document;

import org.relocation.immigration.CaseDocument;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Files of the document checklist: upload (validated, encrypted, versioned), a scanned paper original registered by
 * the specialist (stored the same way), download (decrypted) and the access log. A file is what makes a document
 * PROVIDED. Who may touch a document: the case's own employee and people with a document role
 * ({@link Requester#documentRole()}, decided by the caller from the user's groups). Every upload, download
 * and refusal is logged with the actor; a refusal is logged (committed) before it is reported. Bad input
 * writes nothing. File names and contents are never logged.
 * <p>
 * Built by {@link DocumentConfiguration} in a web application only (the server): the standalone workers never
 * handle documents and need no key.
 */
public class DocumentService {

    /** The largest accepted file: 10 MB (10 MiB, as Spring's {@code 10MB}). */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    /** Who asks: the login, and whether a role lets them handle any case's documents (mobility specialist, admin). */
    public record Requester(String userId, boolean documentRole) {
        public Requester {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** A decrypted current file. */
    public record Download(FileSummary file, String documentType, byte[] content) {
        /** A name for the saved file made of the document type and version, never the uploader's file name. */
        public String fileName() {
            String ext = FileType.detect(content).map(FileType::extension).orElse("bin");
            return documentType.replaceAll("[^A-Za-z0-9-]", "-") + "-v" + file.version() + "." + ext;
        }
    }

    private final CaseService cases;
    private final ChecklistDocuments documents;
    private final DocumentFileRepository files;
    private final DocumentFileChunkRepository chunks;
    private final DocumentAccessRepository accessLog;
    private final DocumentCipher cipher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    DocumentService(CaseService cases, ChecklistDocuments documents, DocumentFileRepository files, DocumentFileChunkRepository chunks,
                    DocumentAccessRepository accessLog, DocumentCipher cipher, Clock clock, PlatformTransactionManager transactions) {
        this.cases = cases;
        this.documents = documents;
        this.files = files;
        this.chunks = chunks;
        this.accessLog = accessLog;
        this.cipher = cipher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Stores a new version of the document's file and marks the document PROVIDED (an upload). Throws
     * {@link DocumentNotFoundException}, {@link DocumentAccessDeniedException} (refusal logged) or
     * {@link InvalidDocumentFileException} (nothing written).
     */
    public FileSummary upload(long caseId, long documentId, byte[] content, String declaredContentType, Requester who) {
        return store(caseId, documentId, content, declaredContentType, who, CaseDocument.FileSource.UPLOAD);
    }

    /**
     * The specialist saw the paper original of the document and registers its scan: stored like an upload (a new
     * version, encrypted), the document becomes PROVIDED with the source {@code PAPER_ORIGINAL}, who registered it and
     * when; the access log and the timeline say it was a paper original. Only a document role may register one (the API
     * restricts it to mobility specialists); anyone else is refused and the refusal logged. Throws like {@link #upload}.
     */
    public FileSummary registerPaperOriginal(long caseId, long documentId, byte[] scan, String declaredContentType, Requester who) {
        return store(caseId, documentId, scan, declaredContentType, who, CaseDocument.FileSource.PAPER_ORIGINAL);
    }

    private FileSummary store(long caseId, long documentId, byte[] content, String declaredContentType, Requester who,
                              CaseDocument.FileSource source) {
        boolean paper = source == CaseDocument.FileSource.PAPER_ORIGINAL;
        DocumentAccess.Action action = paper ? DocumentAccess.Action.PAPER_ORIGINAL : DocumentAccess.Action.UPLOAD;
        Outcome<FileSummary> outcome = transaction.execute(tx -> {
            CaseDocument document = documents.lockById(documentId).filter(d -> d.getCaseId() == caseId)
                    .orElseThrow(() -> notFound(caseId, documentId));
            RelocationCase c = cases.get(caseId);
            if (paper ? !who.documentRole() : !mayAccess(c, who)) {
                return Outcome.denied(deny(document, who, action));
            }
            FileType type = validate(content, declaredContentType);
            Instant now = clock.instant();
            int version = files.latestVersion(documentId) + 1;
            DocumentCipher.Sealed sealed = cipher.encrypt(content, DocumentCipher.associatedData(documentId));
            DocumentFile file = files.save(new DocumentFile(documentId, caseId, version, type, content.length, sha256(content), sealed,
                    who.userId(), now));
            chunks.store(file.getId(), sealed.ciphertext());
            documents.markProvided(documentId, source, who.userId(), now);
            accessLog.save(new DocumentAccess(caseId, documentId, file.getId(), who.userId(), action,
                    (paper ? "paper original seen, scan stored as version " : "stored version ") + version
                            + " (" + type.contentType() + ", " + content.length + " bytes)", now));
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, paper ? "document-paper-original" : "document-uploaded",
                    (paper ? "Paper original registered: " : "Document uploaded: ") + document.getDocumentType() + " (version " + version + ")",
                    null, who.userId());
            log.info("Case {}: document {} ({}) version {} {} by {}", caseId, documentId, document.getDocumentType(), version,
                    paper ? "registered as a paper original" : "uploaded", who.userId());
            return Outcome.of(file.summary());
        });
        return outcome.orThrow();
    }

    /** The current file, decrypted; the download is logged. Throws like {@link #upload}, and not found when no file is on record. */
    public Download download(long caseId, long documentId, Requester who) {
        Outcome<Download> outcome = transaction.execute(tx -> {
            CaseDocument document = find(caseId, documentId);
            RelocationCase c = cases.get(caseId);
            if (!mayAccess(c, who)) {
                return Outcome.denied(deny(document, who, DocumentAccess.Action.DOWNLOAD));
            }
            DocumentFile file = files.findFirstByDocumentIdOrderByVersionDesc(documentId)
                    .orElseThrow(() -> new DocumentNotFoundException("No file has been uploaded for document " + documentId + " yet"));
            byte[] content = cipher.decrypt(file.sealed(chunks.ciphertext(file.getId())), DocumentCipher.associatedData(documentId));
            if (content.length != file.getSizeBytes() || !sha256(content).equals(file.getSha256())) {
                throw new DocumentIntegrityException("the decrypted file of document " + documentId + " does not match its recorded digest");
            }
            accessLog.save(new DocumentAccess(caseId, documentId, file.getId(), who.userId(), DocumentAccess.Action.DOWNLOAD,
                    "served version " + file.getVersion(), clock.instant()));
            return Outcome.of(new Download(file.summary(), document.getDocumentType(), content));
        });
        return outcome.orThrow();
    }

    /** The document's audit trail, oldest first. Only for callers already allowed to read it (the API restricts it to document roles). */
    public List<DocumentAccess> accessLog(long caseId, long documentId) {
        return readOnly.execute(tx -> {
            find(caseId, documentId);
            return accessLog.findByDocumentIdOrderByOccurredAtAscIdAsc(documentId);
        });
    }

    /** The current file of each document of the case that has one, by document id. */
    public Map<Long, FileSummary> currentFiles(long caseId) {
        return readOnly.execute(tx -> files.currentFilesOfCase(caseId).stream()
                .collect(Collectors.toMap(FileSummary::documentId, Function.identity())));
    }

    /**
     * Checks a file as an upload is checked ({@link #validate}): for features that store files of their own with the
     * documents' key (expense receipts). Throws {@link InvalidDocumentFileException} completing "file ...".
     */
    public static FileType checkFile(byte[] content, String declaredContentType) {
        return validate(content, declaredContentType);
    }

    /** The SHA-256 of a file's content, as hex: what a stored file's digest is. */
    public static String sha256Of(byte[] content) {
        return sha256(content);
    }

    /** Checks a file before anything is written: not empty, at most {@link #MAX_FILE_BYTES}, a PDF, JPEG or PNG by its content. */
    static FileType validate(byte[] content, String declaredContentType) {
        if (content == null || content.length == 0) {
            throw new InvalidDocumentFileException("is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new InvalidDocumentFileException("is larger than 10 MB (" + MAX_FILE_BYTES + " bytes)");
        }
        FileType type = FileType.detect(content)
                .orElseThrow(() -> new InvalidDocumentFileException("must be a PDF, JPEG or PNG file; its content is none of these"));
        if (!type.agreesWith(declaredContentType)) {
            throw new InvalidDocumentFileException("is declared as " + declaredContentType.split(";", 2)[0].trim()
                    + " but its content is " + type.description());
        }
        return type;
    }

    private CaseDocument find(long caseId, long documentId) {
        return documents.findById(documentId).filter(d -> d.getCaseId() == caseId).orElseThrow(() -> notFound(caseId, documentId));
    }

    private static DocumentNotFoundException notFound(long caseId, long documentId) {
        return new DocumentNotFoundException("No document " + documentId + " in case " + caseId);
    }

    private static boolean mayAccess(RelocationCase c, Requester who) {
        return who.documentRole() || who.userId().equals(c.getEmployeeUserId());
    }

    private DocumentAccessDeniedException deny(CaseDocument document, Requester who, DocumentAccess.Action attempted) {
        accessLog.save(new DocumentAccess(document.getCaseId(), document.getId(), null, who.userId(), DocumentAccess.Action.DENIED,
                attempted.name() + " refused: " + (attempted == DocumentAccess.Action.PAPER_ORIGINAL
                        ? "only a document role registers a paper original" : "neither the case's employee nor a document role"), clock.instant()));
        log.warn("Case {}: {} of document {} refused to {}", document.getCaseId(), attempted, document.getId(), who.userId());
        return new DocumentAccessDeniedException();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transaction's result: a value, or a refusal to throw once the refusal's log row is committed. */
    private record Outcome<T>(T value, DocumentAccessDeniedException denied) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> denied(DocumentAccessDeniedException e) {
            return new Outcome<>(null, e);
        }

        T orThrow() {
            if (denied != null) {
                throw denied;
            }
            return value;
        }
    }
}
