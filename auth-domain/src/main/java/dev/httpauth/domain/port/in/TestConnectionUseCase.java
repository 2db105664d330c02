package dev.httpauth.domain.port.in;

import dev.httpauth.domain.model.ConnectionTestReport;

/** Obtains credentials for a connection and reports each step, so an operator can check it. */
public interface TestConnectionUseCase {

    /**
     * Checks the configuration, resolves the secrets and, for OAuth connections, requests a new
     * token, bypassing the cache. Stops at the first failed step.
     */
    ConnectionTestReport test(String connectionId);
}
