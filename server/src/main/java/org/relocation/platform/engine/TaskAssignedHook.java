package org.relocation.platform.engine;

import org.operaton.bpm.engine.delegate.DelegateTask;

/**
 * A feature's say when a user task of any deployed model is assigned (claimed, handed over, or assigned when created):
 * the platform calls every hook inside the engine command that assigns it, e.g. to pass the task on to someone else.
 */
public interface TaskAssignedHook {

    void taskAssigned(DelegateTask task);
}
