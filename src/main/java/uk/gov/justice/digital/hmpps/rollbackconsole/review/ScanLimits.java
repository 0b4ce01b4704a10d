package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/**
 * Bounds that keep a review's memory flat whatever the file holds. Tests shrink them to reach each limit with a
 * small file.
 *
 * @param maxStringChars     longest string or field name the parser will hold; ids are far shorter, but DBeaver
 *                           puts the whole query text in a field name
 * @param maxNesting         deepest nesting of lists and objects (a record in DBeaver's export sits at depth 3)
 * @param maxDocumentBytes   largest file reviewed: a one-row-per-event export of several million rows fits
 * @param maxIdChars         longest source_system_id accepted; real ids are under 40 characters
 * @param problemsPerCode    problems kept of each code; all are counted
 * @param maxExtraFieldNames distinct unknown field names tallied one by one; further names are tallied together
 * @param progressEvery      records between two progress calls
 */
record ScanLimits(int maxStringChars, int maxNesting, long maxDocumentBytes, int maxIdChars, int problemsPerCode,
                  int maxExtraFieldNames, int progressEvery) {

    static final ScanLimits DEFAULT = new ScanLimits(64 * 1024, 16, 1L << 30, 256, 1_000, 100, 10_000);

    ScanLimits withProblemsPerCode(int count) {
        return new ScanLimits(maxStringChars, maxNesting, maxDocumentBytes, maxIdChars, count, maxExtraFieldNames,
                progressEvery);
    }
}
