package io.sigil.demo.tools;

/** One fake email message, rendered as plain text for tool results. */
public record FakeEmail(String folder, String from, String to, String subject, String body) {

    /** The message as the text a mail client would show. */
    public String render() {
        return "Folder: " + folder + "\nFrom: " + from + "\nTo: " + to + "\nSubject: " + subject + "\n\n" + body;
    }
}
