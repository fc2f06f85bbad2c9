package org.relocation.relocationcase;

/**
 * A case's route as people name it, e.g. {@code GB → DE Berlin}: the home country, the host country and city. Not the
 * nationality (personal data) and no name: what every role that sees a task of the case may read.
 */
public final class CaseRoute {

    /** Task names are at most 255 characters: a long city name is cut. */
    static final int MAX_CITY = 60;

    private CaseRoute() {
    }

    public static String of(RelocationCase c) {
        String city = c.getHostCity() == null ? "" : c.getHostCity().strip();
        if (city.length() > MAX_CITY) {
            city = city.substring(0, MAX_CITY - 1) + "…";
        }
        String route = c.getHomeCountry() + " → " + c.getHostCountry();
        return city.isEmpty() ? route : route + " " + city;
    }
}
