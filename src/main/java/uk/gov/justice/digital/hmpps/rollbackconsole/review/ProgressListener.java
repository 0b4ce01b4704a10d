package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/** Hears how far a review has got; called on the reviewing thread, so it must return quickly. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (records, bytesRead, totalBytes) -> {
    };

    /**
     * @param records    list elements read so far
     * @param bytesRead  bytes taken from the file so far (the parser reads a little ahead of the records)
     * @param totalBytes the file's size when the review started
     */
    void progress(long records, long bytesRead, long totalBytes);
}
