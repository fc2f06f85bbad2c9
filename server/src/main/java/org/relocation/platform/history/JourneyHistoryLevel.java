package org.relocation.platform.history;

import org.operaton.bpm.engine.impl.history.AbstractHistoryLevel;
import org.operaton.bpm.engine.impl.history.event.HistoryEventType;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;

import java.util.EnumSet;
import java.util.Set;

/**
 * History level {@value #NAME}: the engine keeps the history of process instances (each case's journey and every
 * phase: started, ended, how), of user tasks (created, assigned, completed: by whom and when) and of incidents, but not
 * of every activity instance. Those are most of what the {@code activity} level writes (every start event, gateway,
 * service task, call activity and end event of every phase: an insert, and an update when it ends), and the case
 * records keep that story already: the case timeline has every phase and step entered and completed, with time and
 * actor. No variables: they are only the case id and routing flags, as at {@code activity}.
 */
public final class JourneyHistoryLevel extends AbstractHistoryLevel {

    public static final String NAME = "journey";
    /** Not one of the engine's own levels (0 to 3): stored in the database as the level it was created with. */
    public static final int ID = 12;

    private static final Set<HistoryEventTypes> PRODUCED = EnumSet.of(
            HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
            HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
            HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
            HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
            HistoryEventTypes.TASK_INSTANCE_DELETE,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType instanceof HistoryEventTypes type && PRODUCED.contains(type);
    }
}
