package io.jingda.online;

import io.jingda.contest.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** STUB until the backend lands on main (h-org builds against this name and signature). */
@ApplicationScoped
public class OnlineReports {
    public record Dashboard(long participants, long attempts, long activeAttempts, long answers, long flagged,
                            List<Object> attemptsPerHour, List<String> unitsWithoutParticipants, List<Object> questions) {
    }

    public Dashboard dashboard(long contestId) {
        return new Dashboard(0, 0, 0, 0, 0, List.of(), List.of(), List.of());
    }

    public void mayView(long contestId, Caller caller) {
    }
}
