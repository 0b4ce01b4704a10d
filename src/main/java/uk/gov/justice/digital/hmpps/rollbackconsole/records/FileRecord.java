package uk.gov.justice.digital.hmpps.rollbackconsole.records;

/**
 * One element of a runbook file as written, not yet checked against the domain (an unknown source system is kept
 * as it is, for a validator to report).
 *
 * @param index      0-based position in the list; messages number records from 1
 * @param line       1-based line of the record's opening brace
 * @param column     1-based column of the record's opening brace; counted in bytes, which equals characters for
 *                   the ASCII ids of the runbook (error positions are recounted in characters)
 * @param personUuid null when the field is absent or JSON null
 */
public record FileRecord(long index, int line, int column, String personUuid, String sourceSystem,
                         String sourceSystemId) {
}
