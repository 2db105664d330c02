package dev.httpauth.bench.memory;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.RequestTokenPort;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token endpoint in memory that grants every request a new, distinct token of {@code length}
 * ASCII characters, valid for one hour. It keeps nothing but a counter.
 */
final class GeneratedTokens implements RequestTokenPort {

    private final int length;
    private final AtomicLong issued = new AtomicLong();

    GeneratedTokens(int length) {
        if (length < 20) {
            throw new IllegalArgumentException("token length must be at least 20 characters to hold a serial number, but was " + length);
        }
        this.length = length;
    }

    @Override
    public Either<AuthError, TokenGrant> requestToken(TokenRequest request) {
        char[] characters = new char[length];
        Arrays.fill(characters, 'x');
        String serial = Long.toString(issued.incrementAndGet());
        serial.getChars(0, serial.length(), characters, 0);
        return Either.right(new TokenGrant(Secret.of(new String(characters)), "Bearer", Optional.of(Duration.ofHours(1)), Optional.empty()));
    }
}
