package org.relocation.relocationcase.engine;

import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.relocation.platform.engine.SystemContext;
import org.relocation.relocationcase.CaseStaff;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.List;

/** The open specialist tasks of a case follow its specialist when HR administration hands the case to another. */
@Component
public class SpecialistTasks {

    private final TaskService tasks;
    private final SystemContext system;

    SpecialistTasks(@Lazy TaskService tasks, SystemContext system) {
        this.tasks = tasks;
        this.system = system;
    }

    /**
     * The case's open tasks of the specialist role get the new specialist as candidate instead of the old one, and a
     * task the old specialist had claimed is handed to the new one; returns the ids of the tasks changed.
     */
    public List<String> handOver(String caseNumber, String from, String to) {
        return system.call(() -> {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskCandidateGroup(CaseStaff.SPECIALIST_ROLE).includeAssignedTasks().list();
            for (Task t : open) {
                if (from != null) {
                    tasks.deleteCandidateUser(t.getId(), from);
                }
                tasks.addCandidateUser(t.getId(), to);
                if (from != null && from.equals(t.getAssignee())) {
                    tasks.setAssignee(t.getId(), to);
                }
            }
            return open.stream().map(Task::getId).toList();
        });
    }
}
