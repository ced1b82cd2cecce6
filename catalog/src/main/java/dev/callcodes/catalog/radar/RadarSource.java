package dev.callcodes.catalog.radar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.callcodes.catalog.CatalogException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One Microsoft source the radar reads (resource {@code radar/sources.yaml}): its repository, its path there, the
 * catalog family its rows belong to, how to read it, and the official page the catalog's entries cite.
 *
 * @param path  the file; for {@code sip-pages}, with {@code {sip}} standing for the page's SIP code
 * @param index for {@code sip-pages}, the index page that links to every per-SIP-code page; else null
 */
public record RadarSource(String repo, String path, String index, String family, String format, String url) {

    static final String SIP = "{sip}";

    record SourcesFile(Map<String, String> repositories, List<RadarSource> sources) {
    }

    /** The sources shipped with the catalog. */
    public static List<RadarSource> embedded() {
        return file().sources();
    }

    /** Where {@code --fetch} reads each repository's files: repository name to the base URL of its raw files. */
    public static Map<String, String> repositories() {
        return file().repositories() == null ? Map.of() : Map.copyOf(file().repositories());
    }

    private static SourcesFile file() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = RadarSource.class.getClassLoader().getResourceAsStream("radar/sources.yaml")) {
            if (in == null) {
                throw new CatalogException("Radar resource missing from the class path: radar/sources.yaml");
            }
            SourcesFile file = yaml.readValue(in, SourcesFile.class);
            List<RadarSource> sources = file.sources();
            for (RadarSource s : sources) {
                if (s.repo() == null || s.path() == null || s.family() == null || s.url() == null
                        || !List.of("sip-pages", "tables").contains(s.format())) {
                    throw new CatalogException("radar/sources.yaml: source " + s.path()
                            + " needs repo, path, family, url and a format of sip-pages or tables");
                }
            }
            return file;
        } catch (IOException e) {
            throw new CatalogException("radar/sources.yaml is not valid: " + e.getMessage(), e);
        }
    }

    boolean perSipPages() {
        return "sip-pages".equals(format);
    }

    String path(int sip) {
        return path.replace(SIP, Integer.toString(sip));
    }

    String url(int sip) {
        return url.replace(SIP, Integer.toString(sip));
    }

    /** The folder of the per-SIP-code pages and the file name before the code ('microsoft-sip-response-codes-'). */
    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    String filePrefix() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf(SIP));
    }

    String fileSuffix() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(name.indexOf(SIP) + SIP.length());
    }
}
