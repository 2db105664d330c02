package dev.httpauth.app.cli;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sent request and its response, read for the terminal with every credential value the request
 * carried masked, in case the server echoes one. {@link SentCredentials} describes when a text is
 * withheld instead.
 *
 * @param request the request as the user described it, without credentials
 * @param response the response, body as bytes
 * @param sent the credential values the request carried
 */
record AuthorizedExchange(PlannedRequest request, HttpResponse<byte[]> response, SentCredentials sent) {

    int status() {
        return response.statusCode();
    }

    /** Returns the status line, such as {@code HTTP/1.1 200}. */
    String statusLine() {
        String version = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        return version + " " + response.statusCode();
    }

    /** Returns one {@code Name: value} line per response header value, masked unless {@code reveal} is set. */
    List<String> headerLines(boolean reveal) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                lines.add(reveal ? header.getKey() + ": " + value : sent.mask(header.getKey()) + ": " + sent.mask(value));
            }
        }
        return lines;
    }

    /** Returns the first value of the response header {@code name}, masked, or an empty string. */
    String header(String name) {
        return response.headers().firstValue(name).map(sent::mask).orElse("");
    }

    /**
     * Returns the body decoded with the charset of its {@code Content-Type} (UTF-8 when none is
     * given) and masked, or empty when it is withheld.
     */
    Optional<String> maskedBody() {
        return sent.masked(revealedBody());
    }

    /** Returns the body decoded as {@link #maskedBody()} does, but as received. */
    String revealedBody() {
        return new String(response.body(), charset());
    }

    /** Returns the size of the body in bytes. */
    int bodySize() {
        return response.body().length;
    }

    private Charset charset() {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(nameAndValue[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
