package org.relocation.identity;

import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.BatchPermissions;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.relocation.platform.security.AccountPasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups, their engine authorizations, and the configured users, idempotently on
 * every start (every cluster node may do it; existing rows are left alone). Outside the demo profile every
 * configured user's password must meet the password policy ({@link AccountPasswordPolicy}), or the server does
 * not start (the message names the user, never the password).
 */
@Component
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final String ANY = Authorization.ANY;
    /** The engine always treats this group as administrators (Cockpit, Admin, every authorization). */
    static final String ENGINE_ADMIN_GROUP = "operaton-admin";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final IdentityProperties properties;
    private final boolean demo;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, IdentityProperties properties, Environment environment) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.properties = properties;
        this.demo = environment.matchesProfiles("demo");
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void bootstrap() {
        for (IdentityProperties.User u : properties.getUsers()) {
            checkPassword(u);
        }
        for (String role : Roles.ALL) {
            if (identity.createGroupQuery().groupId(role).count() == 0) {
                Group g = identity.newGroup(role);
                g.setName(role);
                g.setType(role.equals(Roles.ADMIN) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(g);
            }
        }
        if (identity.createGroupQuery().groupId(ENGINE_ADMIN_GROUP).count() == 0) {
            Group g = identity.newGroup(ENGINE_ADMIN_GROUP);
            g.setName("Engine administrators");
            g.setType("SYSTEM");
            identity.saveGroup(g);
        }
        grantRoles();
        for (IdentityProperties.User u : properties.getUsers()) {
            createUser(u);
        }
        log.info("Identity ready: {} role groups, {} configured users", Roles.ALL.size(), properties.getUsers().size());
    }

    /** Every configured user, before any is created: a password, and outside the demo profile one that meets the policy. */
    private void checkPassword(IdentityProperties.User u) {
        if (u.getId() == null || u.getPassword() == null || u.getPassword().isBlank()) {
            throw new IllegalStateException("relocation.identity.users entries need an id and a password");
        }
        if (!demo) {
            User candidate = identity.newUser(u.getId());
            candidate.setFirstName(u.getFirstName());
            candidate.setLastName(u.getLastName());
            candidate.setEmail(u.getEmail());
            if (!AccountPasswordPolicy.accepts(u.getPassword(), candidate)) {
                throw new IllegalStateException("The password of configured user " + u.getId()
                        + " does not meet the password policy (" + AccountPasswordPolicy.DESCRIPTION + ")");
            }
        }
    }

    private void createUser(IdentityProperties.User u) {
        if (identity.createUserQuery().userId(u.getId()).count() == 0) {
            User user = identity.newUser(u.getId());
            user.setFirstName(u.getFirstName());
            user.setLastName(u.getLastName());
            user.setEmail(u.getEmail());
            user.setPassword(u.getPassword());
            identity.saveUser(user);
        }
        for (String group : u.getGroups()) {
            if (!Roles.ALL.contains(group)) {
                throw new IllegalStateException("User " + u.getId() + " is in unknown group " + group + "; groups are " + Roles.ALL);
            }
            if (identity.createUserQuery().userId(u.getId()).memberOfGroup(group).count() == 0) {
                identity.createMembership(u.getId(), group);
            }
            if (group.equals(Roles.ADMIN) && identity.createUserQuery().userId(u.getId()).memberOfGroup(ENGINE_ADMIN_GROUP).count() == 0) {
                identity.createMembership(u.getId(), ENGINE_ADMIN_GROUP); // the engine's built-in admin group: all permissions
            }
        }
    }

    private void grantRoles() {
        for (String role : Roles.ALL) {
            if (!role.equals(Roles.JOB_WORKER)) {
                grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS); // filters: READ per filter (TasklistFilters)
            }
        }
        // People who start cases from the Tasklist, and see the journey's definitions
        for (String role : new String[]{Roles.SPECIALIST, Roles.HR_ADMIN}) {
            grant(role, Resources.PROCESS_DEFINITION, "relocation", Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE);
            grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
            grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
        for (String role : new String[]{Roles.MANAGER, Roles.FINANCE, Roles.HR_LEAD, Roles.SENIOR_MANAGER, Roles.EMPLOYEE}) {
            grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // Process owners change models and redeploy; they see everything in Cockpit
        grant(Roles.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Roles.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        grant(Roles.PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        // ... and migrate running cases to a new version (PROCESS_DEFINITION ALL above includes MIGRATE_INSTANCE): the
        // engine batch that moves them needs this permission to be created and READ to follow its progress
        grant(Roles.PROCESS_OWNER, Resources.BATCH, ANY, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, BatchPermissions.READ);
        // Administrators: every permission on every resource, granted explicitly
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
        }
        // Job workers fetch and complete external tasks of any process instance
        grant(Roles.JOB_WORKER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        grant(Roles.JOB_WORKER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE);
        // ... and evaluate the policy decision tables (standalone workers, through the REST API)
        grant(Roles.JOB_WORKER, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization a = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission p : permissions) {
            if (!a.isPermissionGranted(p)) {
                a.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(a);
        }
    }
}
