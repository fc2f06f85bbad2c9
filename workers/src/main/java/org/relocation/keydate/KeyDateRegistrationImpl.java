package org.relocation.keydate;

import org.springframework.beans.factory.ObjectProvider;

import java.time.LocalDate;

/** The fragment implementation Spring Data finds by name; the service is looked up late (it uses the repository). */
class KeyDateRegistrationImpl implements KeyDateRegistration {

    private final ObjectProvider<KeyDateService> service;

    KeyDateRegistrationImpl(ObjectProvider<KeyDateService> service) {
        this.service = service;
    }

    @Override
    public KeyDate register(Long caseId, Long travellerId, String kind, LocalDate dueDate, String note) {
        return service.getObject().register(caseId, travellerId, kind, dueDate, note);
    }
}
