package org.relocation.platform.engine;

import org.operaton.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;

import java.util.List;

/**
 * Drops history events of personal-data variables (pd_*, intake_*) before they are written, so form
 * values such as passport numbers never reach ACT_HI_VARINST or ACT_HI_DETAIL.
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    PersonalDataHistoryFilter(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isPersonal(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static boolean isPersonal(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity v && PersonalData.isPersonal(v.getVariableName());
    }
}
