package io.sigil.audit.store;

import java.sql.SQLException;

/** Another sealer moved a chain's head since this one read it; the batch is rolled back and retried. */
public class ConcurrentSealException extends SQLException {

    public ConcurrentSealException(String chain) {
        super("the head of " + chain + " moved under this sealer");
    }
}
