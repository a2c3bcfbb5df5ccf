package io.jingda.contest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A contest row: its definition (title, settings as JSON) and the persisted state of its live run,
 * written on every transition so that a restarted server resumes where it was.
 */
@Entity
@Table(name = "contest")
public class Contest {
    @Id
    @GeneratedValue(generator = "contest_seq")
    @SequenceGenerator(name = "contest_seq", sequenceName = "contest_seq", allocationSize = 50)
    public Long id;
    public String title;
    public String owner;
    @Enumerated(EnumType.STRING)
    public ContestStatus status;
    @Enumerated(EnumType.STRING)
    public QuestionPhase phase;
    @Column(name = "question_index")
    public int questionIndex = -1;
    @Column(name = "question_count")
    public int questionCount;
    public String code;
    @Column(name = "open_code")
    public String openCode;
    /** JSON of {@link ContestSettings}. */
    public String settings;
    @Column(name = "opened_at")
    public Long openedAt;
    @Column(name = "deadline_at")
    public Long deadlineAt;
    @Column(name = "closed_at")
    public Long closedAt;
    @Column(name = "remaining_ms")
    public Long remainingMs;
    @Column(name = "phase_until")
    public Long phaseUntil;
    @Column(name = "heartbeat_at")
    public Long heartbeatAt;
    /** A self-paced contest's window (epoch ms); null for a live contest. */
    @Column(name = "opens_at")
    public Long opensAt;
    @Column(name = "closes_at")
    public Long closesAt;
    /** The key that signs a self-paced contest's participant tokens; never sent to anyone. */
    @Column(name = "token_key")
    public String tokenKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
