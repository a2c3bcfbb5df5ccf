package io.jingda.live;

import io.jingda.live.protocol.Messages;
import io.jingda.scoring.RankingTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a board shows, beside the {@link LiveRanking} it reads: the places as frames carry them,
 * {@code (kind, id, name, rank, score)}, for the individual board. Team standings are the team rounds'
 * {@code live.team.Match#standings} (at most 16 teams, with colours and tie-break wins, carried as
 * {@code teams} beside the individual board rather than mixed into it). Called under the contest's lock.
 */
public interface Standings {

    /** The first {@code n} places. */
    List<Messages.Entry> top(int n);

    /** Makes a contest's standings. */
    interface Factory {
        Standings individual(LiveRanking ranking, LongFunction<String> nicknames);
    }

    /** Participants ranked by the live ranking, named by their nicknames. */
    record Individual(LiveRanking ranking, LongFunction<String> nicknames) implements Standings {
        @Override
        public List<Messages.Entry> top(int n) {
            List<RankingTable.Standing> top = ranking.top(n);
            List<Messages.Entry> out = new ArrayList<>(top.size());
            for (RankingTable.Standing s : top) {
                out.add(Messages.Entry.participant(s.rank(), s.participantId(), nicknames.apply(s.participantId()),
                        s.score()));
            }
            return out;
        }
    }

    @ApplicationScoped
    class Default implements Factory {
        @Override
        public Standings individual(LiveRanking ranking, LongFunction<String> nicknames) {
            return new Individual(ranking, nicknames);
        }
    }
}
