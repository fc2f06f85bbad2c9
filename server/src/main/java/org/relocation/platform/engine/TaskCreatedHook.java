package org.relocation.platform.engine;

import org.operaton.bpm.engine.delegate.DelegateTask;

/**
 * A feature's say in who works on a new user task (its assignee, candidates): the platform calls every hook when a
 * task of any deployed model is created, after its own create listeners, inside the engine command that creates it.
 * A hook reads what it needs (the case) when it is called, so no process variable copies case data.
 */
public interface TaskCreatedHook {

    void taskCreated(DelegateTask task);
}
