package dev.httpauth.bench.stampede;

/**
 * The outcome of one stampede round of one library.
 *
 * @param allServedNanos the time from opening the start gate until the last caller held a header
 * @param tokenRequests the requests the token endpoint received during the round
 * @param distinctTokens the number of different header values the callers received
 * @param unserved callers that got an error or the expired token, or did not return within the round timeout
 */
record RoundResult(long allServedNanos, int tokenRequests, int distinctTokens, int unserved) {
}
