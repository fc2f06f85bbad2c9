package org.relocation.quote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.relocation.vendor.ServiceType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One vendor's quote for an item of a case (its temporary housing, its household-goods shipment, a destination service,
 * once per traveller where the service is ordered per traveller): asked for, answered (a price or a refusal), chosen or not.
 */
@Entity
@Table(name = "service_quote")
public class ServiceQuote {

    /**
     * REQUESTED until the vendor answers: RECEIVED (a price) or DECLINED. EXPIRED: not answered when the wait ended (or
     * the choice was made). CHOSEN: the specialist's choice, whose vendor receives the order; NOT_CHOSEN: the others received.
     */
    public enum Status { REQUESTED, RECEIVED, DECLINED, CHOSEN, NOT_CHOSEN, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private ServiceType serviceType;
    @Column(name = "vendor_id")
    private Long vendorId;
    private String item;
    @Column(name = "traveller_id")
    private Long travellerId;
    private String detail;
    private String reference;
    private String requestKey;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int nights;
    private LocalDate startDate;
    private LocalDate endDate;
    private int travellers;
    private BigDecimal price;
    private String currency;
    private String terms;
    private String declineReason;
    private Instant requestedAt;
    private Instant sentAt;
    private Instant answeredAt;
    private String chosenBy;
    private Instant chosenAt;
    private Instant notifiedAt;
    @Version
    private long version;

    protected ServiceQuote() {
    }

    ServiceQuote(Long caseId, Long vendorId, String reference, String requestKey, QuoteSubject subject, Instant now) {
        this.caseId = caseId;
        this.serviceType = subject.type();
        this.item = subject.item();
        this.travellerId = subject.travellerId();
        this.detail = subject.detail();
        this.vendorId = vendorId;
        this.reference = reference;
        this.requestKey = requestKey;
        this.status = Status.REQUESTED;
        this.nights = subject.nights();
        this.startDate = subject.from();
        this.endDate = subject.until();
        this.travellers = subject.travellers();
        this.requestedAt = now;
    }

    /** What was asked for: the item, its text, dates, nights (0 where not a stay) and travellers. */
    public QuoteSubject subject() {
        return new QuoteSubject(serviceType, item, travellerId, detail, startDate, endDate, nights, travellers);
    }

    void sent(Instant now) {
        if (sentAt == null) {
            sentAt = now;
        }
    }

    void received(BigDecimal price, String currency, String terms, Instant now) {
        this.status = Status.RECEIVED;
        this.price = price;
        this.currency = currency;
        this.terms = terms;
        this.answeredAt = now;
    }

    void declined(String reason, Instant now) {
        this.status = Status.DECLINED;
        this.declineReason = reason;
        this.answeredAt = now;
    }

    void expire() {
        if (status == Status.REQUESTED) {
            status = Status.EXPIRED;
        }
    }

    void chosen(String actor, Instant now) {
        this.status = Status.CHOSEN;
        this.chosenBy = actor;
        this.chosenAt = now;
    }

    void notChosen() {
        if (status == Status.RECEIVED) {
            status = Status.NOT_CHOSEN;
        }
    }

    /** Its vendor was told the quote was not chosen. */
    void notified(Instant now) {
        if (notifiedAt == null) {
            notifiedAt = now;
        }
    }

    /** The price of one night (the quote's price over its nights), at the currency's 2 decimals; null: not a stay. */
    public BigDecimal nightlyPrice() {
        return price == null || nights == 0 ? null : price.divide(BigDecimal.valueOf(nights), 2, java.math.RoundingMode.HALF_EVEN);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public ServiceType getServiceType() { return serviceType; }
    public Long getVendorId() { return vendorId; }
    public String getItem() { return item; }
    public Long getTravellerId() { return travellerId; }
    public String getDetail() { return detail; }
    public String getReference() { return reference; }
    public String getRequestKey() { return requestKey; }
    public Status getStatus() { return status; }
    public int getNights() { return nights; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public int getTravellers() { return travellers; }
    public BigDecimal getPrice() { return price; }
    public String getCurrency() { return currency; }
    public String getTerms() { return terms; }
    public String getDeclineReason() { return declineReason; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getChosenBy() { return chosenBy; }
    public Instant getChosenAt() { return chosenAt; }
    /** When its vendor was told the quote was not chosen; null: not (yet) told, or not a quote not chosen. */
    public Instant getNotifiedAt() { return notifiedAt; }
}
