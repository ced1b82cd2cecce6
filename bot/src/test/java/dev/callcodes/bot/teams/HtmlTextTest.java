package dev.callcodes.bot.teams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    void htmlBecomesLinesAndCells() {
        assertThat(HtmlText.toPlain("<div><p>Final SIP code: <b>403</b></p><p>Subcode&nbsp;510559</p></div>"))
                .isEqualTo("Final SIP code: 403\nSubcode 510559");
        assertThat(HtmlText.toPlain("<table><tr><td>403</td><td>510559</td></tr><tr><td>504</td><td>569008</td>"
                + "</tr></table>")).isEqualTo("403\t510559\t\n504\t569008");
    }

    @Test
    void sipUrisAndAngleBracketsThatAreNotHtmlStay() {
        String trace = "From: <sip:+4930123@sbc.contoso.com>;tag=1\nReason: Q.850;cause=16 <no tag>";

        assertThat(HtmlText.toPlain(trace)).isEqualTo(trace);
    }

    @Test
    void entitiesAreRead() {
        assertThat(HtmlText.toPlain("&lt;sip:a@b&gt; &amp; &#52;&#48;&#51; &#x35;60403 &unknown;"))
                .isEqualTo("<sip:a@b> & 403 560403 &unknown;");
    }
}
