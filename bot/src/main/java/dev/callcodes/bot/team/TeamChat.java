package dev.callcodes.bot.team;

import dev.callcodes.bot.chat.ChatTurn;
import dev.callcodes.bot.chat.Reply;
import dev.callcodes.bot.chat.TeamControl;
import dev.callcodes.cards.Card;
import dev.callcodes.catalog.explain.Answer;
import dev.callcodes.team.CodePair;
import dev.callcodes.team.TeamStats;
import dev.callcodes.team.Tenants;
import dev.callcodes.team.feedback.Ballot;
import dev.callcodes.team.feedback.Feedback;
import dev.callcodes.team.feedback.Tally;
import dev.callcodes.team.feedback.Vote;
import dev.callcodes.team.TextRules;
import dev.callcodes.team.notes.Author;
import dev.callcodes.team.notes.NoteException;
import dev.callcodes.team.notes.Note;
import dev.callcodes.team.notes.TeamNotes;
import dev.callcodes.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.callcodes.team.usage.UsageCounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The team's commands over the store: every answer is about the tenant of the conversation that asked. */
public final class TeamChat implements TeamControl {

    private static final Logger LOG = LoggerFactory.getLogger(TeamChat.class);

    private final TeamStats stats;
    private final StatsCards cards;
    private final Feedback feedback;
    private final UsageCounts usage;
    private final TeamNotes notes;
    private final FeedbackCards feedbackCards = new FeedbackCards();

    public TeamChat(TeamStats stats, StatsCards cards, Feedback feedback, UsageCounts usage, TeamNotes notes) {
        this.notes = notes;
        this.stats = stats;
        this.cards = cards;
        this.feedback = feedback;
        this.usage = usage;
    }

    @Override
    public Card stats(ChatTurn turn) {
        return cards.stats(stats.report(tenantOf(turn), StatsCards.ROWS));
    }

    @Override
    public Reply withTeam(Reply reply, ChatTurn turn, String votedEntry, String voteNote) {
        // Cards and answers pair up one to one only for answer cards and carousels; a summary card has many answers.
        if (turn.conversationId() == null || reply.cards().size() != reply.answers().size()) {
            return reply;
        }
        List<Card> decorated = new ArrayList<>();
        // A vote on an entry none of the cards shows (a forged or outdated button) is told on the first card.
        boolean noteShown = votedEntry == null || reply.answers().stream().anyMatch(a -> votedEntry.equals(entryId(a)));
        for (int i = 0; i < reply.cards().size(); i++) {
            Card card = reply.cards().get(i);
            Answer answer = reply.answers().get(i);
            String entry = entryId(answer);
            String codes = codes(answer);
            if (!FeedbackCards.ANSWER_TEMPLATES.contains(card.template()) || FeedbackCards.hasTeamPart(card)
                    || entry == null || codes == null) {
                decorated.add(card);
            } else {
                boolean here = entry.equals(votedEntry) || !noteShown;
                noteShown = true;
                decorated.add(feedbackCards.withTeamParts(card, entry, codes, notesOf(turn, answer),
                        here ? voteNote : null));
            }
        }
        return new Reply(decorated, reply.answers(), reply.placement());
    }

    @Override
    public String vote(ChatTurn turn, String entryId, boolean helpful) {
        String tenant = tenantOf(turn);
        Vote vote = helpful ? Vote.HELPFUL : Vote.NOT_HELPFUL;
        Tally tally;
        try {
            Optional<Ballot> before = feedback.voteOf(tenant, entryId, turn.userId());
            tally = feedback.vote(tenant, entryId, turn.userId(), vote, null);
            if (before.map(b -> b.vote() != vote).orElse(true)) {
                usage.feedbackGiven(tenant, vote);
            }
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so no vote was taken: " + unreadable.getMessage();
        }
        String name = turn.userName() == null || turn.userName().isBlank() ? "" : ", " + turn.userName();
        return "Thanks" + name + ": your vote (" + (helpful ? "Helpful" : "Not helpful") + ") is in. So far "
                + tally.helpful() + " helpful, " + tally.notHelpful() + " not helpful.";
    }

