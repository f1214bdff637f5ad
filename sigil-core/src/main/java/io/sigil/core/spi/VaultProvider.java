package io.sigil.core.spi;

import io.sigil.core.model.VaultEntry;

/** Seed 004: seals findings so that plaintext never reaches the model, the logs or the disk. */
public interface VaultProvider {

    /** Encrypts the plaintext and returns the entry; implementations zero their copies of the plaintext. */
    VaultEntry encrypt(byte[] plaintext, String description) throws VaultException;

    /** Decrypts an entry; callers must have been authorised before they ask. */
    byte[] decrypt(String id) throws VaultException;

    boolean exists(String id);

    /** A vault operation that could not be carried out: unknown id, bad key, tampered ciphertext. */
    final class VaultException extends Exception {
        public VaultException(String message) {
            super(message);
        }

        public VaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
