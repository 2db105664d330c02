package dev.httpauth.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer} JWTs (RFC 6750): the signature against the authorization
 * server's JSON Web Key Set, fetched over HTTP and cached, then the issuer and the expiry.
 */
final class BearerTokenCheck {

    private static final String CHALLENGE = "Bearer realm=\"" + ProtectedResource.REALM + "\"";

    private final DefaultJWTProcessor<SecurityContext> processor;

    BearerTokenCheck(URI jwksUri, URI issuer) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).retrying(false).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The JWKS URI '" + jwksUri + "' is not a valid URL: " + e.getMessage(), e);
        }

        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier = new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer.toString()).build(),
                Set.of("sub", "exp"));
        // The authorization server and this resource read the same clock, so no skew is allowed.
        claimsVerifier.setMaxClockSkew(0);

        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.SIGNATURE, keys));
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /** Checks the bearer token of {@code exchange}. The subject of a valid token is its {@code sub} claim. */
    Verdict check(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return new Verdict.Rejected(CHALLENGE, "the request has no Authorization header");
        }

        Optional<String> token = StaticCredentialChecks.credentialsOfScheme(authorization, "Bearer");
        if (token.isEmpty()) {
            return new Verdict.Rejected(CHALLENGE, "the Authorization header does not use the Bearer scheme");
        }

        try {
            JWTClaimsSet claims = processor.process(token.get(), null);
            return new Verdict.Authorized("bearer", claims.getSubject());
        } catch (ParseException e) {
            // The parser's message may quote parts of the token, so it stays out of the reason.
            return invalidToken("the bearer token is not a signed JWT");
        } catch (BadJOSEException e) {
            return invalidToken("the bearer token was rejected: " + e.getMessage());
        } catch (JOSEException e) {
            return invalidToken("the bearer token could not be verified: " + e.getMessage());
        }
    }

    /** Builds a rejection whose challenge carries the RFC 6750 §3.1 {@code invalid_token} error. */
    private static Verdict invalidToken(String reason) {
        String description = reason.replace('"', '\'').replace('\\', '/');
        return new Verdict.Rejected(CHALLENGE + ", error=\"invalid_token\", error_description=\"" + description + "\"", reason);
    }
}
