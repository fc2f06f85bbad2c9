package org.relocation.relocationcase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Next case number of a year; rows are locked for update so cluster nodes never hand out the same number. */
@Entity
@Table(name = "case_number_sequence")
class CaseNumberSequence {

    @Id
    @Column(name = "year_value")
    private Integer year;

    private long nextValue;

    protected CaseNumberSequence() {
    }

    CaseNumberSequence(int year) {
        this.year = year;
        this.nextValue = 1;
    }

    long take() {
        return nextValue++;
    }
}
