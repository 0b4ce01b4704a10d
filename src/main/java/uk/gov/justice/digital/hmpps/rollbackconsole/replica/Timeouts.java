package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

/**
 * How long the console waits for the replica. A dead port-forward must fail within seconds, never hang; a query
 * may take longer before its first row, while the server aggregates.
 *
 * @param connectSeconds  TCP connect (pgjdbc connectTimeout)
 * @param loginSeconds    the whole login: TLS, authentication, startup (pgjdbc loginTimeout)
 * @param socketSeconds   silence on an open connection (pgjdbc socketTimeout)
 * @param poolWaitMillis  waiting for a pooled connection (Hikari connectionTimeout)
 */
record Timeouts(int connectSeconds, int loginSeconds, int socketSeconds, long poolWaitMillis) {

    static final Timeouts STANDARD = new Timeouts(5, 10, 60, 10_000);
}
