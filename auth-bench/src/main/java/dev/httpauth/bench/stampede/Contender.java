package dev.httpauth.bench.stampede;

/** One library in the stampede, with a token cached and a clock the stampede can move. */
interface Contender {

    /** The library's name in the results. */
    String name();

    /**
     * Moves the library's clock to 1 ms past the instant from which it treats its cached token as
     * expired, and returns the header value built from that token.
     */
    String expireCachedToken() throws Exception;

    /** Returns the {@code Authorization} header value as one caller asks for it. */
    String authorizationHeader() throws Exception;
}
