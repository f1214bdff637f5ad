package io.sigil.identity.did;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DidSyntaxTest {

    @Test
    void didsOfAnyMethodFollowDidCoreSyntax() {
        // Given identifiers of several forms
        // When they are checked
        // Then DID Core's syntax decides, percent-encoding included
        assertThat(DidSyntax.isDid("did:sigil:demo-agent-low")).isTrue();
        assertThat(DidSyntax.isDid("did:web:example.com:user:alice")).isTrue();
        assertThat(DidSyntax.isDid("did:sigil:a%3Ab")).isTrue();
        assertThat(DidSyntax.isDid("did:sigil:a%zz")).isFalse();
        assertThat(DidSyntax.isDid("did:Sigil:x")).isFalse();
        assertThat(DidSyntax.isDid("did:sigil:")).isFalse();
        assertThat(DidSyntax.isDid("did:sigil:a:")).isFalse();
        assertThat(DidSyntax.isDid("not-a-did")).isFalse();
        assertThat(DidSyntax.isDid("did:sigil:" + "x".repeat(DidSyntax.MAX_LENGTH)))
                .isFalse();
        assertThat(DidSyntax.isDid(null)).isFalse();
    }

    @Test
    void onlyTheSigilMethodIsServed() {
        // Given a sigil DID and a web DID
        // When they are checked for the sigil method
        // Then only the first is one
        assertThat(DidSyntax.isSigilDid("did:sigil:demo")).isTrue();
        assertThat(DidSyntax.isSigilDid("did:web:example.com")).isFalse();
    }
}
