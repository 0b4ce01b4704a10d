package uk.gov.justice.digital.hmpps.rollbackconsole.records;

/**
 * What re-reading an exported file found.
 *
 * @param records records read from the file (up to the first format problem, if any)
 * @param sha256  lowercase hex of the file as it is now
 * @param problem what does not match, naming the record where relevant; null when everything matches
 */
public record VerifyResult(long records, String sha256, boolean matches, String problem) {
}
