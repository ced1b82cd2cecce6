package dev.callcodes.manifest;

/**
 * The values the build fills the manifest template with. Surefire passes them from manifest/pom.xml, where each is
 * defined once, under the name of the environment variable that overrides it.
 */
record FilledValues(String teamsAppId, String version, String botId, String publicHost, String nameSuffix,
                    String websiteUrl) {

    static FilledValues fromBuild() {
        return new FilledValues(
                required("TEAMS_APP_ID"),
                required("TEAMS_APP_VERSION"),
                required("MicrosoftAppId"),
                required("CALLCODES_PUBLIC_HOST"),
                System.getProperty("CALLCODES_APP_NAME_SUFFIX", ""),
                required("CALLCODES_WEBSITE_URL"));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run this test with Maven,"
                    + " whose manifest/pom.xml passes it");
        }
        return value;
    }
}
