package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

/** Where one recluster run is, in the order the service works: every record is upserted, then every one reclustered. */
public enum Phase {
    /** Sent; the pod has not yet logged that it was triggered. */
    WAITING,
    UPSERT,
    RECLUSTER,
    COMPLETE
}
