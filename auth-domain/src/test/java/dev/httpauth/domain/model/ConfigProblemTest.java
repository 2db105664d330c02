package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigProblemTest {

    @Test
    void underPrefixesPath() {
        ConfigProblem problem = new ConfigProblem("username", "is empty");

        ConfigProblem nested = problem.under("connections.billing.auth");

        assertThat(nested.path()).isEqualTo("connections.billing.auth.username");
        assertThat(nested.message()).isEqualTo("is empty");
    }

    @Test
    void underEmptyPathUsesPrefixAlone() {
        ConfigProblem problem = new ConfigProblem("", "is missing");

        ConfigProblem nested = problem.under("connections.crm.auth");

        assertThat(nested.path()).isEqualTo("connections.crm.auth");
    }

    @Test
    void toStringShowsPathThenMessage() {
        ConfigProblem problem = new ConfigProblem("scope", "is not valid");

        assertThat(problem.toString()).isEqualTo("scope: is not valid");
    }
}
