package dev.callcodes.bot.teams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesControllerTest {

    @Test
    void aRefusalReasonIsLoggedOnOneLineWithControlCharactersEscaped() {
        assertThat(MessagesController.printable("bad kid\n2026-12-01 INFO forged\r\u2028x"))
                .isEqualTo("bad kid\\u000a2026-12-01 INFO forged\\u000d\\u2028x");
        assertThat(MessagesController.printable("x".repeat(1000))).hasSize(303).endsWith("...");
        assertThat(MessagesController.printable(null)).isEmpty();
    }
}
