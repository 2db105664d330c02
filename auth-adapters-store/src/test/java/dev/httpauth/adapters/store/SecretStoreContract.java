package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every {@link ResolveSecretPort} shares. A test class per store extends this class
 * and defines how to build a store that contains {@link #CANARY}.
 */
abstract class SecretStoreContract {

    /** A secret value that must never show up in a message or a {@code toString}. */
    static final String CANARY = "canary-7f3a9c-Sup3rS3cret";

    private ResolveSecretPort store;

    /** Creates the store under test, with {@link #CANARY} stored under {@link #presentRef()}. */
    abstract ResolveSecretPort storeHoldingCanary() throws Exception;

    /** The ref under which the store keeps {@link #CANARY}. */
    abstract SecretRef presentRef();

    /** A ref for which the store has no secret. */
    abstract SecretRef missingRef();

    /**
     * Refs that the store fails to resolve for other reasons than absence, such as a file that
     * others may read. Each may involve {@link #CANARY}, so none of their messages may show it.
     */
    List<SecretRef> otherFailingRefs() throws Exception {
        return List.of();
    }

    @BeforeEach
    final void createStore() throws Exception {
        store = storeHoldingCanary();
    }

    @Test
    void resolveReturnsStoredSecret() {
        Either<AuthError, Secret> resolved = store.resolve(presentRef());

        assertThat(resolved.isRight()).as("resolved: %s", resolved).isTrue();
        assertThat(resolved.get().reveal()).isEqualTo(CANARY);
    }

    @Test
    void resolveReportsMissingSecret() {
        Either<AuthError, Secret> resolved = store.resolve(missingRef());

        assertThat(resolved.isLeft()).as("resolved: %s", resolved).isTrue();
        assertThat(resolved.getLeft()).isInstanceOfSatisfying(AuthError.SecretUnavailable.class, error -> {
            assertThat(error.ref()).isEqualTo(missingRef());
            assertThat(error.reason()).isNotBlank();
        });
        assertThat(resolved.getLeft().message()).contains(missingRef().toString());
    }

    @Test
    void resolveReportsOtherFailuresAsUnavailable() throws Exception {
        for (SecretRef ref : otherFailingRefs()) {
            Either<AuthError, Secret> resolved = store.resolve(ref);

            assertThat(resolved.isLeft()).as("resolved %s: %s", ref, resolved).isTrue();
            assertThat(resolved.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
            assertThat(resolved.getLeft().message()).contains(ref.toString());
        }
    }

    @Test
    void canaryAppearsInNoMessageOrToString() throws Exception {
        List<SecretRef> refs = new ArrayList<>(otherFailingRefs());
        refs.add(presentRef());
        refs.add(missingRef());
        List<String> texts = new ArrayList<>();

        for (SecretRef ref : refs) {
            Either<AuthError, Secret> resolved = store.resolve(ref);
            texts.add(resolved.toString());
            resolved.peekLeft(error -> texts.add(error.message()));
            resolved.peek(secret -> texts.add(secret.toString()));
        }
        texts.add(store.toString());

        assertThat(texts).hasSizeGreaterThanOrEqualTo(refs.size() + 1);
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
    }

    /** Parses {@code text}, which must be a valid ref. */
    static SecretRef ref(String text) {
        return SecretRef.parse(text).fold(
                message -> {
                    throw new IllegalArgumentException("Not a secret ref: " + text + " " + message);
                },
                ref -> ref);
    }
}