    /** The pair's notes in the tenant; an answer still goes out when the store cannot be read, without them. */
    private List<Note> notesOf(ChatTurn turn, Answer answer) {
        try {
            return notes.notes(tenantOf(turn), UsageRecorder.pairOf(answer));
        } catch (StoreException e) {
            LOG.warn("Could not read the team notes of an answer ({})", e.getClass().getSimpleName());
            return List.of();
        }
    }

    @Override
    public String addNote(ChatTurn turn, String codes) {
        CodePair pair;
        try {
            pair = pairOf(codes);
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so no note was saved: " + unreadable.getMessage();
        }
        try {
            notes.add(tenantOf(turn), pair, new Author(turn.userId(), turn.userName()),
                    turn.formText() == null ? "" : turn.formText());
        } catch (TextRules.TextRejected | NoteException refused) {
            return "No note saved: " + refused.getMessage() + ".";
        }
        return "Saved your team note on " + pair + ". Everyone in your organization sees it on this code's answers.";
    }

    @Override
    public String editNote(ChatTurn turn, String codes, String noteId) {
        CodePair pair;
        try {
            pair = pairOf(codes);
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so the note was not changed: " + unreadable.getMessage();
        }
        try {
            notes.edit(tenantOf(turn), pair, noteId, new Author(turn.userId(), turn.userName()),
                    turn.formText() == null ? "" : turn.formText());
        } catch (TextRules.TextRejected | NoteException refused) {
            return "Note not changed: " + refused.getMessage() + ".";
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so the note was not changed: " + unreadable.getMessage();
        }
        return "Saved your change to the team note on " + pair + ".";
    }

    @Override
    public String removeNote(ChatTurn turn, String codes, String noteId) {
        CodePair pair;
        try {
            pair = pairOf(codes);
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so no note was removed: " + unreadable.getMessage();
        }
        try {
            notes.remove(tenantOf(turn), pair, noteId, new Author(turn.userId(), turn.userName()));
        } catch (NoteException refused) {
            return "Note not removed: " + refused.getMessage() + ".";
        } catch (IllegalArgumentException unreadable) {
            return "That button could not be read, so no note was removed: " + unreadable.getMessage();
        }
        return "Removed the team note on " + pair + ". Its text stays in the note's history.";
    }

    /** The codes of an "add a note" button back as a pair: "510559 403", "560403", "SIP 488". */
    static CodePair pairOf(String codes) {
        String[] words = codes.strip().split("\\s+");
        if (words.length == 2 && words[0].equalsIgnoreCase("SIP")) {
            return new CodePair(null, Integer.valueOf(words[1]));
        }
        if (words.length == 1) {
            return new CodePair(words[0], null);
        }
        if (words.length == 2) {
            return new CodePair(words[0], Integer.valueOf(words[1]));
        }
        throw new IllegalArgumentException("'" + codes + "' are not the codes of one pair");
    }

    /** What a vote is on: the catalog entry, or the pair for codes the catalog does not list. */
    static String entryId(Answer answer) {
        if (!answer.entries().isEmpty()) {
            return answer.entries().get(0).id();
        }
        CodePair pair = UsageRecorder.pairOf(answer);
        return pair == null ? null : pair.key();
    }

    /** The codes that give the same answer again, for the refreshed card; null when there are none. */
    static String codes(Answer answer) {
        CodePair pair = UsageRecorder.pairOf(answer);
        if (pair == null) {
            return null;
        }
        if (pair.microsoftCode() == null) {
            return "SIP " + pair.sipCode();
        }
        return pair.sipCode() == null ? pair.microsoftCode() : pair.microsoftCode() + " " + pair.sipCode();
    }

    /** The tenant from the activity, never from what the user wrote; the local chat page has none. */
    static String tenantOf(ChatTurn turn) {
        return turn.tenantId() == null || turn.tenantId().isBlank() ? Tenants.LOCAL : turn.tenantId();
    }
}
