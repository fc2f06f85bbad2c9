package org.relocation.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/** Users to create at start-up (relocation.identity.users); the demo profile defines demo users, production its own. */
@ConfigurationProperties("relocation.identity")
public class IdentityProperties {

    private List<User> users = new ArrayList<>();

    public List<User> getUsers() { return users; }
    public void setUsers(List<User> users) { this.users = users; }

    public static class User {
        private String id;
        private String firstName;
        private String lastName;
        private String email;
        private String password;
        private List<String> groups = new ArrayList<>();
        /** The cost centres a finance user or a manager answers for: they read the cases charged to them. */
        private List<String> costCentres = new ArrayList<>();

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public List<String> getGroups() { return groups; }
        public void setGroups(List<String> groups) { this.groups = groups; }
        public List<String> getCostCentres() { return costCentres; }
        public void setCostCentres(List<String> costCentres) { this.costCentres = costCentres; }
    }
}
