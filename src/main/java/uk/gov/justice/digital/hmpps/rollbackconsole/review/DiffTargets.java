package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.nio.file.Path;

/**
 * Where a diff writes its differences, each as a runbook file; a null path means that file is not wanted.
 *
 * @param onlyInA records of A whose source_system and source_system_id are not in B, as A has them
 * @param onlyInB records of B not in A, as B has them
 * @param inBoth  records in both files, as A has them (A's person_uuid)
 */
public record DiffTargets(Path onlyInA, Path onlyInB, Path inBoth) {

    public static DiffTargets none() {
        return new DiffTargets(null, null, null);
    }
}
