package dev.callcodes.catalog;

import java.util.List;

/**
 * What a SIP status code means in general and what it usually points to in a Teams call path.
 *
 * @param iana whether IANA registers the code; Microsoft's tables also use a few codes that it does not
 */
public record SipCodeInfo(
        int code,
        String reasonPhrase,
        String rfc,
        boolean iana,
        String meaning,
        String inTeams,
        List<String> sources) {

    public SipCodeInfo {
        sources = List.copyOf(sources);
    }

    public String codeClass() {
        return code < 100 ? "none" : (code / 100) + "xx";
    }
}
