package dev.httpauth.app.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the version from the {@code pom.properties} that Maven puts into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.httpauth/auth-app/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return new String[] {"httpauth (development build, not packaged)"};
            }
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"httpauth " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
