package org.relocation.document.web;

import org.relocation.platform.web.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.RequestBody;
import org.relocation.immigration.ImmigrationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.relocation.document.DocumentAccessDeniedException;
import org.relocation.document.DocumentIntegrityException;
import org.relocation.document.DocumentNotFoundException;
import org.relocation.document.DocumentService;
import org.relocation.document.FileSummary;
import org.relocation.document.InvalidDocumentFileException;
import org.relocation.identity.Roles;
import org.relocation.platform.web.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files of a case's document checklist. Upload and download: the case's own employee, mobility specialists and
 * admins; anyone else gets 403 and the refusal is in the document's access log. The scan of a paper original:
 * mobility specialists only. A file (uploaded or a registered paper original) is what makes a document PROVIDED. The access log: mobility
 * specialists and admins. An unknown case or document, or a document of another case, is a 404.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/documents/{documentId}")
@Tag(name = "Documents", description = "Document files of a case: upload (PDF, JPEG, PNG; at most 10 MB), download, access log. Stored encrypted, every access audited.")
class DocumentController {

    private static final Logger log = LoggerFactory.getLogger(DocumentController.class);

    /** Roles that may handle the documents of any case (besides each case's own employee). */
    static final Set<String> DOCUMENT_ROLES = Set.of("ROLE_" + Roles.SPECIALIST, "ROLE_" + Roles.ADMIN);

    private final DocumentService documents;
    private final ImmigrationService immigration;

    DocumentController(DocumentService documents, ImmigrationService immigration) {
        this.documents = documents;
        this.immigration = immigration;
    }

    /** The specialist's review of one document: {@code accept}, or {@code reject} with the reason the employee will see. */
    @Schema(name = "DocumentReview")
    record Review(String decision, String reason) {
    }

