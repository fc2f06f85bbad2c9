package org.relocation.relocationcase;

import java.util.List;
import java.util.Optional;

/**
 * The people a case names, as the identity knows them (the engine's users and groups live in the server): whether a
 * login is a user of a role, who the users of a role are, and a user's display name. The server provides it; where
 * there is none (the standalone workers, which never register intakes) the checks against the users are skipped.
 */
public interface CaseStaff {

    /** The role whose users may be a case's line manager. */
    String LINE_MANAGER_ROLE = "manager";
    /** The task the case's line manager decides: the manager approval of {@code relocation-approval}. */
    String LINE_MANAGER_TASK = "approve-relocation";
    /** The role whose users run cases. */
    String SPECIALIST_ROLE = "mobility-specialist";

    /** Whether a user has this login (whatever their roles). */
    boolean exists(String userId);

    /** Whether the login is a user of that role. */
    boolean isMember(String userId, String role);

    /** The logins of the users of that role. */
    List<String> members(String role);

    /** "First Last" of a user, if they exist and have a name. */
    Optional<String> displayName(String userId);
}
