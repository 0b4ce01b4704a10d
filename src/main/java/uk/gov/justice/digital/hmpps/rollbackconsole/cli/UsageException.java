package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

/** The command line was given something it cannot use; the message says what and how to fix it. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
