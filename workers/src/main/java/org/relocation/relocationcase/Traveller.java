package org.relocation.relocationcase;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** The employee or a dependent who moves with them. Holds passport data: never copied to process variables. */
@Entity
@Table(name = "case_traveller")
public class Traveller {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    private RelocationCase relocationCase;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    private String fullName;
    private String nationality;
    private LocalDate birthDate;
    private String passportNumber;
    private LocalDate passportExpiry;
    private Boolean permitRequired;
    @Embedded
    private TravellerPermit permit;
    private String permitNumber;
    private LocalDate permitValidFrom;
    private LocalDate permitValidUntil;

    protected Traveller() {
    }

    Traveller(RelocationCase relocationCase, Relationship relationship, String fullName, String nationality, LocalDate birthDate) {
        this.relocationCase = relocationCase;
        this.relationship = relationship;
        this.fullName = fullName;
        this.nationality = nationality;
        this.birthDate = birthDate;
    }

    public void recordPassport(String number, LocalDate expiry) {
        this.passportNumber = number;
        this.passportExpiry = expiry;
    }

    /** Records the permit decided for this traveller; needed unless its category is NONE. */
    public void decidePermit(TravellerPermit permit) {
        this.permit = permit;
        this.permitRequired = !"NONE".equals(permit.category());
    }

    /** Counsel reported the permit granted: its number and validity. */
    public void permitGranted(String number, LocalDate validFrom, LocalDate validUntil) {
        this.permitNumber = number;
        this.permitValidFrom = validFrom;
        this.permitValidUntil = validUntil;
    }

    /** The permit was renewed: the same permit (and number) is valid until the new expiry. */
    public void permitRenewed(LocalDate validUntil) {
        this.permitValidUntil = validUntil;
    }

    public Long getId() { return id; }
    public Relationship getRelationship() { return relationship; }
    public String getFullName() { return fullName; }
    public String getNationality() { return nationality; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getPassportNumber() { return passportNumber; }
    public LocalDate getPassportExpiry() { return passportExpiry; }
    public Boolean getPermitRequired() { return permitRequired; }
    /** Null until the immigration phase decided it. */
    public TravellerPermit getPermit() { return permit; }
    public String getPermitNumber() { return permitNumber; }
    public LocalDate getPermitValidFrom() { return permitValidFrom; }
    public LocalDate getPermitValidUntil() { return permitValidUntil; }
}