    @PostMapping("/review")
    @PreAuthorize("hasAnyRole('mobility-specialist','admin')")
    @Operation(operationId = "reviewDocument",
            summary = "Accept a provided document, or reject it with a reason (it is requested again when the validation goes back to the employee)")
    @ApiResponse(responseCode = "200", description = "Reviewed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Nothing provided yet to review, or a concurrent change")
    ReviewOutcome review(@PathVariable long caseId, @PathVariable long documentId, @RequestBody Review review, Authentication user) {
        if (review == null || !("accept".equals(review.decision()) || "reject".equals(review.decision()))) {
            throw new BadRequestException(Map.of("decision", "Choose the decision: accept or reject."));
        }
        boolean found;
        try {
            found = immigration.reviewDocument(caseId, documentId, "accept".equals(review.decision()), review.reason(), user.getName());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Map.of("reason", "A rejection needs a reason the employee will read; give one of at most 500 characters."));
        } catch (IllegalStateException e) {
            throw new DocumentNotReadyException("Document " + documentId + " has not been provided yet: nothing to review");
        }
        if (!found) {
            throw new DocumentNotFoundException("No document " + documentId + " in case " + caseId);
        }
        return new ReviewOutcome(documentId, "accept".equals(review.decision()) ? "VALIDATED" : "REJECTED");
    }

    /** The document's status after a review: VALIDATED or REJECTED. */
    @Schema(name = "DocumentReviewOutcome")
    record ReviewOutcome(long documentId, String status) {
    }

    /** A review of a document nobody provided yet: 409. */
    static class DocumentNotReadyException extends RuntimeException {
        DocumentNotReadyException(String message) {
            super(message);
        }
    }

    @ExceptionHandler(DocumentNotReadyException.class)
    ProblemDetail notReady(DocumentNotReadyException e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        return p;
    }

    /** A stored file's metadata (never its content). */
    @Schema(name = "DocumentFile")
    record FileView(Long documentId, int version, String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        static FileView of(FileSummary f) {
            return new FileView(f.documentId(), f.version(), f.contentType(), f.sizeBytes(), f.sha256(), f.uploadedBy(), f.uploadedAt());
        }
    }

    /** The multipart/form-data body of an upload, as documented: one part named {@code file}. */
    @Schema(name = "DocumentFileUpload", requiredProperties = "file")
    record FileUpload(@Schema(type = "string", format = "binary", description = "PDF, JPEG or PNG, at most 10 MB") String file) {
    }

    /** One line of a document's audit trail. */
    @Schema(name = "DocumentAccess")
    record AccessView(Instant at, String actor, String action, String outcome, Long fileId) {
    }

    @PostMapping("/file")
    @Operation(operationId = "uploadDocumentFile", summary = "Upload the document's file (multipart/form-data, part \"file\")",
            description = "PDF, JPEG or PNG, recognised by content; at most 10 MB; stored encrypted as a new version, the document becomes PROVIDED. "
                    + "201 with the file's metadata; 400 naming the field \"file\" (empty, too large, wrong type), nothing written; "
                    + "403 (logged) for anyone but the case's employee, mobility specialists and admins; 404 unknown case or document.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class))))
    @ApiResponse(responseCode = "201", description = "Stored as a new version; the document is PROVIDED", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    @ApiResponse(responseCode = "413", description = "Larger than 10 MB; nothing written (fieldErrors names file)")
    ResponseEntity<FileView> upload(@PathVariable long caseId, @PathVariable long documentId,
                                    @RequestPart(name = "file", required = false) MultipartFile file, Authentication user) throws IOException {
        if (file == null) {
            throw new BadRequestException(Map.of("file", "The file is required: send it as the multipart/form-data part named file."));
        }
        FileSummary stored;
        try {
            stored = documents.upload(caseId, documentId, file.getBytes(), file.getContentType(), requester(user));
        } catch (InvalidDocumentFileException e) {
            throw new BadRequestException(Map.of("file", e.getMessage()));
        }
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + documentId + "/file")).body(FileView.of(stored));
    }

    @PostMapping("/paper-original")
    @PreAuthorize("hasRole('mobility-specialist')")
    @Operation(operationId = "registerPaperOriginal",
            summary = "Register the paper original of a document: the specialist saw it and uploads its scan (multipart/form-data, part \"file\")",
            description = "Mobility specialists only (403 for anyone else, the employee included). The scan is checked and stored like an upload "
                    + "(PDF, JPEG or PNG; at most 10 MB; encrypted, a new version); the document becomes PROVIDED with the source PAPER_ORIGINAL, "
                    + "the specialist and the time on record, in the access log and on the timeline. 201 with the file's metadata; 400 naming "
                    + "\"file\", nothing written; 404 unknown case or document.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = FileUpload.class))))
    @ApiResponse(responseCode = "201", description = "Stored as a new version; the document is PROVIDED from the paper original",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A concurrent change; nothing written, try again")
    @ApiResponse(responseCode = "413", description = "Larger than 10 MB; nothing written (fieldErrors names file)")
    ResponseEntity<FileView> paperOriginal(@PathVariable long caseId, @PathVariable long documentId,
                                           @RequestPart(name = "file", required = false) MultipartFile file, Authentication user) throws IOException {
        if (file == null) {
            throw new BadRequestException(Map.of("file", "The scan of the paper original is required: send it as the multipart/form-data part named file."));
        }
        FileSummary stored;
        try {
            stored = documents.registerPaperOriginal(caseId, documentId, file.getBytes(), file.getContentType(), requester(user));
        } catch (InvalidDocumentFileException e) {
            throw new BadRequestException(Map.of("file", e.getMessage()));
        }
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + documentId + "/file")).body(FileView.of(stored));
    }

    @GetMapping("/file")
    @Operation(operationId = "downloadDocumentFile", summary = "Download the document's current file, decrypted, as an attachment",
            description = "The case's employee, mobility specialists and admins; 403 (logged) for anyone else; 404 unknown case or document, or no file yet.")
    @ApiResponse(responseCode = "200", description = "The file as an attachment (Content-Disposition), its detected type", content = {
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "500", description = "The stored file failed its integrity check (logged for the operators)")
    ResponseEntity<byte[]> download(@PathVariable long caseId, @PathVariable long documentId, Authentication user) {
        DocumentService.Download d = documents.download(caseId, documentId, requester(user));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.file().contentType()))
                .contentLength(d.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(d.content());
    }

    @GetMapping("/access-log")
    @PreAuthorize("hasAnyRole('mobility-specialist','admin')")
    @Operation(operationId = "getDocumentAccessLog", summary = "The document's audit trail: every upload, download and refusal with its actor, oldest first")
    List<AccessView> accessLog(@PathVariable long caseId, @PathVariable long documentId) {
        return documents.accessLog(caseId, documentId).stream()
                .map(a -> new AccessView(a.getOccurredAt(), a.getActor(), a.getAction().name(), a.getOutcome(), a.getFileId()))
                .toList();
    }

    private static DocumentService.Requester requester(Authentication user) {
        boolean documentRole = user.getAuthorities().stream().anyMatch(a -> DOCUMENT_ROLES.contains(a.getAuthority()));
        return new DocumentService.Requester(user.getName(), documentRole);
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ProblemDetail notFound(DocumentNotFoundException e) {
        ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        return p;
    }

    @ExceptionHandler(DocumentAccessDeniedException.class)
    ProblemDetail denied(DocumentAccessDeniedException e) {
        ProblemDetail p = Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        return p;
    }

    @ExceptionHandler(DocumentIntegrityException.class)
    ProblemDetail integrity(DocumentIntegrityException e) {
        log.error("A stored document file failed its integrity check: {}", e.getMessage());
        ProblemDetail p = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Stored file unreadable", "The stored file could not be decrypted or verified; the error is logged for the operators");
        return p;
    }
}
