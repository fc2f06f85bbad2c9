package org.relocation.identity;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.relocation.platform.engine.SystemContext;
import org.relocation.relocationcase.CaseStaff;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The people a case names, from the engine's users and groups. Read as the system: whoever opens a case need not have
 * the engine's read right on users to name a line manager.
 */
@Component
class EngineCaseStaff implements CaseStaff {

    private final IdentityService identity;
    private final SystemContext system;

    EngineCaseStaff(IdentityService identity, SystemContext system) {
        this.identity = identity;
        this.system = system;
    }

    @Override
    public boolean exists(String userId) {
        return userId != null && system.call(() -> identity.createUserQuery().userId(userId).count()) > 0;
    }

    @Override
    public boolean isMember(String userId, String role) {
        return userId != null && system.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(role).count()) > 0;
    }

    @Override
    public List<String> members(String role) {
        return system.call(() -> identity.createUserQuery().memberOfGroup(role).list().stream().map(User::getId).toList());
    }

    @Override
    public Optional<String> displayName(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User u = system.call(() -> identity.createUserQuery().userId(userId).singleResult());
        if (u == null) {
            return Optional.empty();
        }
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
